import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { CallerFetch } from './api-session';

/** A JSON Schema 2020-12 schema, as OpenAPI 3.1 documents hold them. */
export type JsonSchema = boolean | { [keyword: string]: unknown };

export interface MediaType {
  schema?: JsonSchema;
}

export interface Operation {
  operationId?: string;
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
  'x-required-permission'?: string;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Partial<Record<HttpMethod, Operation>>>;
  components: { schemas: Record<string, JsonSchema> };
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface DocumentedOperation {
  method: HttpMethod;
  /** The templated path, e.g. `/api/v1/tickets/{id}`. */
  path: string;
  operation: Operation;
}

/** The document the gateway serves. */
export async function fetchOpenApiDocument(
  gatewayUrl: string,
  caller: CallerFetch,
): Promise<OpenApiDocument> {
  const response = await caller(`${gatewayUrl}/api/docs-json`);
  if (!response.ok) throw new Error(`GET /api/docs-json: ${response.status}`);
  return (await response.json()) as OpenApiDocument;
}

export function operationsOf(document: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ method, path, operation }] : [];
    }),
  );
}

const REFERENCE_PREFIX = '#/components/schemas/';

/** The schema a `$ref` names, followed until it is no reference. */
export function resolveSchema(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (
    let hops = 0;
    typeof current === 'object' && typeof current['$ref'] === 'string';
    hops += 1
  ) {
    const reference = current['$ref'];
    if (hops > 20 || !reference.startsWith(REFERENCE_PREFIX))
      throw new Error(`cannot follow ${reference}`);
    const target = document.components.schemas[reference.slice(REFERENCE_PREFIX.length)];
    if (target === undefined) throw new Error(`${reference} names no schema`);
    current = target;
  }
  return current;
}

/**
 * Validates the document against the OpenAPI 3.x schemas of @seriousme/openapi-schema-validator.
 * It is an ES module, which this Jest setup cannot load: it runs as node runs it, on a file.
 */
export function validateOpenApiDocument(document: OpenApiDocument): {
  valid: boolean;
  errors?: unknown;
} {
  const directory = mkdtempSync(join(tmpdir(), 'e2e-openapi-'));
  try {
    const file = join(directory, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const cli = require.resolve('@seriousme/openapi-schema-validator/bin/validate-api-cli.js');
    const run = spawnSync(process.execPath, [cli, file], { encoding: 'utf8' });
    if (!run.stdout) throw new Error(`the OpenAPI validator printed nothing: ${run.stderr}`);
    return JSON.parse(run.stdout) as { valid: boolean; errors?: unknown };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const DOCUMENT_ID = 'openapi.json';

function pointerSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** The media type without parameters: `application/json; charset=utf-8` → `application/json`. */
function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Object schemas that list their properties, closed: a response carrying a property the
 * document does not describe then fails, as a client generated from the document would lose it.
 */
function closedSchemas(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(closedSchemas);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([key, item]) => [key, closedSchemas(item)] as const);
  const schema = Object.fromEntries(entries) as Record<string, unknown>;
  const type = schema['type'];
  const isObjectType = type === 'object' || (Array.isArray(type) && type.includes('object'));
  if (isObjectType && 'properties' in schema && !('additionalProperties' in schema))
    schema['unevaluatedProperties'] = false;
  return schema;
}

/**
 * Checks real responses against the document: the schema of the operation's answer for that
 * status and media type, with the document's components so `$ref`s resolve.
 */
export class ResponseConformance {
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(
    private readonly document: OpenApiDocument,
    { closed = false }: { closed?: boolean } = {},
  ) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    for (const format of ['int32', 'int64', 'float', 'double', 'password'])
      this.ajv.addFormat(format, true);
    const registered = closed ? closedSchemas(document) : document;
    this.ajv.addSchema(registered as object, DOCUMENT_ID);
  }

  /** What is wrong with the response, by the document; empty when it conforms. */
  async errorsOf(response: Response, method: HttpMethod, path: string): Promise<string[]> {
    const status = String(response.status);
    const mediaType = mediaTypeOf(response.headers.get('content-type'));
    const operation = this.document.paths[path]?.[method];
    if (!operation) return [`${method.toUpperCase()} ${path} is not in the document`];
    const documented = operation.responses[status] ?? operation.responses['default'];
    if (!documented) return [`${method.toUpperCase()} ${path} does not document ${status}`];
    if (!documented.content?.[mediaType]?.schema)
      return [`${method.toUpperCase()} ${path} ${status} documents no ${mediaType} schema`];
    const statusKey = operation.responses[status] ? status : 'default';
    const pointer = ['paths', path, method, 'responses', statusKey, 'content', mediaType, 'schema']
      .map(pointerSegment)
      .join('/');
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}#/${pointer}` });
      this.validators.set(pointer, validate);
    }
    const body: unknown = await response.clone().json();
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (error) =>
        `${method.toUpperCase()} ${path} ${status}: ${error.instancePath || '(body)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
    );
  }
}
