import { Metadata, status } from '@grpc/grpc-js';
import {
  AssetState,
  CampaignStatus,
  CiStatus,
  type ConfigurationItem,
  DataFormat,
  ErrorMetadata,
  ImpactDirection,
  type ImpactedItem,
  RelationshipType,
  toTimestamp,
} from '@itsm/contracts';
import { ProblemDetailsFilter } from '../problem/problem-details.filter';
import { withRestFieldNames } from '../problem/violation-fields';
import {
  cmdbFieldName,
  exportFile,
  importFieldName,
  noImpact,
  ticketImpactFieldName,
  claimedImportActor,
  toAnalyzeImpactRequest,
  toAssetMovementDto,
  toChangeAssetRequest,
  toCiTypeDraft,
  toCiTypeDto,
  toConfigurationItemDto,
  toCreateItemRequest,
  toCreateLocationRequest,
  toCreateRelationshipRequest,
  toExportItemsRequest,
  toHistoryEntryDto,
  toImpactAnalysisDto,
  toImportItemsRequest,
  toImportResultDto,
  toInventoryDto,
  toItemDraft,
  toItemTicketDto,
  toLicenceComplianceDto,
  toListItemsRequest,
  toLocationDto,
  toRelationshipDto,
  toTicketImpactDto,
  toUpdateItemRequest,
} from './cmdb-dto.mapper';
import type { WriteConfigurationItemDto } from './dto/configuration-item.dto';
import type { ImportSubmission } from './import-submission.decorator';

const at = new Date('2026-11-27T08:30:00.250Z');
const iso = '2026-11-27T08:30:00.250Z';
const typeId = '0193a7a0-0000-7000-8000-0000000000a1';
const itemId = '0193a7a0-0000-7000-8000-0000000000b1';
const vmId = '0193a7a0-0000-7000-8000-0000000000b2';
const serviceId = '0193a7a0-0000-7000-8000-0000000000b3';
const locationId = '0193a7a0-0000-7000-8000-0000000000c1';
const warehouseId = '0193a7a0-0000-7000-8000-0000000000c2';
const ticketId = '0193a7a0-0000-7000-8000-000000000001';

describe('types: REST ⇄ contract', () => {
  const schema = { type: 'object', properties: { cpu: { type: 'integer' } } };

  it('sends the attribute schema as JSON text, and a type neither asset nor service unless it says so', () => {
    expect(
      toCiTypeDraft({ key: 'server', nameEn: 'Server', nameRu: 'Сервер', attributeSchema: schema }),
    ).toEqual({
      key: 'server',
      nameEn: 'Server',
      nameRu: 'Сервер',
      attributeSchemaJson: '{"type":"object","properties":{"cpu":{"type":"integer"}}}',
      asset: false,
      businessService: false,
      licence: false,
    });
    expect(
      toCiTypeDraft({ key: 'laptop', nameEn: 'Laptop', nameRu: 'Ноутбук', asset: true }),
    ).toMatchObject({ attributeSchemaJson: '', asset: true });
  });

  it.each([
    ['{"type":"object"}', { type: 'object' }],
    ['', {}],
  ])('shows the schema %j as the object %j', (attributeSchemaJson, attributeSchema) => {
    expect(
      toCiTypeDto({
        id: typeId,
        key: 'server',
        nameEn: 'Server',
        nameRu: 'Сервер',
        attributeSchemaJson,
        asset: false,
        businessService: true,
        licence: false,
        version: 2,
        createdAt: toTimestamp(at),
        updatedAt: toTimestamp(at),
      }),
    ).toEqual({
      id: typeId,
      key: 'server',
      nameEn: 'Server',
      nameRu: 'Сервер',
      attributeSchema,
      asset: false,
      businessService: true,
      licence: false,
      version: 2,
      createdAt: iso,
      updatedAt: iso,
    });
  });
});

const laptop: WriteConfigurationItemDto = {
  type: 'laptop',
  name: 'LT-0042',
  externalId: '1C-000451',
  attributes: { model: 'ThinkPad X1', ram: 32 },
  status: 'active',
  ownerId: 'it-dept',
  supportGroupId: 'Desktop support',
  locationId,
  asset: {
    state: 'in_stock',
    inventoryNumber: 'INV-000123',
    serialNumber: 'PF3K2L9X',
    warrantyEnd: '2028-03-31',
  },
};

