// Types of configuration items are data: an administrator adds a type with a JSON Schema of its
// attributes, and every item of the type is checked against it.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { type FieldViolation } from './cmdb-error';

export interface CiTypeDefinition {
  /** Lower-case key used in imports and filters, e.g. "server", "virtual_machine", "laptop". */
  key: string;
  nameEn: string;
  nameRu: string;
  /** JSON Schema (2020-12) of the attributes of items of this type; always `type: 'object'`. */
  attributeSchema: Record<string, unknown>;
  /** Items are assets: a lifecycle, a holder, a location and a stock journal. */
  asset: boolean;
  /** Items are business services: impact analysis reports them as affected. */
  businessService: boolean;
  /** Items are software licences with a number of seats. */
  licence: boolean;
}

export const CI_TYPE_KEY_PATTERN = /^[a-z][a-z0-9_]{1,49}$/;
export const CI_TYPE_NAME_MAX_LENGTH = 100;
/** A schema is a form description, not a data set; this keeps compiling it cheap. */
export const ATTRIBUTE_SCHEMA_MAX_BYTES = 64 * 1024;

type Compiled =
  | { schema: Record<string, unknown>; json: string; validate: ValidateFunction }
  | { schema: Record<string, unknown>; json: string; problem: string };

function pointerSegment(name: string): string {
  return `/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** A violation named after the attribute it is about: `attributes/ram_gb`, `attributes` for all. */
function violationOf(error: ErrorObject): FieldViolation {
  const params = error.params as {
    missingProperty?: string;
    additionalProperty?: string;
    unevaluatedProperty?: string;
    allowedValues?: unknown[];
  };
  let path = error.instancePath;
  let message = error.message ?? 'is invalid';
  switch (error.keyword) {
    case 'required':
      if (params.missingProperty !== undefined) path += pointerSegment(params.missingProperty);
      message = 'is required';
      break;
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const extra = params.additionalProperty ?? params.unevaluatedProperty;
      if (extra !== undefined) path += pointerSegment(extra);
      message = 'is not an attribute this type knows';
      break;
    }
    case 'enum':
      message = `must be one of: ${(params.allowedValues ?? []).map((value) => String(value)).join(', ')}`;
      break;
    default:
      break;
  }
  return { field: `attributes${path}`, message };
}

/**
 * Checks attributes against their type's JSON Schema 2020-12 with ajv (all errors, formats such as
 * ipv4, uri, date). A compiled schema is kept per cache key, which the caller makes from the
 * type's key and version (`server@3`), so a busy type compiles once; a schema that differs from
 * the one cached under its key is compiled again. Schemas are treated as immutable.
 */
export class AttributeValidator {
  private readonly ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    // Optional attributes are naturally written as ["string", "null"].
    allowUnionTypes: true,
    // Schemas of different types may carry the same $id; they must not collide in one instance.
    addUsedSchema: false,
  });
  private readonly compiled = new Map<string, Compiled>();

  constructor(private readonly maxCachedSchemas = 500) {
    addFormats(this.ajv);
  }

  /** Why the schema cannot be used, as ajv says it; empty when it compiles. */
  schemaProblems(schema: Record<string, unknown>): string[] {
    try {
      this.ajv.compile(schema);
      return [];
    } catch (error) {
      return [`not a valid JSON Schema 2020-12: ${(error as Error).message}`];
    } finally {
      // Checking a draft must not keep it alive in ajv's own cache.
      this.release(schema);
    }
  }

  /** Every wrong, missing or unknown attribute, named `attributes/<path>`. */
  attributeViolations(
    schema: Record<string, unknown>,
    attributes: unknown,
    cacheKey: string,
  ): FieldViolation[] {
    const compiled = this.compile(schema, cacheKey);
    if ('problem' in compiled) {
      return [
        {
          field: 'attributes',
          message: `the type's attribute schema is unusable: ${compiled.problem}`,
        },
      ];
    }
    const { validate } = compiled;
    if (validate(attributes)) return [];
    const seen = new Set<string>();
    const violations: FieldViolation[] = [];
    for (const error of validate.errors ?? []) {
      const violation = violationOf(error);
      const id = `${violation.field}\u0000${violation.message}`;
      if (seen.has(id)) continue;
      seen.add(id);
      violations.push(violation);
    }
    return violations;
  }

  private compile(schema: Record<string, unknown>, cacheKey: string): Compiled {
    const cached = this.compiled.get(cacheKey);
    if (cached && cached.schema === schema) return cached;
    const json = JSON.stringify(schema);
    if (cached && cached.json === json) {
      cached.schema = schema;
      return cached;
    }
    if (cached) this.forget(cacheKey, cached);
    let entry: Compiled;
    try {
      entry = { schema, json, validate: this.ajv.compile(schema) };
    } catch (error) {
      this.release(schema);
      entry = { schema, json, problem: (error as Error).message };
    }
    this.compiled.set(cacheKey, entry);
    if (this.compiled.size > this.maxCachedSchemas) {
      const [oldestKey, oldest] = this.compiled.entries().next().value as [string, Compiled];
      this.forget(oldestKey, oldest);
    }
    return entry;
  }

  private forget(cacheKey: string, entry: Compiled): void {
    this.compiled.delete(cacheKey);
    this.release(entry.schema);
  }

  /**
   * Lets ajv drop its own copy of a compiled schema. Not for one with an $id: ajv would also
   * drop whatever it registered under that id, and a schema claiming the id of the 2020-12
   * meta-schema would take the meta-schema with it. Those few stay cached.
   */
  private release(schema: Record<string, unknown>): void {
    if (schema['$id'] === undefined) this.ajv.removeSchema(schema);
  }
}

