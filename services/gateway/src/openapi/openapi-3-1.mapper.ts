import type { OpenAPIObject } from '@nestjs/swagger';

/** The version of the OpenAPI document the gateway serves: schemas are JSON Schema 2020-12. */
export const OPENAPI_VERSION = '3.1.0';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Keywords whose value is one schema. */
const SCHEMA_KEYWORDS = new Set([
  'items',
  'additionalItems',
  'not',
  'additionalProperties',
  'contains',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
]);

/** Keywords whose value is a list of schemas. */
const SCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

/** Keywords whose value names schemas. */
const SCHEMA_MAP_KEYWORDS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'dependentSchemas',
]);

/** Keywords that compose other schemas: a nullable one is wrapped, not retyped. */
const COMPOSITION_KEYWORDS = ['$ref', 'allOf', 'anyOf', 'oneOf', 'not'];

/** What describes a value rather than constrains it: stays outside a nullable wrapper. */
const ANNOTATIONS = new Set([
  'title',
  'description',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'externalDocs',
]);

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mapValues(value: Json, map: (item: Json) => Json): Json {
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, map(item)]));
}

/**
 * A schema as @nestjs/swagger writes it (OpenAPI 3.0: `nullable`, boolean `exclusiveMinimum`,
 * `example`, `format: binary`) in JSON Schema 2020-12, which OpenAPI 3.1 schemas are.
 */
export function toJsonSchema2020(schema: Json): Json {
  if (!isObject(schema)) return schema;
  const converted: JsonObject = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (SCHEMA_KEYWORDS.has(keyword)) converted[keyword] = toJsonSchema2020(value);
    else if (SCHEMA_LIST_KEYWORDS.has(keyword) && Array.isArray(value))
      converted[keyword] = value.map(toJsonSchema2020);
    else if (SCHEMA_MAP_KEYWORDS.has(keyword))
      converted[keyword] = mapValues(value, toJsonSchema2020);
    else if (keyword === 'example') {
      // 3.1 deprecates `example` in schemas for JSON Schema's list of examples.
      if (!('examples' in schema)) converted['examples'] = [value];
    } else converted[keyword] = value;
  }
  return withNull(withContentKeywords(withExclusiveBounds(converted)));
}

/** 3.0 flags the bound as exclusive; 2020-12 gives the exclusive bound itself. */
function withExclusiveBounds(schema: JsonObject): JsonObject {
  const bounds = [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const;
  const result = { ...schema };
  for (const [exclusive, inclusive] of bounds) {
    const flag = result[exclusive];
    if (typeof flag !== 'boolean') continue;
    delete result[exclusive];
    const bound = result[inclusive];
    if (flag && typeof bound === 'number') {
      delete result[inclusive];
      result[exclusive] = bound;
    }
  }
  return result;
}

/** 3.1 describes file contents with JSON Schema's content keywords, not with `format`. */
function withContentKeywords(schema: JsonObject): JsonObject {
  const { format, ...rest } = schema;
  if (format === 'binary') return { ...rest, contentMediaType: 'application/octet-stream' };
  if (format === 'byte') return { ...rest, contentEncoding: 'base64' };
  return schema;
}

/** `nullable: true` is `null` among the types, or `{type: 'null'}` beside a composed schema. */
function withNull(schema: JsonObject): JsonObject {
  const { nullable, ...rest } = schema;
  if (nullable !== true) return rest;
  const composed = COMPOSITION_KEYWORDS.some((keyword) => keyword in rest);
  const type = rest['type'];
  if (!composed && (typeof type === 'string' || Array.isArray(type))) {
    const types = Array.isArray(type) ? type : [type];
    const result: JsonObject = {
      ...rest,
      type: types.includes('null') ? types : [...types, 'null'],
    };
    const values = rest['enum'];
    if (Array.isArray(values) && !values.includes(null)) result['enum'] = [...values, null];
    return result;
  }
  const outside: JsonObject = {};
  const inside: JsonObject = {};
  for (const [keyword, value] of Object.entries(rest))
    (ANNOTATIONS.has(keyword) ? outside : inside)[keyword] = value;
  return { ...outside, anyOf: [referenceOf(inside), { type: 'null' }] };
}

/**
 * `{type: 'object', allOf: [{$ref}]}`, how @nestjs/swagger makes a reference nullable, is the
 * reference itself once `null` is a branch of its own.
 */
function referenceOf(schema: JsonObject): JsonObject {
  const { type, allOf, ...rest } = schema;
  const [only] = Array.isArray(allOf) ? allOf : [];
  if (
    Object.keys(rest).length === 0 &&
    (type === undefined || type === 'object') &&
    Array.isArray(allOf) &&
    allOf.length === 1 &&
    isObject(only)
  )
    return only;
  return schema;
}

/**
 * The parts of a document that hold schemas (parameters, media types, headers), walked to
 * their `schema`; examples and extensions are values, never schemas, and stay as they are.
 */
function withSchemasConverted(value: Json): Json {
  if (Array.isArray(value)) return value.map(withSchemasConverted);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (key === 'schema') return [key, toJsonSchema2020(item)];
      if (key === 'example' || key === 'examples' || key.startsWith('x-')) return [key, item];
      return [key, withSchemasConverted(item)];
    }),
  );
}

/** The document @nestjs/swagger built, as a valid OpenAPI 3.1 document. */
export function toOpenApi31(document: OpenAPIObject): OpenAPIObject {
  const parts = Object.entries(document as unknown as JsonObject).map(([key, value]) => {
    if (key === 'openapi') return [key, OPENAPI_VERSION];
    if (key === 'components') return [key, withComponentsConverted(value)];
    return [key, withSchemasConverted(value)];
  });
  return Object.fromEntries(parts) as unknown as OpenAPIObject;
}

function withComponentsConverted(components: Json): Json {
  if (!isObject(components)) return components;
  return Object.fromEntries(
    Object.entries(components).map(([key, value]) => [
      key,
      key === 'schemas' ? mapValues(value, toJsonSchema2020) : withSchemasConverted(value),
    ]),
  );
}