const stored: ConfigurationItem = {
  id: itemId,
  typeKey: 'laptop',
  name: 'LT-0042',
  externalId: '1C-000451',
  attributesJson: '{"model":"ThinkPad X1","ram":32}',
  status: CiStatus.CI_STATUS_ACTIVE,
  ownerId: 'it-dept',
  supportGroupId: 'Desktop support',
  locationId,
  asset: {
    state: AssetState.ASSET_STATE_IN_USE,
    inventoryNumber: 'INV-000123',
    serialNumber: 'PF3K2L9X',
    holderId: 'user-42',
    locationId: '',
    warrantyEnd: '2028-03-31',
    contractEnd: '',
    seats: 0,
  },
  version: 4,
  createdAt: toTimestamp(at),
  updatedAt: toTimestamp(at),
};

describe('configuration items: REST ⇄ contract', () => {
  it('sends attributes as JSON text and the asset details nested, blanks for what is absent', () => {
    expect(toItemDraft(laptop)).toEqual({
      typeKey: 'laptop',
      name: 'LT-0042',
      externalId: '1C-000451',
      attributesJson: '{"model":"ThinkPad X1","ram":32}',
      status: CiStatus.CI_STATUS_ACTIVE,
      ownerId: 'it-dept',
      supportGroupId: 'Desktop support',
      locationId,
      asset: {
        state: AssetState.ASSET_STATE_IN_STOCK,
        inventoryNumber: 'INV-000123',
        serialNumber: 'PF3K2L9X',
        holderId: '',
        locationId: '',
        warrantyEnd: '2028-03-31',
        contractEnd: '',
        seats: 0,
      },
    });
  });

  it('sends an item that is not an asset without asset details, its status left to the service', () => {
    expect(toItemDraft({ type: 'application', name: 'Online banking', actorId: 'a' })).toEqual({
      typeKey: 'application',
      name: 'Online banking',
      externalId: '',
      attributesJson: '',
      status: CiStatus.CI_STATUS_UNSPECIFIED,
      ownerId: '',
      supportGroupId: '',
      locationId: '',
      asset: undefined,
    });
  });

  it.each([
    [undefined, ''],
    ['retry-1', 'retry-1'],
  ])('creates with Idempotency-Key %s as %j', (header, idempotencyKey) => {
    expect(toCreateItemRequest(laptop, 'agent-17', header)).toMatchObject({
      actorId: 'agent-17',
      idempotencyKey,
    });
  });

  it.each([
    [undefined, 0],
    [4, 4],
  ])('updates at If-Match %s as expected version %s', (ifMatch, expectedVersion) => {
    expect(toUpdateItemRequest(itemId, laptop, 'agent-17', ifMatch)).toMatchObject({
      id: itemId,
      expectedVersion,
      actorId: 'agent-17',
    });
  });

  it('shows an asset with nulls for what is not set', () => {
    expect(toConfigurationItemDto(stored)).toEqual({
      id: itemId,
      type: 'laptop',
      name: 'LT-0042',
      externalId: '1C-000451',
      attributes: { model: 'ThinkPad X1', ram: 32 },
      status: 'active',
      ownerId: 'it-dept',
      supportGroupId: 'Desktop support',
      locationId,
      asset: {
        state: 'in_use',
        inventoryNumber: 'INV-000123',
        serialNumber: 'PF3K2L9X',
        holderId: 'user-42',
        locationId: null,
        warrantyEnd: '2028-03-31',
        contractEnd: null,
        seats: 0,
      },
      version: 4,
      createdAt: iso,
      updatedAt: iso,
    });
  });

  it('shows an item without attributes or asset details with {} and null', () => {
    expect(
      toConfigurationItemDto({ ...stored, attributesJson: '', asset: undefined, externalId: '' }),
    ).toMatchObject({ attributes: {}, asset: null, externalId: null });
  });

  it('refuses attributes the service sent that are not a JSON object', () => {
    expect(() => toConfigurationItemDto({ ...stored, attributesJson: '[1]' })).toThrow(
      `the attributes of item ${itemId} is not a JSON object`,
    );
  });

  it.each([
    [{}, { typeKey: '', status: 'CI_STATUS_UNSPECIFIED', assetState: 'ASSET_STATE_UNSPECIFIED' }],
    [
      {
        type: 'laptop',
        status: 'active',
        assetState: 'in_repair',
        holderId: 'user-42',
        locationId,
        q: 'INV-0001',
        limit: 20,
        cursor: 'c2',
      },
      {
        typeKey: 'laptop',
        status: CiStatus.CI_STATUS_ACTIVE,
        assetState: AssetState.ASSET_STATE_IN_REPAIR,
        holderId: 'user-42',
        locationId,
        query: 'INV-0001',
        pageSize: 20,
        pageToken: 'c2',
      },
    ],
  ] as const)('asks for the page %j as %j', (query, request) => {
    expect(toListItemsRequest(query)).toMatchObject(request);
  });

  it('shows a change with its values as JSON and its fields as REST names', () => {
    expect(
      toHistoryEntryDto({
        ciId: itemId,
        version: 3,
        action: 'assigned',
        actorId: 'agent-17',
        changes: [
          { field: 'asset.holder_id', oldValue: '', newValue: '"user-42"' },
          { field: 'attributes_json.ram', oldValue: '16', newValue: '32' },
          { field: 'status', oldValue: '"planned"', newValue: '"active"' },
        ],
        occurredAt: toTimestamp(at),
      }),
    ).toEqual({
      version: 3,
      action: 'assigned',
      actorId: 'agent-17',
      changes: [
        { field: 'asset.holderId', oldValue: null, newValue: 'user-42' },
        { field: 'attributes.ram', oldValue: 16, newValue: 32 },
        { field: 'status', oldValue: 'planned', newValue: 'active' },
      ],
      occurredAt: iso,
    });
  });

  it.each([
    ['an unknown action', { action: 'teleported', changes: [] }, 'unexpected history action'],
    [
      'a value that is not JSON',
      { action: 'updated', changes: [{ field: 'name', oldValue: 'a', newValue: '"b"' }] },
      'not JSON',
    ],
  ])('refuses %s from the service', (_, entry, message) => {
    expect(() =>
      toHistoryEntryDto({
        ciId: itemId,
        version: 1,
        actorId: 'a',
        occurredAt: toTimestamp(at),
        ...entry,
      }),
    ).toThrow(message);
  });

  it.each([
    ['incident', 'in_progress', 'incident', 'in_progress'],
    ['TICKET_TYPE_CHANGE', 'TICKET_STATUS_APPROVAL', 'change', 'approval'],
  ])(
    'shows a ticket of type %s in status %s as %s, %s',
    (type, ticketStatus, restType, restStatus) => {
      expect(
        toItemTicketDto({
          ticketId,
          number: 'CHG-000007',
          type,
          title: 'Upgrade the database',
          status: ticketStatus,
          open: true,
          updatedAt: toTimestamp(at),
        }),
      ).toEqual({
        ticketId,
        number: 'CHG-000007',
        type: restType,
        title: 'Upgrade the database',
        status: restStatus,
        open: true,
        updatedAt: iso,
      });
    },
  );

  it('refuses a ticket status the tickets service does not know', () => {
    expect(() =>
      toItemTicketDto({
        ticketId,
        number: 'INC-1',
        type: 'incident',
        title: 't',
        status: 'sleeping',
        open: true,
        updatedAt: toTimestamp(at),
      }),
    ).toThrow('unexpected ticket status "sleeping"');
  });
});

