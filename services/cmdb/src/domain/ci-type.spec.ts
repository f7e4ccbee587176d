import {
  AttributeValidator,
  type CiTypeDefinition,
  DEFAULT_CI_TYPES,
  validateCiTypeDefinition,
} from './ci-type';

const routerType: CiTypeDefinition = {
  key: 'router',
  nameEn: 'Router',
  nameRu: 'Маршрутизатор',
  attributeSchema: {
    type: 'object',
    properties: { ip: { type: 'string', format: 'ipv4' } },
    additionalProperties: false,
  },
  asset: false,
  businessService: false,
  licence: false,
};

const sentences = (violations: { field: string; message: string }[]) =>
  violations.map(({ field, message }) => `${field}: ${message}`);

describe('validating a CI type', () => {
  it.each<[string, Partial<CiTypeDefinition>, string[]]>([
    ['a valid type', {}, []],
    ['a key with digits and underscores', { key: 'ups_2kva' }, []],
    ['the longest key', { key: `r${'x'.repeat(49)}` }, []],
    [
      'a key of one letter',
      { key: 'r' },
      [
        'key: "r" is not a type key: a lower-case letter, then 1 to 49 lower-case letters, digits or "_"',
      ],
    ],
    [
      'an upper-case key',
      { key: 'Router' },
      [
        'key: "Router" is not a type key: a lower-case letter, then 1 to 49 lower-case letters, digits or "_"',
      ],
    ],
    [
      'a key starting with a digit',
      { key: '1c_base' },
      [
        'key: "1c_base" is not a type key: a lower-case letter, then 1 to 49 lower-case letters, digits or "_"',
      ],
    ],
    [
      'a key that is too long',
      { key: `r${'x'.repeat(50)}` },
      [
        `key: "r${'x'.repeat(50)}" is not a type key: a lower-case letter, then 1 to 49 lower-case letters, digits or "_"`,
      ],
    ],
    [
      'blank names',
      { nameEn: ' ', nameRu: '' },
      ['nameEn: nameEn is required', 'nameRu: nameRu is required'],
    ],
    ['a name of 100 characters', { nameRu: 'я'.repeat(100) }, []],
    [
      'a name of 101 characters',
      { nameEn: 'x'.repeat(101) },
      ['nameEn: nameEn must be at most 100 characters'],
    ],
    [
      'a licence that is a business service',
      { licence: true, businessService: true },
      ['licence: a type cannot be both a licence and a business service'],
    ],
    [
      'a schema of something other than an object',
      { attributeSchema: { type: 'string' } },
      ['attributeSchema: attributeSchema must describe an object ("type": "object")'],
    ],
    [
      'a schema without a type',
      { attributeSchema: { properties: {} } },
      ['attributeSchema: attributeSchema must describe an object ("type": "object")'],
    ],
    [
      'a schema that is not an object at all',
      { attributeSchema: [] as unknown as Record<string, unknown> },
      ['attributeSchema: attributeSchema must be a JSON Schema object'],
    ],
    [
      'an enormous schema',
      {
        attributeSchema: {
          type: 'object',
          properties: Object.fromEntries(
            Array.from({ length: 3000 }, (_, i) => [`attribute_${i}`, { type: 'string' }]),
          ),
        },
      },
      ['attributeSchema: attributeSchema must be at most 64 KiB of JSON'],
    ],
  ])('%s', (_name, change, expected) => {
    expect(sentences(validateCiTypeDefinition({ ...routerType, ...change }))).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a misspelt type',
      { type: 'object', properties: { ip: { type: 'strng' } } },
      'must be equal to one of the allowed values',
    ],
    [
      'an unknown keyword (strict mode)',
      { type: 'object', properties: { ip: { type: 'string', maxlength: 3 } } },
      'unknown keyword: "maxlength"',
    ],
    [
      'an unknown format',
      { type: 'object', properties: { ip: { type: 'string', format: 'ip-address' } } },
      'unknown format "ip-address"',
    ],
    [
      'a reference to nowhere',
      { type: 'object', properties: { ip: { $ref: '#/$defs/missing' } } },
      "can't resolve reference #/$defs/missing",
    ],
    [
      'a required attribute it does not describe',
      { type: 'object', properties: {}, required: ['ip'] },
      'required property "ip" is not defined',
    ],
  ])('refuses a schema ajv cannot compile: %s', (_name, attributeSchema, ajvSays) => {
    const violations = validateCiTypeDefinition({ ...routerType, attributeSchema });
    expect(violations).toEqual([
      {
        field: 'attributeSchema',
        message: expect.stringContaining('not a valid JSON Schema 2020-12: ') as string,
      },
    ]);
    expect(violations[0]?.message).toContain(ajvSays);
  });

  it('accepts JSON Schema 2020-12 features and optional attributes as union types', () => {
    const attributeSchema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://itsm.example/cmdb/router.json',
      type: 'object',
      $defs: { port: { type: 'integer', minimum: 1, maximum: 65535 } },
      properties: {
        ip: { type: ['string', 'null'], format: 'ipv4' },
        ports: {
          type: 'array',
          prefixItems: [{ $ref: '#/$defs/port' }],
          minItems: 1,
          items: false,
        },
      },
      unevaluatedProperties: false,
    };
    expect(validateCiTypeDefinition({ ...routerType, attributeSchema })).toEqual([]);
    // The same $id checked twice must not collide.
    expect(
      validateCiTypeDefinition({ ...routerType, attributeSchema: { ...attributeSchema } }),
    ).toEqual([]);
  });
  it('keeps working after a schema that claims the id of the meta-schema', () => {
    const impostor = {
      $id: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {},
    };
    validateCiTypeDefinition({ ...routerType, attributeSchema: impostor });
    expect(validateCiTypeDefinition(routerType)).toEqual([]);
    expect(
      validateCiTypeDefinition({
        ...routerType,
        attributeSchema: { type: 'object', maxProperties: -1 },
      }),
    ).toHaveLength(1);
  });
});

