import { Controller, Get, type INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiOperation } from '@nestjs/swagger';
import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { Authenticated, Public, RequirePermission } from '../auth/access.decorators';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { buildOpenApiDocument, REQUIRED_PERMISSION_EXTENSION } from './openapi';

@Controller('api/v1/examples')
class ExamplesController {
  @Get()
  @ApiOperation({ summary: 'Read examples', description: 'Newest first.' })
  @RequirePermission('tickets.read')
  list(): string {
    return 'list';
  }

  @Post()
  // Its own 403 stays as written.
  @ApiProblemResponses(400, 403)
  @RequirePermission('tickets.work')
  create(): string {
    return 'create';
  }

  @Post('sign-in')
  @Public()
  signIn(): string {
    return 'signIn';
  }

  @Get('me')
  @Authenticated()
  me(): string {
    return 'me';
  }

  @Get('forgotten')
  forgotten(): string {
    return 'forgotten';
  }
}

@Module({ controllers: [ExamplesController] })
class ExamplesModule {}

type Operation = OperationObject & { [REQUIRED_PERMISSION_EXTENSION]?: string };

describe('the OpenAPI document', () => {
  let app: INestApplication;
  let document: OpenAPIObject;
  const operation = (path: string, method: 'get' | 'post'): Operation => {
    const found = document.paths[`/api/v1/examples${path}`]?.[method];
    if (!found) throw new Error(`no ${method} ${path} in the document`);
    return found as Operation;
  };

  beforeAll(async () => {
    app = await NestFactory.create(ExamplesModule, { logger: false });
    document = buildOpenApiDocument(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('declares a bearer token and an API key, either of which will do everywhere', () => {
    expect(document.components?.securitySchemes).toEqual({
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
      apiKey: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-API-Key' }),
    });
    expect(document.security).toEqual([{ bearer: [] }, { apiKey: [] }]);
  });

  it('names the permission of a protected operation and the problems of signing in', () => {
    const list = operation('', 'get');
    expect(list[REQUIRED_PERMISSION_EXTENSION]).toBe('tickets.read');
    expect(list.description).toBe('Newest first.\n\nRequires the `tickets.read` permission.');
    expect(list.security).toBeUndefined();
    expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['401', '403', '429']));
    expect(list.responses['401']).toMatchObject({
      content: {
        'application/problem+json': {
          schema: { $ref: '#/components/schemas/ProblemDetailsDto' },
        },
      },
    });
  });

  it('keeps the problems an operation documents itself', () => {
    const create = operation('', 'post');
    expect(create[REQUIRED_PERMISSION_EXTENSION]).toBe('tickets.work');
    expect(create.description).toBe('Requires the `tickets.work` permission.');
    expect(create.responses['403']).toMatchObject({ description: 'RFC 9457 problem details' });
    expect(create.responses['401']).toBeDefined();
  });

  it('marks a public operation as needing no credentials', () => {
    const signIn = operation('/sign-in', 'post');
    expect(signIn.security).toEqual([]);
    expect(signIn[REQUIRED_PERMISSION_EXTENSION]).toBeUndefined();
    expect(signIn.responses['401']).toBeUndefined();
  });

  it('marks an operation open to every signed-in caller, which no role can be refused', () => {
    const me = operation('/me', 'get');
    expect(me.security).toBeUndefined();
    expect(me.description).toBe('Open to every signed-in caller.');
    expect(Object.keys(me.responses)).toEqual(expect.arrayContaining(['401', '429']));
    expect(me.responses['403']).toBeUndefined();
  });

  it('says an operation without a permission is closed, as the guard keeps it', () => {
    const forgotten = operation('/forgotten', 'get');
    expect(forgotten[REQUIRED_PERMISSION_EXTENSION]).toBeUndefined();
    expect(forgotten.description).toMatch(/^Closed/);
    expect(forgotten.responses['403']).toBeDefined();
  });
});