describe('relationships and impact: REST ⇄ contract', () => {
  it('sends a relationship type by its contract name and shows it back', () => {
    expect(
      toCreateRelationshipRequest(
        { sourceId: vmId, targetId: itemId, type: 'uses_licence' },
        'agent-17',
      ),
    ).toEqual({
      sourceId: vmId,
      targetId: itemId,
      type: RelationshipType.RELATIONSHIP_TYPE_USES_LICENCE,
      actorId: 'agent-17',
    });
    expect(
      toRelationshipDto({
        id: typeId,
        sourceId: vmId,
        targetId: itemId,
        type: RelationshipType.RELATIONSHIP_TYPE_RUNS_ON,
        createdAt: toTimestamp(at),
        createdBy: 'agent-17',
      }),
    ).toEqual({
      id: typeId,
      sourceId: vmId,
      targetId: itemId,
      type: 'runs_on',
      createdBy: 'agent-17',
      createdAt: iso,
    });
  });

  it.each([
    [{}, ImpactDirection.IMPACT_DIRECTION_UNSPECIFIED, 0, 0],
    [
      { direction: 'downstream', depth: 3, limit: 100 },
      ImpactDirection.IMPACT_DIRECTION_DOWNSTREAM,
      3,
      100,
    ],
    [{ direction: 'upstream' }, ImpactDirection.IMPACT_DIRECTION_UPSTREAM, 0, 0],
  ] as const)('analyses %j as %s to depth %s, limit %s', (query, direction, maxDepth, limit) => {
    expect(toAnalyzeImpactRequest([itemId, vmId], query)).toEqual({
      itemIds: [itemId, vmId],
      direction,
      maxDepth,
      limit,
    });
  });

  const bankingService: ImpactedItem = {
    id: serviceId,
    name: 'Online banking',
    typeKey: 'business_service',
    depth: 2,
    path: [itemId, vmId, serviceId],
    businessService: true,
    status: CiStatus.CI_STATUS_ACTIVE,
  };

  it('shows what the analysis reached, the business services apart', () => {
    const impact = toImpactAnalysisDto({
      items: [
        {
          ...bankingService,
          id: vmId,
          name: 'vm-17',
          typeKey: 'virtual_machine',
          depth: 1,
          path: [itemId, vmId],
          businessService: false,
          status: CiStatus.CI_STATUS_MAINTENANCE,
        },
        bankingService,
      ],
      businessServices: [bankingService],
      truncated: true,
      maxDepth: 5,
    });
    const banking = {
      id: serviceId,
      name: 'Online banking',
      type: 'business_service',
      depth: 2,
      path: [itemId, vmId, serviceId],
      businessService: true,
      status: 'active',
    };
    expect(impact).toEqual({
      items: [
        {
          id: vmId,
          name: 'vm-17',
          type: 'virtual_machine',
          depth: 1,
          path: [itemId, vmId],
          businessService: false,
          status: 'maintenance',
        },
        banking,
      ],
      businessServices: [banking],
      truncated: true,
      maxDepth: 5,
    });
    expect(toTicketImpactDto(ticketId, [itemId], impact)).toEqual({
      ticketId,
      configurationItemIds: [itemId],
      ...impact,
    });
  });

  it.each([
    [{}, 5],
    [{ depth: 2 }, 2],
  ])(
    'answers a ticket without items with no impact, to the depth asked (%j)',
    (query, maxDepth) => {
      expect(toTicketImpactDto(ticketId, [], noImpact(query))).toEqual({
        ticketId,
        configurationItemIds: [],
        items: [],
        businessServices: [],
        truncated: false,
        maxDepth,
      });
    },
  );
});

