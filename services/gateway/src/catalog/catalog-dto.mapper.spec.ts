import { type CatalogItem, Channel, Impact, toTimestamp, Urgency } from '@itsm/contracts';
import {
  toCatalogItemDto,
  toCategoryDto,
  toCreateCatalogItemRequest,
  toCreateCategoryRequest,
  toCreateServiceRequest,
  toListCatalogItemsRequest,
  toRequestCatalogItemRequest,
  toServiceDto,
  toUpdateCatalogItemRequest,
} from './catalog-dto.mapper';

const at = new Date('2026-11-27T08:30:00.250Z');
const serviceId = '0193a7a0-0000-7000-8000-0000000000a1';
const categoryId = '0193a7a0-0000-7000-8000-0000000000c1';
const itemId = '0193a7a0-0000-7000-8000-0000000000e1';

const laptopForm = {
  type: 'object',
  required: ['laptopModel'],
  properties: { laptopModel: { type: 'string', enum: ['ThinkPad X1', 'MacBook Pro 14'] } },
};

/** A catalog item as the tickets service sends it. */
const laptop: CatalogItem = {
  id: itemId,
  serviceId,
  name: 'New laptop',
  description: 'A laptop for a new or returning employee.',
  formSchemaJson: JSON.stringify(laptopForm),
  defaultCategoryId: '',
  defaultImpact: Impact.IMPACT_LOW,
  defaultUrgency: Urgency.URGENCY_HIGH,
  fulfilmentGroupId: '',
  active: true,
  createdAt: toTimestamp(at),
  version: 3,
  updatedAt: toTimestamp(new Date('2026-11-28T10:00:00Z')),
};

describe('catalog REST ⇄ contract mapping: services and categories', () => {
  it('renders a service, null for no owner group', () => {
    const service = {
      id: serviceId,
      name: 'Workplace IT',
      description: '',
      ownerGroupId: '',
      createdAt: toTimestamp(at),
    };
    expect(toServiceDto(service)).toEqual({
      id: serviceId,
      name: 'Workplace IT',
      description: '',
      ownerGroupId: null,
      createdAt: '2026-11-27T08:30:00.250Z',
    });
    expect(toServiceDto({ ...service, ownerGroupId: 'workplace-support' }).ownerGroupId).toBe(
      'workplace-support',
    );
    expect(() => toServiceDto({ ...service, createdAt: undefined })).toThrow(
      `service ${serviceId} lacks its creation time`,
    );
  });

  it('passes a new service; absent description and owner group are empty', () => {
    expect(toCreateServiceRequest({ name: 'Workplace IT' })).toEqual({
      name: 'Workplace IT',
      description: '',
      ownerGroupId: '',
    });
    expect(
      toCreateServiceRequest({
        name: 'Workplace IT',
        description: 'Laptops and phones.',
        ownerGroupId: 'workplace-support',
      }),
    ).toEqual({
      name: 'Workplace IT',
      description: 'Laptops and phones.',
      ownerGroupId: 'workplace-support',
    });
  });

  it('renders a root category without a form as nulls, a child with its form as an object', () => {
    const root = {
      id: categoryId,
      parentId: '',
      name: 'Hardware',
      formSchemaJson: '',
      createdAt: toTimestamp(at),
    };
    expect(toCategoryDto(root)).toEqual({
      id: categoryId,
      parentId: null,
      name: 'Hardware',
      formSchema: null,
      createdAt: '2026-11-27T08:30:00.250Z',
    });
    expect(
      toCategoryDto({
        ...root,
        id: 'child-1',
        parentId: categoryId,
        name: 'Printers',
        formSchemaJson: '{"type":"object","properties":{"printerName":{"type":"string"}}}',
      }),
    ).toMatchObject({
      parentId: categoryId,
      formSchema: { type: 'object', properties: { printerName: { type: 'string' } } },
    });
  });

  it('passes a new category with its form as JSON text; no form and no parent are empty', () => {
    expect(toCreateCategoryRequest({ name: 'Hardware' })).toEqual({
      parentId: '',
      name: 'Hardware',
      formSchemaJson: '',
    });
    expect(
      toCreateCategoryRequest({ parentId: categoryId, name: 'Printers', formSchema: laptopForm }),
    ).toEqual({
      parentId: categoryId,
      name: 'Printers',
      formSchemaJson: JSON.stringify(laptopForm),
    });
  });

  it.each([
    ['text that is no JSON', '{"type":', 'is not valid JSON'],
    ['an array', '[]', 'is not a JSON object'],
    ['a string', '"object"', 'is not a JSON object'],
  ])('fails as a server error on a category form that is %s', (_, formSchemaJson, message) => {
    expect(() =>
      toCategoryDto({
        id: categoryId,
        parentId: '',
        name: 'Hardware',
        formSchemaJson,
        createdAt: toTimestamp(at),
      }),
    ).toThrow(`category ${categoryId}'s formSchemaJson ${message}`);
  });
});

