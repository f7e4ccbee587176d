import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import {
  DocumentBuilder,
  type OpenAPIObject,
  type OperationObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { problemResponse, problemSchemas } from '../problem/api-problem-responses.decorator';
import { OPENAPI_VERSION, toOpenApi31 } from './openapi-3-1.mapper';
import { accessOf, operationIdOf, type Route, type RouteAccess, routesOf } from './route-access';

/** The security schemes a caller signs in with; either one will do. */
export const SECURITY_SCHEMES = { bearer: 'bearer', apiKey: 'apiKey' } as const;

/** The extension naming the one permission an operation needs. */
export const REQUIRED_PERMISSION_EXTENSION = 'x-required-permission';

/** What a protected operation may answer before it runs: who you are, what you may, how often. */
const PROTECTED_RESPONSES: Readonly<Record<string, string>> = {
  '401':
    'Not signed in: no credentials, or a token or API key that is expired, revoked or wrong ' +
    '(WWW-Authenticate names the schemes).',
  '403': 'Signed in, but your roles or the API key’s scopes lack the permission this needs.',
  '429': 'Too many requests from this user or API key; Retry-After says when to try again.',
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('ITSM platform API')
    .setDescription(
      'The one public REST API of the service desk: tickets today; SLAs, routing, CMDB, knowledge and ' +
        'notifications as they land. Every error is RFC 9457 problem+json. Writes accept an Idempotency-Key. ' +
        'Sign in with a bearer token (the gateway’s own or your identity provider’s) or send an API key ' +
        'in X-API-Key; each operation names the permission it needs (`x-required-permission`), and ' +
        'whoever acts is the caller unless a body names someone the caller may act for.',
    )
    .setVersion('v1')
    .setOpenAPIVersion(OPENAPI_VERSION)
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'An access token the gateway issued at sign-in, or one of a trusted OpenID Connect provider.',
      },
      SECURITY_SCHEMES.bearer,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-API-Key',
        description: 'An API key of an integration; its scopes decide what it may do.',
      },
      SECURITY_SCHEMES.apiKey,
    )
    // Two requirements: either scheme will do.
    .addSecurityRequirements(SECURITY_SCHEMES.bearer)
    .addSecurityRequirements(SECURITY_SCHEMES.apiKey)
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: problemSchemas });
  // @nestjs/swagger writes 3.0 schemas whatever the version it is told: converted last.
  return toOpenApi31(withRouteAccess(document, controllersOf(app).flatMap(routesOf)));
}

/** Every controller the application registered, once. */
function controllersOf(app: INestApplication): Type[] {
  const modules = app.get(ModulesContainer, { strict: false });
  const controllers = new Set<Type>();
  for (const module of modules.values())
    for (const wrapper of module.controllers.values())
      if (wrapper.metatype) controllers.add(wrapper.metatype as Type);
  return [...controllers];
}

function withDescription(operation: OperationObject, sentence: string): string {
  return operation.description ? `${operation.description}\n\n${sentence}` : sentence;
}

/**
 * The operation as the route's access makes it: public, or protected by a permission. Without
 * a known route (an operation id set by hand) it is only marked protected.
 */
function withAccess(operation: OperationObject, access: RouteAccess | undefined): OperationObject {
  if (access?.kind === 'public')
    return {
      ...operation,
      description: withDescription(operation, 'Public: no credentials needed.'),
      security: [],
    };
  const responses = { ...operation.responses };
  for (const [status, description] of Object.entries(PROTECTED_RESPONSES))
    if (status !== '403' || access?.kind !== 'authenticated')
      responses[status] ??= problemResponse(description);
  if (!access) return { ...operation, responses };
  if (access.kind === 'authenticated')
    return {
      ...operation,
      description: withDescription(operation, 'Open to every signed-in caller.'),
      responses,
    };
  if (access.kind === 'closed')
    return {
      ...operation,
      description: withDescription(
        operation,
        'Closed: it names no permission, so no caller gets in.',
      ),
      responses,
    };
  return {
    ...operation,
    description: withDescription(operation, `Requires the \`${access.permission}\` permission.`),
    responses,
    [REQUIRED_PERMISSION_EXTENSION]: access.permission,
  } as OperationObject;
}

/**
 * Marks every operation with who may call it, read from the decorators the auth guard reads:
 * public ones need no security, the others name their permission and answer 401, 403 and 429.
 */
export function withRouteAccess(document: OpenAPIObject, routes: readonly Route[]): OpenAPIObject {
  const byOperationId = new Map(routes.map((route) => [operationIdOf(route), accessOf(route)]));
  const paths = Object.fromEntries(
    Object.entries(document.paths).map(([path, item]) => {
      const operations = Object.fromEntries(
        HTTP_METHODS.flatMap((method) => {
          const operation = item[method];
          if (!operation) return [];
          return [[method, withAccess(operation, byOperationId.get(operation.operationId ?? ''))]];
        }),
      );
      return [path, { ...item, ...operations }];
    }),
  );
  return { ...document, paths };
}

/** Serves the Swagger UI at /api/docs and the document at /api/docs-json. */
export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