describe('locations, assets, inventories and licences: REST ⇄ contract', () => {
  it('sends a location without parent or address as blanks, and shows them as null', () => {
    expect(toCreateLocationRequest({ name: 'Warehouse 2', kind: 'warehouse' })).toEqual({
      name: 'Warehouse 2',
      kind: 'warehouse',
      parentId: '',
      address: '',
    });
    expect(
      toLocationDto({
        id: warehouseId,
        name: 'Warehouse 2',
        kind: 'data_centre',
        parentId: '',
        address: '',
        version: 1,
        createdAt: toTimestamp(at),
      }),
    ).toEqual({
      id: warehouseId,
      name: 'Warehouse 2',
      kind: 'data_centre',
      parentId: null,
      address: null,
      version: 1,
      createdAt: iso,
    });
  });

  it.each([
    [
      { action: 'assign', holderId: 'user-42' },
      3,
      { holderId: 'user-42', locationId: '', reason: '', expectedVersion: 3 },
    ],
    [
      { action: 'move', locationId, reason: 'office move' },
      undefined,
      { holderId: '', locationId, reason: 'office move', expectedVersion: 0 },
    ],
  ] as const)('sends the asset action %j at If-Match %s', (body, ifMatch, request) => {
    expect(toChangeAssetRequest(itemId, body, 'agent-17', ifMatch)).toEqual({
      assetId: itemId,
      action: body.action,
      actorId: 'agent-17',
      ...request,
    });
  });

  it('shows the first line of an asset’s journal without a state before', () => {
    expect(
      toAssetMovementDto({
        id: typeId,
        assetId: itemId,
        kind: 'received',
        fromState: AssetState.ASSET_STATE_UNSPECIFIED,
        toState: AssetState.ASSET_STATE_IN_STOCK,
        fromLocationId: '',
        toLocationId: warehouseId,
        fromHolderId: '',
        toHolderId: '',
        actorId: 'agent-17',
        reason: '',
        occurredAt: toTimestamp(at),
      }),
    ).toEqual({
      id: typeId,
      assetId: itemId,
      kind: 'received',
      fromState: null,
      toState: 'in_stock',
      fromLocationId: null,
      toLocationId: warehouseId,
      fromHolderId: null,
      toHolderId: null,
      actorId: 'agent-17',
      reason: null,
      occurredAt: iso,
    });
  });

  it('shows an open inventory with its discrepancies', () => {
    expect(
      toInventoryDto({
        id: typeId,
        name: 'Q4 count',
        locationId: warehouseId,
        status: CampaignStatus.CAMPAIGN_STATUS_OPEN,
        expected: 3,
        found: 2,
        discrepancies: [
          { assetId: itemId, inventoryNumber: 'INV-1', kind: 'missing', recordedLocationId: '' },
          {
            assetId: vmId,
            inventoryNumber: 'INV-7',
            kind: 'unexpected',
            recordedLocationId: locationId,
          },
          { assetId: '', inventoryNumber: 'INV-X', kind: 'unknown', recordedLocationId: '' },
        ],
        openedAt: toTimestamp(at),
        closedAt: undefined,
        openedBy: 'agent-17',
      }),
    ).toEqual({
      id: typeId,
      name: 'Q4 count',
      locationId: warehouseId,
      status: 'open',
      expected: 3,
      found: 2,
      discrepancies: [
        { assetId: itemId, inventoryNumber: 'INV-1', kind: 'missing', recordedLocationId: null },
        {
          assetId: vmId,
          inventoryNumber: 'INV-7',
          kind: 'unexpected',
          recordedLocationId: locationId,
        },
        { assetId: null, inventoryNumber: 'INV-X', kind: 'unknown', recordedLocationId: null },
      ],
      openedAt: iso,
      closedAt: null,
      openedBy: 'agent-17',
    });
  });

  it('shows an over-deployed licence', () => {
    expect(
      toLicenceComplianceDto({
        licenceId: itemId,
        name: 'Microsoft 365 E3',
        seats: 50,
        assigned: 53,
        available: -3,
        compliant: false,
        contractEnd: '',
      }),
    ).toEqual({
      licenceId: itemId,
      name: 'Microsoft 365 E3',
      seats: 50,
      assigned: 53,
      available: -3,
      compliant: false,
      contractEnd: null,
    });
  });
});

