import type { ArgumentMetadata } from '@nestjs/common';
import { apiValidationPipe } from '../../configure-http';
import { ValidationException } from '../../problem/validation.exception';
import {
  CreateCatalogItemDto,
  ListCatalogItemsQueryDto,
  UpdateCatalogItemDto,
} from './catalog-item.dto';
import { CreateCategoryDto } from './category.dto';
import { RequestCatalogItemDto } from './request-catalog-item.dto';
import { CreateServiceDto } from './service.dto';

const pipe = apiValidationPipe();
const serviceId = '0193a7a0-0000-7000-8000-0000000000a1';

/** What the API makes of a body or query: the DTO, or the fields it refuses. */
async function accept(
  metatype: ArgumentMetadata['metatype'],
  value: unknown,
  type: ArgumentMetadata['type'] = 'body',
): Promise<unknown> {
  return pipe.transform(value, { type, metatype });
}

async function refusedFields(
  metatype: ArgumentMetadata['metatype'],
  value: unknown,
  type: ArgumentMetadata['type'] = 'body',
): Promise<string[]> {
  try {
    await accept(metatype, value, type);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationException)) throw error;
    return [...new Set(error.errors.map(({ field }) => field))].sort();
  }
}

const laptopForm = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['laptopModel'],
  properties: {
    laptopModel: { type: 'string', enum: ['ThinkPad X1', 'MacBook Pro 14'] },
    accessories: { type: 'array', items: { type: 'string' }, maxItems: 3 },
  },
  additionalProperties: false,
};

describe('catalog bodies and queries', () => {
  it('take a form schema and form values whole, however deeply nested', async () => {
    expect(
      await accept(CreateCatalogItemDto, { serviceId, name: 'New laptop', formSchema: laptopForm }),
    ).toMatchObject({ formSchema: laptopForm });
    expect(
      await accept(CreateCategoryDto, { name: 'Printers', formSchema: laptopForm }),
    ).toMatchObject({ formSchema: laptopForm });
    const fields = { laptopModel: 'ThinkPad X1', accessories: ['dock'], delivery: { floor: 3 } };
    expect(await accept(RequestCatalogItemDto, { requesterId: 'emp-1042', fields })).toMatchObject({
      fields,
    });
  });

  it.each([
    ['an array', [{ type: 'object' }]],
    ['a string', '{"type":"object"}'],
    ['a number', 1],
  ])('refuse a form schema or form values that are %s', async (_, value) => {
    expect(
      await refusedFields(CreateCatalogItemDto, { serviceId, name: 'x', formSchema: value }),
    ).toEqual(['formSchema']);
    expect(await refusedFields(CreateCategoryDto, { name: 'x', formSchema: value })).toEqual([
      'formSchema',
    ]);
    expect(
      await refusedFields(RequestCatalogItemDto, { requesterId: 'emp-1', fields: value }),
    ).toEqual(['fields']);
  });

  it('take names of 1 to 200 characters and refuse blank or longer ones', async () => {
    expect(await refusedFields(CreateServiceDto, { name: 'x'.repeat(200) })).toEqual([]);
    expect(await refusedFields(CreateServiceDto, { name: '' })).toEqual(['name']);
    expect(await refusedFields(CreateCategoryDto, { name: 'x'.repeat(201) })).toEqual(['name']);
    expect(await refusedFields(CreateCatalogItemDto, { serviceId })).toEqual(['name']);
  });

  it('refuse references that are no uuids', async () => {
    expect(
      await refusedFields(CreateCatalogItemDto, {
        serviceId: 'workplace-it',
        name: 'New laptop',
        defaultCategoryId: 'hardware',
      }),
    ).toEqual(['defaultCategoryId', 'serviceId']);
    expect(await refusedFields(CreateCategoryDto, { parentId: 'root', name: 'Printers' })).toEqual([
      'parentId',
    ]);
    expect(
      await refusedFields(ListCatalogItemsQueryDto, { serviceId: 'workplace-it' }, 'query'),
    ).toEqual(['serviceId']);
  });

  it('refuse unknown defaults, channels and fields', async () => {
    expect(
      await refusedFields(CreateCatalogItemDto, {
        serviceId,
        name: 'New laptop',
        defaultImpact: 'critical',
        defaultUrgency: 'asap',
        owner: 'me',
      }),
    ).toEqual(['defaultImpact', 'defaultUrgency', 'owner']);
    expect(
      await refusedFields(RequestCatalogItemDto, { requesterId: 'emp-1', channel: 'fax' }),
    ).toEqual(['channel']);
    // No requester: the caller orders for themselves.
    expect(await refusedFields(RequestCatalogItemDto, { fields: {} })).toEqual([]);
    expect(await refusedFields(RequestCatalogItemDto, { requesterId: '' })).toEqual([
      'requesterId',
    ]);
  });

  it('read includeInactive=true|false as a boolean and refuse anything else', async () => {
    expect(
      await accept(ListCatalogItemsQueryDto, { serviceId, includeInactive: 'true' }, 'query'),
    ).toEqual(Object.assign(new ListCatalogItemsQueryDto(), { serviceId, includeInactive: true }));
    expect(
      await accept(ListCatalogItemsQueryDto, { includeInactive: 'false' }, 'query'),
    ).toMatchObject({ includeInactive: false });
    expect(
      await refusedFields(ListCatalogItemsQueryDto, { includeInactive: 'yes' }, 'query'),
    ).toEqual(['includeInactive']);
  });

  it('take a change of an item as a whole item that says whether it is still offered', async () => {
    const item = { serviceId, name: 'Old laptop', formSchema: laptopForm };
    expect(await refusedFields(UpdateCatalogItemDto, { ...item, active: false })).toEqual([]);
    expect(await refusedFields(UpdateCatalogItemDto, item)).toEqual(['active']);
    expect(await refusedFields(UpdateCatalogItemDto, { ...item, active: 'no' })).toEqual([
      'active',
    ]);
    expect(await refusedFields(UpdateCatalogItemDto, { name: 'x', active: true })).toEqual([
      'serviceId',
    ]);
  });
});
