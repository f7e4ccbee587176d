import { AssetMoved, CiRetired } from '@itsm/contracts';
import { CmdbErrorCode } from '../../domain/cmdb-error';
import type { StoredItem } from '../ports/cmdb-store';
import { cmdbPorts, itemMaker } from '../testing/cmdb-fixtures';
import { InMemoryCmdb } from '../testing/in-memory-cmdb-store';
import { ChangeAssetUseCase } from './change-asset.use-case';

const WAREHOUSE = '30000000-0000-7000-8000-000000000001';
const OFFICE = '30000000-0000-7000-8000-000000000002';

describe('ChangeAssetUseCase', () => {
  let cmdb: InMemoryCmdb;
  let change: ChangeAssetUseCase;
  let laptop: StoredItem;
  let make: ReturnType<typeof itemMaker>;

  beforeEach(async () => {
    cmdb = new InMemoryCmdb();
    for (const [id, name] of [
      [WAREHOUSE, 'Склад'],
      [OFFICE, 'Офис'],
    ] as const) {
      cmdb.state.locations.push({
        id,
        name,
        kind: 'warehouse',
        parentId: null,
        address: '',
        version: 1,
        createdAt: new Date(),
      });
    }
    const ports = cmdbPorts();
    change = new ChangeAssetUseCase(cmdb, ports.ids, ports.clock);
    make = itemMaker(cmdb, ports);
    laptop = await make('laptop', 'T14', {
      asset: {
        state: 'ordered',
        inventoryNumber: 'INV-1',
        serialNumber: null,
        holderId: null,
        locationId: null,
        warrantyEnd: null,
        contractEnd: null,
        seats: null,
      },
    });
    cmdb.state.events.length = 0;
  });

  const act = (
    action: string,
    fields: Partial<{ holderId: string; locationId: string; reason: string }> = {},
  ) =>
    change.execute({
      assetId: laptop.id,
      action,
      holderId: '',
      locationId: '',
      reason: '',
      actorId: 'storekeeper',
      expectedVersion: null,
      ...fields,
    });

  it('writes a journal line, a history entry and asset.moved for each step', async () => {
    await act('receive', { locationId: WAREHOUSE });
    await act('assign', { holderId: 'emp-1' });
    const { item, movement } = await act('move', { locationId: OFFICE });
    expect(item).toMatchObject({
      version: 4,
      asset: { state: 'in_use', holderId: 'emp-1', locationId: OFFICE },
    });
    expect(movement).toMatchObject({
      kind: 'moved',
      fromState: 'in_use',
      toState: 'in_use',
      fromLocationId: WAREHOUSE,
      toLocationId: OFFICE,
      fromHolderId: 'emp-1',
      toHolderId: 'emp-1',
      actorId: 'storekeeper',
    });
    expect(cmdb.state.movements.map(({ kind }) => kind)).toEqual(['received', 'assigned', 'moved']);
    expect(cmdb.state.history.map(({ action }) => action)).toEqual([
      'created',
      'state_changed',
      'assigned',
      'moved',
    ]);
    expect(cmdb.events.map(({ type }) => type)).toEqual([
      AssetMoved.type,
      AssetMoved.type,
      AssetMoved.type,
    ]);
  });

  it('retires the item with the asset, announcing both', async () => {
    await act('receive', { locationId: WAREHOUSE });
    const { item } = await act('retire', { reason: 'end of life' });
    expect(item).toMatchObject({ status: 'retired', asset: { state: 'retired' } });
    expect(cmdb.events.map(({ type }) => type)).toEqual([
      AssetMoved.type,
      AssetMoved.type,
      CiRetired.type,
    ]);
  });

  it('refuses what the state does not allow, naming what it does, and writes nothing', async () => {
    await expect(act('assign', { holderId: 'emp-1' })).rejects.toMatchObject({
      code: CmdbErrorCode.InvalidTransition,
      details: { currentState: 'ordered', allowedActions: ['receive'] },
    });
    expect(cmdb.state.movements).toEqual([]);
    expect(cmdb.events).toEqual([]);
  });

  it('refuses places the CMDB does not have, items that are not assets and stale versions', async () => {
    await expect(act('receive', { locationId: 'Склад' })).rejects.toMatchObject({
      code: CmdbErrorCode.NotFound,
    });
    await expect(
      act('receive', { locationId: '30000000-0000-7000-8000-000000000009' }),
    ).rejects.toMatchObject({ code: CmdbErrorCode.NotFound });
    const server = await make('server', 'db-01');
    await expect(
      change.execute({
        assetId: server.id,
        action: 'receive',
        holderId: '',
        locationId: WAREHOUSE,
        reason: '',
        actorId: 'x',
        expectedVersion: null,
      }),
    ).rejects.toMatchObject({ code: CmdbErrorCode.FailedPrecondition });
    await expect(
      change.execute({
        assetId: laptop.id,
        action: 'receive',
        holderId: '',
        locationId: WAREHOUSE,
        reason: '',
        actorId: 'x',
        expectedVersion: 7,
      }),
    ).rejects.toMatchObject({ code: CmdbErrorCode.VersionConflict });
  });
});