describe('catalog REST ⇄ contract mapping: items', () => {
  it('renders an item with its form as an object, REST enums and null for what is not set', () => {
    expect(toCatalogItemDto(laptop)).toEqual({
      id: itemId,
      serviceId,
      name: 'New laptop',
      description: 'A laptop for a new or returning employee.',
      formSchema: laptopForm,
      defaultCategoryId: null,
      defaultImpact: 'low',
      defaultUrgency: 'high',
      fulfilmentGroupId: null,
      active: true,
      createdAt: '2026-11-27T08:30:00.250Z',
      version: 3,
      updatedAt: '2026-11-28T10:00:00.000Z',
    });
    expect(
      toCatalogItemDto({
        ...laptop,
        defaultCategoryId: categoryId,
        fulfilmentGroupId: 'workplace-support',
        active: false,
      }),
    ).toMatchObject({
      defaultCategoryId: categoryId,
      fulfilmentGroupId: 'workplace-support',
      active: false,
    });
  });

  it.each([
    ['missing', '', 'is missing'],
    ['text that is no JSON', 'type: object', 'is not valid JSON'],
    ['null', 'null', 'is not a JSON object'],
  ])('fails as a server error on an item form that is %s', (_, formSchemaJson, message) => {
    expect(() => toCatalogItemDto({ ...laptop, formSchemaJson })).toThrow(
      `catalog item ${itemId}'s formSchemaJson ${message}`,
    );
  });

  it('refuses an item the API cannot render', () => {
    expect(() => toCatalogItemDto({ ...laptop, defaultImpact: Impact.IMPACT_UNSPECIFIED })).toThrow(
      'unexpected IMPACT_* value IMPACT_UNSPECIFIED from a service',
    );
    expect(() => toCatalogItemDto({ ...laptop, createdAt: undefined })).toThrow(
      `catalog item ${itemId} lacks its creation time`,
    );
  });

  it('passes a new item; what is absent stays empty or unspecified for the service to default', () => {
    expect(toCreateCatalogItemRequest({ serviceId, name: 'New laptop' })).toEqual({
      serviceId,
      name: 'New laptop',
      description: '',
      formSchemaJson: '',
      defaultCategoryId: '',
      defaultImpact: Impact.IMPACT_UNSPECIFIED,
      defaultUrgency: Urgency.URGENCY_UNSPECIFIED,
      fulfilmentGroupId: '',
    });
  });

  it('passes a change of an item with the version from If-Match, 0 when none was given', () => {
    const change = { serviceId, name: 'Old laptop', defaultImpact: 'high' as const, active: false };
    expect(toUpdateCatalogItemRequest(itemId, change, 4)).toEqual({
      id: itemId,
      expectedVersion: 4,
      serviceId,
      name: 'Old laptop',
      description: '',
      formSchemaJson: '',
      defaultCategoryId: '',
      defaultImpact: Impact.IMPACT_HIGH,
      defaultUrgency: Urgency.URGENCY_UNSPECIFIED,
      fulfilmentGroupId: '',
      active: false,
    });
    expect(toUpdateCatalogItemRequest(itemId, change, undefined).expectedVersion).toBe(0);
  });

  it('passes a new item with its form as JSON text and its defaults in contract spelling', () => {
    expect(
      toCreateCatalogItemRequest({
        serviceId,
        name: 'New laptop',
        description: 'For new employees.',
        formSchema: laptopForm,
        defaultCategoryId: categoryId,
        defaultImpact: 'low',
        defaultUrgency: 'high',
        fulfilmentGroupId: 'workplace-support',
      }),
    ).toEqual({
      serviceId,
      name: 'New laptop',
      description: 'For new employees.',
      formSchemaJson: JSON.stringify(laptopForm),
      defaultCategoryId: categoryId,
      defaultImpact: Impact.IMPACT_LOW,
      defaultUrgency: Urgency.URGENCY_HIGH,
      fulfilmentGroupId: 'workplace-support',
    });
  });

  it('lists the active items of every service unless told otherwise', () => {
    expect(toListCatalogItemsRequest({})).toEqual({ serviceId: '', includeInactive: false });
    expect(toListCatalogItemsRequest({ serviceId, includeInactive: true })).toEqual({
      serviceId,
      includeInactive: true,
    });
  });
});

describe('catalog REST ⇄ contract mapping: requests', () => {
  it('orders the item of the path for the requester decided, with the form values as JSON text and the Idempotency-Key', () => {
    expect(
      toRequestCatalogItemRequest(
        itemId,
        {
          fields: { laptopModel: 'ThinkPad X1', needsDockingStation: true },
          title: 'Laptop for Anna',
          description: 'She starts on Monday.',
          channel: 'email',
        },
        { requesterId: 'emp-1042', organizationId: 'org-acme' },
        'order-7',
      ),
    ).toEqual({
      itemId,
      requesterId: 'emp-1042',
      organizationId: 'org-acme',
      fieldsJson: '{"laptopModel":"ThinkPad X1","needsDockingStation":true}',
      title: 'Laptop for Anna',
      description: 'She starts on Monday.',
      channel: Channel.CHANNEL_EMAIL,
      idempotencyKey: 'order-7',
    });
  });

  it('sends no fields as an empty form, so required fields are refused by name', () => {
    const requester = { requesterId: 'emp-1042', organizationId: '' };
    expect(toRequestCatalogItemRequest(itemId, {}, requester, undefined)).toEqual({
      itemId,
      requesterId: 'emp-1042',
      organizationId: '',
      fieldsJson: '{}',
      title: '',
      description: '',
      channel: Channel.CHANNEL_UNSPECIFIED,
      idempotencyKey: '',
    });
  });
});
