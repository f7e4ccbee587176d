import type { ArgumentMetadata } from '@nestjs/common';
import { apiValidationPipe } from '../../configure-http';
import { ValidationException } from '../../problem/validation.exception';
import { AssetActionDto, ListMovementsQueryDto } from './asset.dto';
import { WriteCiTypeDto } from './ci-type.dto';
import {
  ListConfigurationItemsQueryDto,
  WriteConfigurationItemDto,
} from './configuration-item.dto';
import { AnalyzeImpactDto, ImpactQueryDto } from './impact.dto';
import { OpenInventoryDto, RecordInventoryScanDto } from './inventory.dto';
import { ExportItemsQueryDto, ImportCsvQueryDto, ImportItemsDto } from './item-exchange.dto';
import { ItemTicketsQueryDto } from './item-ticket.dto';
import { LicenceComplianceQueryDto } from './licence.dto';
import { CreateLocationDto } from './location.dto';
import { CreateRelationshipDto, DeleteRelationshipQueryDto } from './relationship.dto';

const pipe = apiValidationPipe();
const itemId = '0193a7a0-0000-7000-8000-0000000000b1';
const vmId = '0193a7a0-0000-7000-8000-0000000000b2';
const locationId = '0193a7a0-0000-7000-8000-0000000000c1';

