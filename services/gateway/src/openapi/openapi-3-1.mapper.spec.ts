import type { OpenAPIObject } from '@nestjs/swagger';
import { toJsonSchema2020, toOpenApi31 } from './openapi-3-1.mapper';

type Schema = Parameters<typeof toJsonSchema2020>[0];

describe('OpenAPI 3.0 schemas as JSON Schema 2020-12', () => {
  it.each<[string, Schema, Schema]>([
    [
      'a nullable string',
      { type: 'string', format: 'date-time', nullable: true, description: 'When.' },
      { type: ['string', 'null'], format: 'date-time', description: 'When.' },
    ],
    [
      'a nullable enum, whose values must admit null too',
      { type: 'string', enum: ['low', 'high'], nullable: true },
      { type: ['string', 'null'], enum: ['low', 'high', null] },
    ],
    [
      'a nullable reference, as @nestjs/swagger writes it',
      {
        nullable: true,
        type: 'object',
        description: 'The organisation.',
        allOf: [{ $ref: '#/components/schemas/OrganizationDto' }],
      },
      {
        description: 'The organisation.',
        anyOf: [{ $ref: '#/components/schemas/OrganizationDto' }, { type: 'null' }],
      },
    ],
    [
      'a nullable choice of types',
      { oneOf: [{ type: 'string' }, { type: 'number' }], nullable: true, example: 8 },
      {
        examples: [8],
        anyOf: [{ oneOf: [{ type: 'string' }, { type: 'number' }] }, { type: 'null' }],
      },
    ],
    ['not nullable after all', { type: 'string', nullable: false }, { type: 'string' }],
    [
      'exclusive bounds',
      { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 0.9, exclusiveMaximum: true },
      { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 0.9 },
    ],
    [
      'inclusive bounds said so',
      { type: 'integer', minimum: 1, exclusiveMinimum: false },
      { type: 'integer', minimum: 1 },
    ],
    ['an example', { type: 'string', example: 'VPN' }, { type: 'string', examples: ['VPN'] }],
    [
      'a file',
      { type: 'string', format: 'binary' },
      { type: 'string', contentMediaType: 'application/octet-stream' },
    ],
    [
      'base64 text',
      { type: 'string', format: 'byte' },
      { type: 'string', contentEncoding: 'base64' },
    ],
    [
      'nested schemas',
      {
        type: 'object',
        properties: {
          closedAt: { type: 'string', nullable: true },
          tags: { type: 'array', items: { type: 'string', example: 'vpn' } },
          fields: { type: 'object', additionalProperties: { type: 'integer', nullable: true } },
        },
      },
      {
        type: 'object',
        properties: {
          closedAt: { type: ['string', 'null'] },
          tags: { type: 'array', items: { type: 'string', examples: ['vpn'] } },
          fields: { type: 'object', additionalProperties: { type: ['integer', 'null'] } },
        },
      },
    ],
    [
      'a property that happens to be called nullable',
      { type: 'object', properties: { nullable: { type: 'boolean' } } },
      { type: 'object', properties: { nullable: { type: 'boolean' } } },
    ],
  ])('%s', (_case, schema, expected) => {
    expect(toJsonSchema2020(schema)).toEqual(expected);
  });
});

describe('an OpenAPI 3.1 document', () => {
  const document = {
    openapi: '3.0.0',
    info: { title: 'API', version: 'v1' },
    paths: {
      '/things/{id}': {
        get: {
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', nullable: true } },
          ],
          responses: {
            '200': {
              description: 'A thing',
              headers: { ETag: { schema: { type: 'string', example: '"1"' } } },
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/ThingDto' },
                  // A value, not a schema: left as it is.
                  example: { schema: { nullable: true } },
                },
              },
            },
          },
          'x-required-permission': 'tickets.read',
        },
      },
    },
    components: {
      schemas: {
        ThingDto: { type: 'object', properties: { at: { type: 'string', nullable: true } } },
      },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  } as unknown as OpenAPIObject;

  it('says 3.1.0 and converts the schemas of components, parameters, headers and bodies', () => {
    expect(toOpenApi31(document)).toEqual({
      openapi: '3.1.0',
      info: { title: 'API', version: 'v1' },
      paths: {
        '/things/{id}': {
          get: {
            parameters: [
              {
                name: 'id',
                in: 'path',
                required: true,
                schema: { type: ['string', 'null'] },
              },
            ],
            responses: {
              '200': {
                description: 'A thing',
                headers: { ETag: { schema: { type: 'string', examples: ['"1"'] } } },
                content: {
                  'application/json': {
                    schema: { $ref: '#/components/schemas/ThingDto' },
                    example: { schema: { nullable: true } },
                  },
                },
              },
            },
            'x-required-permission': 'tickets.read',
          },
        },
      },
      components: {
        schemas: {
          ThingDto: { type: 'object', properties: { at: { type: ['string', 'null'] } } },
        },
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
    });
  });
});
