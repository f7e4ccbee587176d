import { InventoryClosed } from '@itsm/contracts';
import { CmdbErrorCode } from '../../domain/cmdb-error';
import type { AssetState } from '../../domain/asset-lifecycle';
import { cmdbPorts, itemMaker } from '../testing/cmdb-fixtures';
import { InMemoryCmdb } from '../testing/in-memory-cmdb-store';
import { InventoryUseCase } from './inventory.use-case';

const STORE = '30000000-0000-7000-8000-000000000001';
const OTHER = '30000000-0000-7000-8000-000000000002';

describe('InventoryUseCase', () => {
  let cmdb: InMemoryCmdb;
  let inventory: InventoryUseCase;
  let make: ReturnType<typeof itemMaker>;

  const asset = (inventoryNumber: string, locationId: string, state: AssetState = 'in_stock') => ({
    asset: {
      state,
      inventoryNumber,
      serialNumber: null,
      holderId: state === 'in_use' ? 'emp-1' : null,
      locationId,
      warrantyEnd: null,
      contractEnd: null,
      seats: null,
    },
  });

  beforeEach(async () => {
    cmdb = new InMemoryCmdb();
    for (const id of [STORE, OTHER]) {
      cmdb.state.locations.push({
        id,
        name: id,
        kind: 'warehouse',
        parentId: null,
        address: '',
        version: 1,
        createdAt: new Date(),
      });
    }
    const ports = cmdbPorts();
    inventory = new InventoryUseCase(cmdb, ports.ids, ports.clock);
    make = itemMaker(cmdb, ports);
    await make('monitor', 'm1', asset('INV-1', STORE));
    await make('monitor', 'm2', asset('INV-2', STORE, 'in_use'));
    await make('monitor', 'm3', asset('INV-3', STORE, 'retired'));
    await make('monitor', 'elsewhere', asset('INV-9', OTHER));
  });

  it('expects the assets in service at the location and reports what the scans miss and add', async () => {
    const opened = await inventory.open({ name: 'Q4', locationId: STORE, actorId: 'auditor' });
    expect(opened).toMatchObject({ campaign: { expected: 2, status: 'open' }, found: 0 });
    const id = opened.campaign.id;

    const scanned = await inventory.recordScan(
      id,
      [' inv-1 ', 'INV-1', 'INV-9', 'X-404', ''],
      'auditor',
    );
    expect(scanned.found).toBe(1);
    expect(scanned.discrepancies).toEqual([
      {
        kind: 'missing',
        assetId: expect.any(String),
        inventoryNumber: 'INV-2',
        recordedLocationId: null,
      },
      {
        kind: 'unexpected',
        assetId: expect.any(String),
        inventoryNumber: 'INV-9',
        recordedLocationId: OTHER,
      },
      { kind: 'unknown', assetId: null, inventoryNumber: 'X-404', recordedLocationId: null },
    ]);

    const closed = await inventory.close(id, 'auditor');
    expect(closed).toMatchObject({ campaign: { status: 'closed', closedBy: 'auditor' }, found: 1 });
    expect(cmdb.events.filter(({ type }) => type === InventoryClosed.type)).toEqual([
      expect.objectContaining({ key: id }),
    ]);

    // Frozen: later changes at the location do not change a closed campaign.
    await make('monitor', 'm4', asset('INV-4', STORE));
    expect((await inventory.get(id)).discrepancies).toEqual(closed.discrepancies);
    await expect(inventory.recordScan(id, ['INV-2'], 'auditor')).rejects.toMatchObject({
      code: CmdbErrorCode.FailedPrecondition,
    });
    await expect(inventory.close(id, 'auditor')).rejects.toMatchObject({
      code: CmdbErrorCode.FailedPrecondition,
    });
  });

  it('refuses a location or campaign it does not have', async () => {
    await expect(
      inventory.open({ name: 'Q4', locationId: 'Склад', actorId: 'a' }),
    ).rejects.toMatchObject({
      code: CmdbErrorCode.NotFound,
    });
    await expect(inventory.get('42')).rejects.toMatchObject({ code: CmdbErrorCode.NotFound });
    await expect(
      inventory.open({ name: ' ', locationId: STORE, actorId: 'a' }),
    ).rejects.toMatchObject({
      code: CmdbErrorCode.ValidationFailed,
    });
  });
});