describe('the default CI types', () => {
  it.each(DEFAULT_CI_TYPES.map((type) => [type.key, type] as const))(
    '%s is a valid type',
    (_key, type) => {
      expect(validateCiTypeDefinition(type)).toEqual([]);
    },
  );

  it('have unique keys and say which are assets, licences and business services', () => {
    const kinds = DEFAULT_CI_TYPES.map(({ key, asset, licence, businessService }) => ({
      key,
      kind: [asset && 'asset', licence && 'licence', businessService && 'business service']
        .filter(Boolean)
        .join(', '),
    }));
    expect(kinds).toEqual([
      { key: 'business_service', kind: 'business service' },
      { key: 'application', kind: '' },
      { key: 'database', kind: '' },
      { key: 'server', kind: '' },
      { key: 'virtual_machine', kind: '' },
      { key: 'network_device', kind: '' },
      { key: 'workstation', kind: 'asset' },
      { key: 'laptop', kind: 'asset' },
      { key: 'monitor', kind: 'asset' },
      { key: 'mobile_phone', kind: 'asset' },
      { key: 'printer', kind: 'asset' },
      { key: 'software_licence', kind: 'licence' },
      { key: 'data_centre', kind: '' },
    ]);
  });

  it('cannot be changed by accident', () => {
    const server = DEFAULT_CI_TYPES.find((type) => type.key === 'server');
    expect(Object.isFrozen(server?.attributeSchema['properties'])).toBe(true);
  });
});