function accept(
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

const laptop = {
  type: 'laptop',
  name: 'LT-0042',
  externalId: '1C-000451',
  attributes: { model: 'ThinkPad X1', ram: 32, ports: ['usb-c'] },
  status: 'active',
  locationId,
  asset: { state: 'in_stock', inventoryNumber: 'INV-000123', warrantyEnd: '2028-03-31', seats: 0 },
  actorId: 'agent-17',
};

describe('CMDB bodies and queries', () => {
  it('take a type with its attribute schema as an object, and refuse it as anything else', async () => {
    const server = {
      key: 'server',
      nameEn: 'Server',
      nameRu: 'Сервер',
      attributeSchema: { type: 'object', properties: { cpu: { type: 'integer' } } },
      businessService: false,
    };
    expect(await accept(WriteCiTypeDto, server)).toEqual(server);
    expect(
      await refusedFields(WriteCiTypeDto, {
        ...server,
        key: '',
        attributeSchema: '{"type":"object"}',
        asset: 'yes',
        actorId: 'agent-17',
      }),
    ).toEqual(['actorId', 'asset', 'attributeSchema', 'key']);
  });

  it('take an item with free attributes and nested asset details, and refuse them field by field', async () => {
    expect(await accept(WriteConfigurationItemDto, laptop)).toEqual(laptop);
    expect(
      await accept(WriteConfigurationItemDto, { type: 'application', name: 'CRM', actorId: 'a' }),
    ).toEqual({ type: 'application', name: 'CRM', actorId: 'a' });
    expect(
      await refusedFields(WriteConfigurationItemDto, {
        ...laptop,
        attributes: [1, 2],
        status: 'broken',
        locationId: 'warehouse',
        asset: { state: 'lost', seats: -1, holder: 'user-42' },
        actorId: '',
      }),
    ).toEqual([
      'actorId',
      'asset.holder',
      'asset.seats',
      'asset.state',
      'attributes',
      'locationId',
      'status',
    ]);
  });

  it('read the item list’s filters, and bound its page', async () => {
    expect(
      await accept(
        ListConfigurationItemsQueryDto,
        { type: 'laptop', assetState: 'in_use', holderId: 'user-42', q: 'INV', limit: '20' },
        'query',
      ),
    ).toEqual({ type: 'laptop', assetState: 'in_use', holderId: 'user-42', q: 'INV', limit: 20 });
    expect(
      await refusedFields(
        ListConfigurationItemsQueryDto,
        { status: 'on', assetState: 'IN_USE', locationId: 'x', limit: '0', query: 'INV' },
        'query',
      ),
    ).toEqual(['assetState', 'limit', 'locationId', 'query', 'status']);
  });

  it('take a relationship of a known type between two items', async () => {
    const runsOn = { sourceId: vmId, targetId: itemId, type: 'runs_on', actorId: 'agent-17' };
    expect(await accept(CreateRelationshipDto, runsOn)).toEqual(runsOn);
    expect(
      await refusedFields(CreateRelationshipDto, {
        sourceId: 'vm',
        targetId: itemId,
        type: 'RUNS_ON',
        actorId: '',
      }),
    ).toEqual(['actorId', 'sourceId', 'type']);
    // No actor: the caller acts.
    expect(await refusedFields(DeleteRelationshipQueryDto, {}, 'query')).toEqual([]);
  });

  it('read an impact analysis’s direction and bounds, for one item or several', async () => {
    expect(
      await accept(ImpactQueryDto, { direction: 'downstream', depth: '3', limit: '100' }, 'query'),
    ).toEqual({ direction: 'downstream', depth: 3, limit: 100 });
    expect(
      await refusedFields(ImpactQueryDto, { direction: 'sideways', depth: '11' }, 'query'),
    ).toEqual(['depth', 'direction']);
    expect(await accept(AnalyzeImpactDto, { itemIds: [itemId, vmId], depth: 2 })).toEqual({
      itemIds: [itemId, vmId],
      depth: 2,
    });
    expect(await refusedFields(AnalyzeImpactDto, { itemIds: [], direction: 'up' })).toEqual([
      'direction',
      'itemIds',
    ]);
    expect(await refusedFields(AnalyzeImpactDto, { itemIds: ['db-prod-01'] })).toEqual(['itemIds']);
  });

  it('take asset actions, locations and movement pages in the API’s spellings', async () => {
    const assign = { action: 'assign', holderId: 'user-42', actorId: 'agent-17' };
    expect(await accept(AssetActionDto, assign)).toEqual(assign);
    expect(
      await refusedFields(AssetActionDto, { action: 'lend', locationId: 'hq', actorId: 'a' }),
    ).toEqual(['action', 'locationId']);
    expect(await accept(CreateLocationDto, { name: 'DC-1', kind: 'data_centre' })).toEqual({
      name: 'DC-1',
      kind: 'data_centre',
    });
    expect(
      await refusedFields(CreateLocationDto, { name: '', kind: 'datacenter', parentId: 'hq' }),
    ).toEqual(['kind', 'name', 'parentId']);
    expect(await accept(ListMovementsQueryDto, { limit: '10' }, 'query')).toEqual({ limit: 10 });
  });

  it('take an inventory and its scans', async () => {
    expect(await accept(OpenInventoryDto, { name: 'Q4', locationId, actorId: 'agent-17' })).toEqual(
      { name: 'Q4', locationId, actorId: 'agent-17' },
    );
    expect(await refusedFields(OpenInventoryDto, { name: 'Q4', locationId: 'hq' })).toEqual([
      'locationId',
    ]);
    expect(
      await refusedFields(RecordInventoryScanDto, { inventoryNumbers: [], actorId: 'a' }),
    ).toEqual(['inventoryNumbers']);
    expect(
      await refusedFields(RecordInventoryScanDto, {
        inventoryNumbers: ['INV-1', ''],
        actorId: 'a',
      }),
    ).toEqual(['inventoryNumbers']);
  });

  it('read the flags of licences and of an item’s tickets as booleans', async () => {
    expect(await accept(LicenceComplianceQueryDto, { onlyNonCompliant: 'true' }, 'query')).toEqual({
      onlyNonCompliant: true,
    });
    expect(await accept(ItemTicketsQueryDto, { openOnly: 'false', limit: '5' }, 'query')).toEqual({
      openOnly: false,
      limit: 5,
    });
    expect(await refusedFields(ItemTicketsQueryDto, { openOnly: 'yes' }, 'query')).toEqual([
      'openOnly',
    ]);
  });

  it('take an import as a JSON envelope or as CSV with its options in the query', async () => {
    const envelope = { format: 'csv', content: 'type,name\n', dryRun: true, actorId: 'a' };
    expect(await accept(ImportItemsDto, envelope)).toEqual(envelope);
    expect(
      await refusedFields(ImportItemsDto, {
        format: 'xlsx',
        content: '',
        defaultType: '',
        actorId: '',
      }),
    ).toEqual(['actorId', 'content', 'defaultType', 'format']);
    expect(
      await accept(ImportCsvQueryDto, { type: 'laptop', dryRun: 'true', actorId: 'a' }, 'query'),
    ).toEqual({ type: 'laptop', dryRun: true, actorId: 'a' });
    expect(await refusedFields(ImportCsvQueryDto, { dryRun: '1', actorId: '' }, 'query')).toEqual([
      'actorId',
      'dryRun',
    ]);
    expect(await accept(ExportItemsQueryDto, { format: 'json' }, 'query')).toEqual({
      format: 'json',
    });
    expect(await refusedFields(ExportItemsQueryDto, { format: 'xml' }, 'query')).toEqual([
      'format',
    ]);
  });
});
