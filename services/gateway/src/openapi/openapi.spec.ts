import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, type INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiOperation } from '@nestjs/swagger';
import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { loadConfig } from '@itsm/config';
import { AppModule } from '../app.module';
import { Authenticated, Public, RequirePermission } from '../auth/access.decorators';
import { gatewayConfigSchema } from '../config/gateway.config';
import { configureHttp } from '../configure-http';
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

/**
 * The validator is an ES module, which this Jest setup cannot load: it runs as node runs it,
 * on the document written to a file.
 */
function validateOpenApi(document: OpenAPIObject): { valid: boolean; errors?: unknown } {
  const directory = mkdtempSync(join(tmpdir(), 'gateway-openapi-'));
  try {
    const file = join(directory, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const cli = require.resolve('@seriousme/openapi-schema-validator/bin/validate-api-cli.js');
    const run = spawnSync(process.execPath, [cli, file], { encoding: 'utf8' });
    return JSON.parse(run.stdout) as { valid: boolean; errors?: unknown };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Every `schema` of the document's operations, as a JSON pointer into it. */
function operationSchemaPointers(value: unknown, pointer: string): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const child = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (key === 'schema') return [child];
    if (key === 'example' || key === 'examples' || key.startsWith('x-')) return [];
    return operationSchemaPointers(item, child);
  });
}

describe("the gateway's OpenAPI document", () => {
  let app: INestApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    // As `main.js openapi` builds it: the module graph without providers, no database.
    const config = loadConfig(gatewayConfigSchema, {
      DATABASE_URL: 'postgres://document-only/none',
      AUTH_JWT_SECRET: 'document-generation-connects-to-nothing',
    });
    app = await NestFactory.create(AppModule.register(config), {
      logger: false,
      bodyParser: false,
      preview: true,
    });
    configureHttp(app, config);
    document = buildOpenApiDocument(app);
  }, 30_000);

  afterAll(async () => {
    await app.close();
  });

  it('is a valid OpenAPI 3.1 document', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(validateOpenApi(document)).toEqual({ valid: true });
  }, 30_000);

  it('has JSON Schema 2020-12 schemas with no OpenAPI 3.0 keywords left', () => {
    // Strict: a keyword JSON Schema does not know (nullable, example) fails to compile.
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    for (const format of ['int32', 'int64', 'float', 'double', 'password'])
      ajv.addFormat(format, true);
    ajv.addVocabulary(['discriminator', 'xml', 'externalDocs', 'x-enumNames']);
    // The document holds the schemas, so `$ref`s resolve in it; its own fields are no keywords.
    ajv.addVocabulary(Object.keys(document));
    ajv.addSchema(document as unknown as object, 'openapi.json');
    const schemas = Object.keys(document.components?.schemas ?? {}).map(
      (name) => `/components/schemas/${name}`,
    );
    const pointers = [...schemas, ...operationSchemaPointers(document.paths, '/paths')];
    expect(pointers.length).toBeGreaterThan(300);
    const refused = pointers.flatMap((pointer) => {
      try {
        ajv.compile({ $ref: `openapi.json#${pointer}` });
        return [];
      } catch (error) {
        return [`${pointer}: ${(error as Error).message}`];
      }
    });
    expect(refused).toEqual([]);
  }, 30_000);
});