describe('imports and exports: REST ⇄ contract', () => {
  const csv = 'type,name\nlaptop,LT-1\n';

  it.each<[string, ImportSubmission, object]>([
    [
      'a JSON envelope',
      {
        kind: 'json',
        body: { format: 'json', content: '[]', defaultType: 'server', dryRun: true, actorId: 'a' },
      },
      {
        format: DataFormat.DATA_FORMAT_JSON,
        content: '[]',
        defaultTypeKey: 'server',
        dryRun: true,
      },
    ],
    [
      'a JSON envelope with defaults',
      { kind: 'json', body: { format: 'csv', content: csv, actorId: 'a' } },
      { format: DataFormat.DATA_FORMAT_CSV, content: csv, defaultTypeKey: '', dryRun: false },
    ],
    [
      'a raw CSV file with its options in the query',
      { kind: 'csv', content: csv, options: { type: 'laptop', dryRun: true, actorId: 'a' } },
      { format: DataFormat.DATA_FORMAT_CSV, content: csv, defaultTypeKey: 'laptop', dryRun: true },
    ],
  ])('imports %s', (_, submission, request) => {
    expect(claimedImportActor(submission)).toBe('a');
    expect(toImportItemsRequest(submission, 'a')).toEqual({ actorId: 'a', ...request });
  });

  it('names no actor of an import that names none: the caller imports', () => {
    expect(claimedImportActor({ kind: 'json', body: { format: 'csv', content: 'x' } })).toBe(
      undefined,
    );
    expect(claimedImportActor({ kind: 'csv', content: 'x', options: {} })).toBe(undefined);
  });

  it('shows rejected rows with null for a missing external id', () => {
    expect(
      toImportResultDto({
        rows: 3,
        created: 1,
        updated: 0,
        unchanged: 1,
        rejected: [{ row: 2, externalId: '', errors: ['attr.ram: must be an integer'] }],
      }),
    ).toEqual({
      rows: 3,
      created: 1,
      updated: 0,
      unchanged: 1,
      rejected: [{ row: 2, externalId: null, errors: ['attr.ram: must be an integer'] }],
    });
  });

  it.each([
    [{}, DataFormat.DATA_FORMAT_CSV, '', 'text/csv; charset=utf-8', 'cmdb-items.csv'],
    [
      { type: 'laptop', format: 'json' },
      DataFormat.DATA_FORMAT_JSON,
      'laptop',
      'application/json; charset=utf-8',
      'cmdb-laptop.json',
    ],
  ] as const)('exports %j', (query, format, typeKey, contentType, fileName) => {
    expect(toExportItemsRequest(query)).toEqual({ format, typeKey });
    expect(exportFile(query)).toEqual({ contentType, fileName });
  });
});