describe('checking attributes against a type', () => {
  const validator = new AttributeValidator();
  const schemaOf = (key: string): Record<string, unknown> => {
    const type = DEFAULT_CI_TYPES.find((candidate) => candidate.key === key);
    if (!type) throw new Error(`no default type ${key}`);
    return type.attributeSchema;
  };

  it.each<[string, string, unknown, string[]]>([
    [
      'a well described server',
      'server',
      {
        hostname: 'srv-1c-01.corp.local',
        ip: '10.0.12.5',
        os: 'Astra Linux 1.7',
        cpu_cores: 16,
        ram_gb: 64,
      },
      [],
    ],
    ['a server with nothing known yet', 'server', {}, []],
    [
      'every wrong server attribute is named, not just the first',
      'server',
      { hostname: 'srv 1c', ip: '10.0.300.5', cpu_cores: 0, ram_gb: '64' },
      [
        'attributes/hostname: must match format "hostname"',
        'attributes/ip: must match format "ipv4"',
        'attributes/cpu_cores: must be >= 1',
        'attributes/ram_gb: must be number',
      ],
    ],
    [
      'fractional CPU cores',
      'virtual_machine',
      { cpu_cores: 2.5, hypervisor: 'xen' },
      [
        'attributes/cpu_cores: must be integer',
        'attributes/hypervisor: must be one of: vmware, hyper_v, kvm, proxmox, other',
      ],
    ],
    [
      'an attribute the type does not know',
      'laptop',
      { model: 'ThinkPad T14', colour: 'black' },
      ['attributes/colour: is not an attribute this type knows'],
    ],
    [
      'an application url that is not a uri',
      'application',
      { version: '8.3.24', url: 'not a url' },
      ['attributes/url: must match format "uri"'],
    ],
    [
      'a database engine out of the list',
      'database',
      { engine: 'db2' },
      ['attributes/engine: must be one of: postgresql, oracle, mssql, mysql, clickhouse, other'],
    ],
    [
      'a licence without vendor and product',
      'software_licence',
      { licence_key: 'XXXX-YYYY' },
      ['attributes/vendor: is required', 'attributes/product: is required'],
    ],
    ['attributes that are not an object', 'server', ['srv-01'], ['attributes: must be object']],
    ['a printer that knows colour', 'printer', { model: 'Kyocera M2040dn', colour: false }, []],
    [
      'an IMEI of 14 digits',
      'mobile_phone',
      { imei: '35209900176148' },
      ['attributes/imei: must match pattern "^[0-9]{15}$"'],
    ],
  ])('%s', (_name, typeKey, attributes, expected) => {
    expect(
      sentences(validator.attributeViolations(schemaOf(typeKey), attributes, typeKey)),
    ).toEqual(expected);
  });

  it('names nested attributes by their JSON pointer', () => {
    const schema = {
      type: 'object',
      properties: {
        disks: {
          type: 'array',
          items: {
            type: 'object',
            properties: { size_gb: { type: 'integer' } },
            required: ['size_gb'],
          },
        },
      },
    };
    expect(
      sentences(
        validator.attributeViolations(schema, { disks: [{ size_gb: 'big' }, {}] }, 'nested@1'),
      ),
    ).toEqual([
      'attributes/disks/0/size_gb: must be integer',
      'attributes/disks/1/size_gb: is required',
    ]);
  });

  it('compiles again when the schema under a cache key is a different one', () => {
    const cached = new AttributeValidator();
    const loose = { type: 'object', properties: { ip: { type: 'string' } } };
    const strict = { type: 'object', properties: { ip: { type: 'string', format: 'ipv4' } } };
    expect(cached.attributeViolations(loose, { ip: 'x' }, 'router')).toEqual([]);
    expect(cached.attributeViolations(strict, { ip: 'x' }, 'router')).toEqual([
      { field: 'attributes/ip', message: 'must match format "ipv4"' },
    ]);
    // An equal schema in a new object (read again from the database) is still the cached one.
    expect(
      cached.attributeViolations(
        JSON.parse(JSON.stringify(strict)) as Record<string, unknown>,
        { ip: '10.0.0.1' },
        'router',
      ),
    ).toEqual([]);
  });

  it('keeps working when it has to forget old schemas', () => {
    const small = new AttributeValidator(2);
    const schemaWithMax = (maximum: number) => ({
      type: 'object',
      properties: { n: { type: 'integer', maximum } },
    });
    const answers = [1, 2, 3, 1].map(
      (maximum) =>
        small.attributeViolations(schemaWithMax(maximum), { n: 2 }, `counter@${maximum}`).length,
    );
    expect(answers).toEqual([1, 0, 0, 1]);
  });

  it('reports an unusable stored schema on the attributes instead of throwing', () => {
    expect(
      validator.attributeViolations(
        { type: 'object', properties: { a: { type: 'strin' } } },
        {},
        'broken@1',
      ),
    ).toEqual([
      {
        field: 'attributes',
        message: expect.stringContaining("the type's attribute schema is unusable") as string,
      },
    ]);
  });
});