/** The cache key of a type's schema for AttributeValidator: its key and, when known, version. */
export function attributeSchemaCacheKey(typeKey: string, version?: number): string {
  return version === undefined ? typeKey : `${typeKey}@${version}`;
}

let sharedValidator: AttributeValidator | undefined;

function nameViolations(field: string, value: unknown): FieldViolation[] {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name.length === 0) return [{ field, message: `${field} is required` }];
  if (name.length > CI_TYPE_NAME_MAX_LENGTH) {
    return [{ field, message: `${field} must be at most ${CI_TYPE_NAME_MAX_LENGTH} characters` }];
  }
  return [];
}

function schemaViolations(schema: unknown, validator: AttributeValidator): FieldViolation[] {
  const field = 'attributeSchema';
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return [{ field, message: 'attributeSchema must be a JSON Schema object' }];
  }
  const size = new TextEncoder().encode(JSON.stringify(schema)).length;
  if (size > ATTRIBUTE_SCHEMA_MAX_BYTES) {
    return [
      {
        field,
        message: `attributeSchema must be at most ${ATTRIBUTE_SCHEMA_MAX_BYTES / 1024} KiB of JSON`,
      },
    ];
  }
  // Attributes are a JSON object; a schema of anything else is wrong whatever else it says.
  if ((schema as Record<string, unknown>)['type'] !== 'object') {
    return [{ field, message: 'attributeSchema must describe an object ("type": "object")' }];
  }
  return validator
    .schemaProblems(schema as Record<string, unknown>)
    .map((message) => ({ field, message }));
}

/**
 * Checks a type as an administrator wrote it and reports every problem at once. Takes loosely
 * typed input because it guards the edge.
 */
export function validateCiTypeDefinition(
  definition: CiTypeDefinition,
  validator: AttributeValidator = (sharedValidator ??= new AttributeValidator()),
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const key: unknown = definition.key;
  if (typeof key !== 'string' || !CI_TYPE_KEY_PATTERN.test(key)) {
    violations.push({
      field: 'key',
      message: `"${String(key)}" is not a type key: a lower-case letter, then 1 to 49 lower-case letters, digits or "_"`,
    });
  }
  violations.push(
    ...nameViolations('nameEn', definition.nameEn),
    ...nameViolations('nameRu', definition.nameRu),
    ...schemaViolations(definition.attributeSchema, validator),
  );
  if (definition.licence && definition.businessService) {
    violations.push({
      field: 'licence',
      message: 'a type cannot be both a licence and a business service',
    });
  }
  return violations;
}

// --- The types a new CMDB starts with -------------------------------------------------------

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength });
const hostname = { type: 'string', format: 'hostname', maxLength: 253 };
const ipv4 = { type: 'string', format: 'ipv4' };
const cpuCores = { type: 'integer', minimum: 1, maximum: 1024 };
const ramGb = { type: 'number', exclusiveMinimum: 0, maximum: 65536 };