describe('the CMDB service’s field violations in REST spelling', () => {
  it.each([
    ['item.type_key', 'type'],
    ['item.attributes_json.cpu_count', 'attributes.cpu_count'],
    ['item.asset.inventory_number', 'asset.inventoryNumber'],
    ['item.asset.warrantyEnd', 'asset.warrantyEnd'],
    ['type.attribute_schema_json', 'attributeSchema'],
    ['type.name_ru', 'nameRu'],
    ['type', 'type'],
    ['item_ids[1]', 'itemIds[1]'],
    ['max_depth', 'depth'],
    ['pageSize', 'limit'],
    ['page_token', 'cursor'],
    ['query', 'q'],
    ['inventory_numbers[3]', 'inventoryNumbers[3]'],
    ['default_type_key', 'defaultType'],
  ])('names %s as %s', (field, restField) => {
    expect(cmdbFieldName(field)).toBe(restField);
  });

  it.each<[ImportSubmission['kind'], string, string]>([
    ['json', 'content', 'content'],
    ['json', 'default_type_key', 'defaultType'],
    ['csv', 'content', 'body'],
    ['csv', 'default_type_key', 'type'],
    ['csv', 'actor_id', 'actorId'],
  ])('names an import’s %s field %s as %s', (kind, field, restField) => {
    const submission: ImportSubmission =
      kind === 'csv'
        ? { kind, content: 'x', options: { actorId: 'a' } }
        : { kind, body: { format: 'csv', content: 'x', actorId: 'a' } };
    expect(importFieldName(submission)(field)).toBe(restField);
  });

  it.each([
    ['attributes/cpu_cores', 'attributes.cpu_cores'],
    ['attributes/disks/0/size_gb', 'attributes.disks.0.size_gb'],
    ['attributes', 'attributes'],
  ])(
    'names the attribute %s the service refused as %s, as the attribute is written',
    (field, rest) => {
      expect(cmdbFieldName(field)).toBe(rest);
    },
  );

  it('names the items of a ticket’s impact as the ticket’s', () => {
    expect(ticketImpactFieldName('item_ids[0]')).toBe('configurationItemIds[0]');
    expect(ticketImpactFieldName('max_depth')).toBe('depth');
  });

  it('renames the fields of a refusal on its way to the problem filter', async () => {
    const metadata = new Metadata();
    metadata.set(ErrorMetadata.code, 'VALIDATION_FAILED');
    metadata.set(
      ErrorMetadata.violations,
      Buffer.from(
        JSON.stringify([{ field: 'item.attributes_json.ram', message: 'not an integer' }]),
      ),
    );
    const refusal = { code: status.INVALID_ARGUMENT, details: 'invalid item', metadata };
    await expect(withRestFieldNames(Promise.reject(refusal), cmdbFieldName)).rejects.toBe(refusal);
    expect(new ProblemDetailsFilter().toProblem(refusal, '/api/v1/cmdb/items')).toMatchObject({
      status: 400,
      errors: [{ field: 'attributes.ram', message: 'not an integer' }],
    });
  });

  it.each([
    ['INVALID_TRANSITION', status.FAILED_PRECONDITION, '/problems/invalid-transition'],
    ['FAILED_PRECONDITION', status.FAILED_PRECONDITION, '/problems/conflict'],
  ])(
    'answers an asset action its state refuses (%s) with 409 and the allowed actions',
    (code, grpcStatus, type) => {
      const metadata = new Metadata();
      metadata.set(ErrorMetadata.code, code);
      metadata.set(
        ErrorMetadata.details,
        Buffer.from(
          JSON.stringify({ currentState: 'in_repair', allowedActions: ['back_from_repair'] }),
        ),
      );
      const refusal = {
        code: grpcStatus,
        details: 'an asset in repair cannot be assigned',
        metadata,
      };
      expect(new ProblemDetailsFilter().toProblem(refusal, '/t')).toMatchObject({
        type,
        status: 409,
        currentState: 'in_repair',
        allowedActions: ['back_from_repair'],
      });
    },
  );
});
