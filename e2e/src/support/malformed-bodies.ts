import { type JsonSchema, type OpenApiDocument, resolveSchema } from './openapi-document';
import type { SeededRandom } from './seeded-random';

/** A request body that no route may accept: what it is, and how it is sent. */
export interface MalformedBody {
  kind: MalformedKind;
  description: string;
  /** Undefined: no Content-Type header at all. */
  contentType: string | undefined;
  text: string;
}

export type MalformedKind =
  | 'invalid JSON'
  | 'not an object'
  | 'wrong content type'
  | 'deeply nested'
  | 'over the body limit'
  | 'unknown property'
  | 'prototype pollution'
  | 'missing required'
  | 'wrong type'
  | 'too long'
  | 'out of range'
  | 'not in enum'
  | 'too many items';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface BodyTarget {
  document: OpenApiDocument;
  /** The JSON schema of the body, when the operation takes JSON. */
  schema: JsonSchema | undefined;
  /** Whether the operation needs a body at all: an empty one is no error where it does not. */
  required: boolean;
  /** The media types the operation reads its body as. */
  mediaTypes: readonly string[];
  /** Values the fields around the wrong one must have, where made-up ones will not do. */
  known?: Record<string, unknown> | undefined;
}

const JSON_TYPE = 'application/json';
/** Deeper than any body needs, and deep enough to exhaust a recursive reader's stack. */
const DEEP = 5_000;
/** Over the gateway's default JSON body limit (1 MB). */
const OVER_BODY_LIMIT = 1_100_000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nested(depth: number, leaf: string): string {
  return `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
}

/** The types a schema allows, following references and combinations; empty when any. */
function typesOf(target: BodyTarget, schema: JsonSchema, seen = 0): Set<string> {
  if (seen > 10 || typeof schema !== 'object') return new Set();
  const resolved = resolveSchema(target.document, schema);
  if (typeof resolved !== 'object') return new Set();
  const type = resolved['type'];
  if (typeof type === 'string') return new Set([type]);
  if (Array.isArray(type)) return new Set(type.filter((item) => typeof item === 'string'));
  for (const keyword of ['anyOf', 'oneOf', 'allOf']) {
    const branches = resolved[keyword];
    if (!Array.isArray(branches)) continue;
    const types = new Set<string>();
    for (const branch of branches as JsonSchema[])
      for (const item of typesOf(target, branch, seen + 1)) types.add(item);
    // An empty branch allows anything.
    if (branches.some((branch) => typesOf(target, branch as JsonSchema, seen + 1).size === 0))
      return new Set();
    return types;
  }
  if ('properties' in resolved) return new Set(['object']);
  return new Set();
}

/** The object schema itself: the first branch of a combination that is one. */
function objectSchemaOf(
  target: BodyTarget,
  schema: JsonSchema | undefined,
): Record<string, unknown> | undefined {
  if (schema === undefined) return undefined;
  const resolved = resolveSchema(target.document, schema);
  if (!isObject(resolved)) return undefined;
  if (isObject(resolved['properties'])) return resolved;
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const branches = resolved[keyword];
    if (Array.isArray(branches))
      for (const branch of branches as JsonSchema[]) {
        const found = objectSchemaOf(target, branch);
        if (found) return found;
      }
  }
  return undefined;
}

/**
 * A value the schema likely accepts, made from its examples, defaults and constraints: the
 * rest of a body around the one wrong field, so that field is what gets refused.
 */
function plausibleValue(
  target: BodyTarget,
  schema: JsonSchema,
  random: SeededRandom,
  depth = 0,
): Json {
  if (depth > 6 || typeof schema !== 'object') return null;
  const resolved = resolveSchema(target.document, schema);
  if (!isObject(resolved)) return null;
  const examples = resolved['examples'];
  if (Array.isArray(examples) && examples.length > 0) return examples[0] as Json;
  if ('default' in resolved) return resolved['default'] as Json;
  const values = resolved['enum'];
  if (Array.isArray(values)) return (values.find((value) => value !== null) ?? null) as Json;
  const object = objectSchemaOf(target, resolved);
  if (object) {
    const properties = object['properties'] as Record<string, JsonSchema>;
    const required = (object['required'] as string[] | undefined) ?? [];
    return Object.fromEntries(
      required
        .filter((name) => name in properties)
        .map((name) => [
          name,
          plausibleValue(target, properties[name] as JsonSchema, random, depth + 1),
        ]),
    );
  }
  const types = typesOf(target, resolved);
  if (types.has('string')) {
    const format = resolved['format'];
    if (format === 'date-time') return '2026-12-01T10:00:00.000Z';
    if (format === 'date') return '2026-12-01';
    if (format === 'uuid') return '00000000-0000-4000-8000-000000000000';
    if (format === 'email') return 'fuzz@example.com';
    const minLength = typeof resolved['minLength'] === 'number' ? resolved['minLength'] : 1;
    return 'f'.repeat(Math.max(minLength, 1));
  }
  if (types.has('integer') || types.has('number')) {
    const minimum = resolved['minimum'] ?? resolved['exclusiveMinimum'];
    return typeof minimum === 'number' ? Math.ceil(minimum) + (types.has('integer') ? 1 : 0.5) : 1;
  }
  if (types.has('boolean')) return true;
  if (types.has('array')) {
    const minItems = typeof resolved['minItems'] === 'number' ? resolved['minItems'] : 0;
    const items = (resolved['items'] ?? {}) as JsonSchema;
    return Array.from({ length: minItems }, () => plausibleValue(target, items, random, depth + 1));
  }
  return null;
}

/**
 * A value of none of the given types, which no coercion a DTO might apply (`Number(…)`,
 * `Boolean(…)`) turns into a valid one.
 */
function wrongValue(types: ReadonlySet<string>, random: SeededRandom): Json | undefined {
  const numeric = types.has('number') || types.has('integer');
  const candidates: Json[] = [];
  if (!types.has('string')) candidates.push('not-a-number-or-anything-else');
  if (!numeric && !types.has('boolean')) candidates.push(12345, -0.5);
  if (!types.has('object')) candidates.push({ nested: { deeper: ['x'] } });
  if (!types.has('array')) candidates.push([1, 'two', { three: 3 }]);
  if (!numeric && !types.has('boolean') && !types.has('string')) candidates.push(false);
  return candidates.length === 0 ? undefined : random.pick(candidates);
}

function asForm(body: JsonObject): string {
  return new URLSearchParams(
    Object.entries(body).map(([key, value]): [string, string] => [
      key,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  ).toString();
}

/** Bodies that are wrong whatever the route: they never get as far as its schema. */
function genericBodies(
  target: BodyTarget,
  invalidBody: JsonObject,
  hasRequiredProperties: boolean,
): MalformedBody[] {
  const json = (kind: MalformedKind, description: string, text: string): MalformedBody => ({
    kind,
    description,
    contentType: JSON_TYPE,
    text,
  });
  const bodies: MalformedBody[] = [
    json('invalid JSON', 'an unterminated object', '{"title": "VPN'),
    json('invalid JSON', 'a trailing comma', '{"title": "VPN",}'),
    json('invalid JSON', 'single quotes', "{'title': 'VPN'}"),
    json('invalid JSON', 'a bare word', 'undefined'),
    json('invalid JSON', 'NaN as a value', '{"value": NaN}'),
    json('invalid JSON', 'two objects', '{}{}'),
    json('invalid JSON', 'a control character in a string', '{"title": "a\u0001b"}'),
    json('not an object', 'an array', '[]'),
    json('not an object', 'an array of the body', JSON.stringify([invalidBody])),
    json('not an object', 'a string', '"body"'),
    json('not an object', 'a number', '42'),
    json('not an object', 'null', 'null'),
    json('not an object', 'true', 'true'),
    json('deeply nested', `${DEEP} levels of objects`, nested(DEEP, '1')),
    json('deeply nested', `${DEEP} levels of arrays`, `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`),
    json(
      'over the body limit',
      `a ${OVER_BODY_LIMIT}-character string`,
      JSON.stringify({ ...invalidBody, huge: 'x'.repeat(OVER_BODY_LIMIT) }),
    ),
    json(
      'prototype pollution',
      'a __proto__ member',
      `{"__proto__": {"roles": ["administrator"], "isAdmin": true}${
        Object.keys(invalidBody).length > 0 ? `, ${JSON.stringify(invalidBody).slice(1)}` : '}'
      }`,
    ),
    json(
      'prototype pollution',
      'a constructor.prototype member',
      JSON.stringify({ ...invalidBody, constructor: { prototype: { isAdmin: true } } }),
    ),
  ];
  // A body the operation cannot read is refused, not read as none: even where none would do.
  const foreign: MalformedBody[] = [
    {
      kind: 'wrong content type',
      description: 'the body as text/plain',
      contentType: 'text/plain',
      text: JSON.stringify(invalidBody),
    },
    {
      kind: 'wrong content type',
      description: 'XML',
      contentType: 'application/xml',
      text: '<ticket><title>VPN</title></ticket>',
    },
    {
      kind: 'wrong content type',
      description: 'an HTML form',
      contentType: 'application/x-www-form-urlencoded',
      text: asForm(invalidBody),
    },
    {
      kind: 'wrong content type',
      description: 'multipart without the parts it needs',
      contentType: 'multipart/form-data; boundary=fuzz',
      text: '--fuzz\r\nContent-Disposition: form-data; name="junk"\r\n\r\nx\r\n--fuzz--\r\n',
    },
    {
      kind: 'wrong content type',
      description: 'no content type',
      contentType: undefined,
      text: JSON.stringify(invalidBody),
    },
  ];
  bodies.push(
    ...foreign.filter(
      ({ contentType }) => !target.mediaTypes.includes(contentType?.split(';')[0] ?? ''),
    ),
  );
  // Empty is no body: wrong only where a body must name something.
  if (target.required && hasRequiredProperties)
    bodies.push(json('invalid JSON', 'an empty body with a JSON type', ''));
  return bodies;
}

/** A body the schema likely accepts: the ground for one wrong field. */
function baseBody(
  target: BodyTarget,
  object: Record<string, unknown>,
  random: SeededRandom,
): JsonObject {
  return {
    ...(plausibleValue(target, object, random) as JsonObject),
    ...(target.known as JsonObject),
  };
}

/** Bodies wrong in one field the document describes: missing, mistyped, too long, … */
function schemaBodies(
  target: BodyTarget,
  object: Record<string, unknown>,
  random: SeededRandom,
): MalformedBody[] {
  const base = baseBody(target, object, random);
  const properties = object['properties'] as Record<string, JsonSchema>;
  const required = (object['required'] as string[] | undefined) ?? [];
  const json = (kind: MalformedKind, description: string, body: JsonObject): MalformedBody => ({
    kind,
    description,
    contentType: JSON_TYPE,
    text: JSON.stringify(body),
  });
  const bodies: MalformedBody[] = [];
  for (const name of required) {
    const { [name]: _missing, ...rest } = base;
    bodies.push(json('missing required', `without ${name}`, rest));
  }
  for (const [name, propertySchema] of Object.entries(properties)) {
    const schema = resolveSchema(target.document, propertySchema);
    const types = typesOf(target, schema);
    const wrong = types.size === 0 ? undefined : wrongValue(types, random);
    if (wrong !== undefined)
      bodies.push(
        json('wrong type', `${name}: ${JSON.stringify(wrong)}`, { ...base, [name]: wrong }),
      );
    if (!isObject(schema)) continue;
    const maxLength = schema['maxLength'];
    if (typeof maxLength === 'number')
      bodies.push(
        json('too long', `${name}: ${maxLength + 1} characters`, {
          ...base,
          [name]: 'x'.repeat(maxLength + 1),
        }),
      );
    const maximum = schema['maximum'] ?? schema['exclusiveMaximum'];
    if (typeof maximum === 'number')
      bodies.push(
        json('out of range', `${name}: over ${maximum}`, { ...base, [name]: maximum + 1 }),
      );
    const minimum = schema['minimum'] ?? schema['exclusiveMinimum'];
    if (typeof minimum === 'number')
      bodies.push(
        json('out of range', `${name}: under ${minimum}`, { ...base, [name]: minimum - 1 }),
      );
    if (Array.isArray(schema['enum']))
      bodies.push(
        json('not in enum', `${name}: not one of its values`, {
          ...base,
          [name]: 'definitely-not-one-of-them',
        }),
      );
    const maxItems = schema['maxItems'];
    if (typeof maxItems === 'number') {
      const item = plausibleValue(target, (schema['items'] ?? {}) as JsonSchema, random);
      bodies.push(
        json('too many items', `${name}: ${maxItems + 1} items`, {
          ...base,
          [name]: Array.from({ length: maxItems + 1 }, () => item),
        }),
      );
    }
  }
  bodies.push(
    json('unknown property', 'an extra property', { ...base, unexpectedProperty: 'surprise' }),
    json('unknown property', 'an extra property holding an object', {
      ...base,
      isAdmin: { roles: ['administrator'] },
    }),
  );
  return bodies;
}

/**
 * A deterministic choice of malformed bodies for one operation: every kind that applies at
 * least once while `count` allows, the rest picked at random.
 */
export function malformedBodies(
  target: BodyTarget,
  random: SeededRandom,
  count: number,
): MalformedBody[] {
  const object = objectSchemaOf(target, target.schema);
  const specific = object ? schemaBodies(target, object, random) : [];
  // The generic bodies carry an extra property, so even an all-optional body is invalid.
  const invalidBody: JsonObject = {
    ...(object ? baseBody(target, object, random) : {}),
    unexpectedProperty: 'surprise',
  };
  const required = (object?.['required'] as string[] | undefined) ?? [];
  const pool = [...genericBodies(target, invalidBody, required.length > 0), ...specific];
  const byKind = new Map<MalformedKind, MalformedBody[]>();
  for (const body of random.shuffled(pool))
    byKind.set(body.kind, [...(byKind.get(body.kind) ?? []), body]);
  const chosen: MalformedBody[] = [];
  while (chosen.length < count && [...byKind.values()].some((bodies) => bodies.length > 0))
    for (const bodies of byKind.values()) {
      const body = bodies.shift();
      if (body && chosen.length < count) chosen.push(body);
    }
  return chosen;
}
