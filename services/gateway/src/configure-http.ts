import { type INestApplication, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, text } from 'express';
import helmet from 'helmet';
import { httpRouteMiddleware } from '@itsm/telemetry';
import { CMDB_IMPORTS_PATH } from './cmdb/cmdb-paths';
import { CSV_CONTENT_TYPE } from './cmdb/dto/item-exchange.dto';
import type { GatewayConfig } from './config/gateway.config';
import { refuseDeeplyNestedJson } from './http/json-depth';
import { JSON_MEDIA_TYPE, refuseUnreadableBodies } from './http/request-media-type';
import { buildOpenApiDocument, serveOpenApi } from './openapi/openapi';
import { ValidationException } from './problem/validation.exception';
import { TICKETS_PATH } from './tickets/ticket-response';
import { traceIdMiddleware } from './trace-id.middleware';
import { webAppHandlers } from './web/web-app';

const ATTACHMENT_UPLOAD_MEDIA_TYPE = 'multipart/form-data';

/** Response headers a browser client may read (CORS hides all others). */
export const EXPOSED_HEADERS = [
  'ETag',
  'Location',
  'Retry-After',
  'X-Trace-Id',
  'Idempotent-Replayed',
];

/**
 * HTTP conventions of the public API: security headers, CORS for the allowed origins, strict
 * validation, body limits, trace ids, OpenAPI.
 */
export function configureHttp(app: INestApplication, config: GatewayConfig): void {
  const express = app as NestExpressApplication;
  // Behind an ingress the client's address is in X-Forwarded-For: rate limits and the audit
  // log need it, and only the configured hops are believed.
  if (config.HTTP_TRUSTED_PROXY_HOPS > 0)
    express.set('trust proxy', config.HTTP_TRUSTED_PROXY_HOPS);
  // Before everything else, so preflights and refused requests carry the headers too.
  express.use(
    helmet({
      // TLS ends at the ingress; the Swagger UI must also load over plain HTTP locally.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  express.enableCors({
    origin: (origin, allow) =>
      allow(null, origin !== undefined && config.CORS_ALLOWED_ORIGINS.includes(origin)),
    credentials: true,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
  // Bodies are JSON but for uploads and imports; anything else is refused unread (415).
  express.use(
    refuseUnreadableBodies([
      {
        path: new RegExp(`^${CMDB_IMPORTS_PATH}/?$`),
        mediaTypes: [JSON_MEDIA_TYPE, CSV_CONTENT_TYPE],
      },
      {
        path: new RegExp(`^${TICKETS_PATH}/[^/]+/attachments/?$`),
        mediaTypes: [ATTACHMENT_UPLOAD_MEDIA_TYPE],
      },
    ]),
  );
  // Imports carry whole files, as JSON or as raw CSV: read first, with their own limit, the
  // API-wide JSON parser then finds the body read and leaves it.
  const verify = refuseDeeplyNestedJson();
  express.use(
    CMDB_IMPORTS_PATH,
    json({ limit: config.HTTP_IMPORT_BODY_LIMIT, verify }),
    text({ type: CSV_CONTENT_TYPE, limit: config.HTTP_IMPORT_BODY_LIMIT }),
  );
  express.useBodyParser('json', { limit: config.HTTP_BODY_LIMIT, verify });
  express.disable('x-powered-by');
  // Tickets carry their version as ETag; no body-hash ETags on other responses.
  express.set('etag', false);
  express.use(traceIdMiddleware);
  express.use(httpRouteMiddleware);
  // Ahead of Nest's routes (registered at init), so browser page loads get the app shell.
  if (config.WEB_ROOT) express.use(webAppHandlers(config.WEB_ROOT));
  app.useGlobalPipes(apiValidationPipe());
  serveOpenApi(app, buildOpenApiDocument(app));
}

/** Strict validation of every body, query and path: unknown fields are refused. */
export function apiValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => ValidationException.fromValidationErrors(errors),
  });
}