function attributes(
  properties: Record<string, Record<string, unknown>>,
  required: string[] = [],
): Record<string, unknown> {
  return {
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

function type(
  key: string,
  nameEn: string,
  nameRu: string,
  attributeSchema: Record<string, unknown>,
  kind: Partial<Pick<CiTypeDefinition, 'asset' | 'businessService' | 'licence'>> = {},
): CiTypeDefinition {
  return {
    key,
    nameEn,
    nameRu,
    attributeSchema,
    asset: kind.asset ?? false,
    businessService: kind.businessService ?? false,
    licence: kind.licence ?? false,
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const computer = attributes({ model: text(200), cpu: text(200), ram_gb: ramGb, os: text(100) });

/** The types a new CMDB is seeded with; administrators change and add to them. */
export const DEFAULT_CI_TYPES: readonly CiTypeDefinition[] = deepFreeze([
  type(
    'business_service',
    'Business service',
    'Бизнес-услуга',
    attributes({
      criticality: { type: 'string', enum: ['low', 'medium', 'high', 'critical'] },
      service_hours: text(100),
      description: text(2000),
    }),
    { businessService: true },
  ),
  type(
    'application',
    'Application',
    'Приложение',
    attributes({
      version: text(50),
      url: { type: 'string', format: 'uri', maxLength: 2000 },
      vendor: text(200),
    }),
  ),
  type(
    'database',
    'Database',
    'База данных',
    attributes({
      engine: {
        type: 'string',
        enum: ['postgresql', 'oracle', 'mssql', 'mysql', 'clickhouse', 'other'],
      },
      version: text(50),
      port: { type: 'integer', minimum: 1, maximum: 65535 },
    }),
  ),
  type(
    'server',
    'Server',
    'Сервер',
    attributes({ hostname, ip: ipv4, os: text(100), cpu_cores: cpuCores, ram_gb: ramGb }),
  ),
  type(
    'virtual_machine',
    'Virtual machine',
    'Виртуальная машина',
    attributes({
      hostname,
      ip: ipv4,
      os: text(100),
      cpu_cores: cpuCores,
      ram_gb: ramGb,
      hypervisor: { type: 'string', enum: ['vmware', 'hyper_v', 'kvm', 'proxmox', 'other'] },
    }),
  ),
  type(
    'network_device',
    'Network device',
    'Сетевое устройство',
    attributes({
      kind: {
        type: 'string',
        enum: ['router', 'switch', 'firewall', 'access_point', 'load_balancer', 'other'],
      },
      hostname,
      ip: ipv4,
      model: text(200),
      firmware: text(100),
    }),
  ),
  type('workstation', 'Workstation', 'Рабочая станция', computer, { asset: true }),
  type('laptop', 'Laptop', 'Ноутбук', computer, { asset: true }),
  type(
    'monitor',
    'Monitor',
    'Монитор',
    attributes({
      model: text(200),
      diagonal_in: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
      resolution: { type: 'string', pattern: '^[0-9]{3,5}x[0-9]{3,5}$' },
    }),
    { asset: true },
  ),
  type(
    'mobile_phone',
    'Mobile phone',
    'Мобильный телефон',
    attributes({
      model: text(200),
      os: text(100),
      imei: { type: 'string', pattern: '^[0-9]{15}$' },
      phone_number: { type: 'string', pattern: '^\\+?[0-9]{10,15}$' },
    }),
    { asset: true },
  ),
  type(
    'printer',
    'Printer',
    'Принтер',
    attributes({ model: text(200), ip: ipv4, colour: { type: 'boolean' } }),
    { asset: true },
  ),
  type(
    'software_licence',
    'Software licence',
    'Лицензия на ПО',
    attributes(
      {
        vendor: text(200),
        product: text(200),
        licence_key: text(500),
        licence_model: {
          type: 'string',
          enum: ['per_user', 'per_device', 'per_core', 'subscription', 'site'],
        },
      },
      ['vendor', 'product'],
    ),
    { licence: true },
  ),
  type(
    'data_centre',
    'Data centre',
    'Центр обработки данных',
    attributes({
      address: text(500),
      tier: { type: 'integer', minimum: 1, maximum: 4 },
      operator: text(200),
    }),
  ),
]);
