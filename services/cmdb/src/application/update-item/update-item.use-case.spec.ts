import { CiRetired, CiUpdated } from '@itsm/contracts';
import { CmdbErrorCode } from '../../domain/cmdb-error';
import { cmdbPorts, itemMaker } from '../testing/cmdb-fixtures';
import { InMemoryCmdb } from '../testing/in-memory-cmdb-store';
import type { UpdateItemCommand } from './update-item.command';
import { UpdateItemUseCase } from './update-item.use-case';

describe('UpdateItemUseCase', () => {
  let cmdb: InMemoryCmdb;
  let update: UpdateItemUseCase;
  let make: ReturnType<typeof itemMaker>;

  beforeEach(() => {
    cmdb = new InMemoryCmdb();
    const ports = cmdbPorts();
    update = new UpdateItemUseCase(cmdb, ports.validator, ports.clock);
    make = itemMaker(cmdb, ports);
  });

  const fieldsOf = (
    overrides: Partial<UpdateItemCommand['fields']> = {},
  ): UpdateItemCommand['fields'] => ({
    typeKey: null,
    name: 'db-01',
    externalId: null,
    attributes: { cpu_cores: 8 },
    status: null,
    ownerId: null,
    supportGroupId: null,
    locationId: null,
    asset: null,
    ...overrides,
  });

  it('records what changed, at the next version, with item.updated', async () => {
    const item = await make('server', 'db-01', { attributes: { cpu_cores: 8 } });
    cmdb.state.events.length = 0;
    const updated = await update.execute({
      id: item.id,
      fields: fieldsOf({ attributes: { cpu_cores: 16 }, ownerId: 'team-dba' }),
      expectedVersion: 1,
      actorId: 'engineer',
    });
    expect(updated).toMatchObject({ version: 2, status: 'active', ownerId: 'team-dba' });
    const [latest] = cmdb.state.history.slice(-1);
    expect(latest).toMatchObject({ action: 'updated', version: 2, actorId: 'engineer' });
    expect(latest?.changes).toEqual([
      { field: 'ownerId', oldValue: '', newValue: '"team-dba"' },
      { field: 'attributes.cpu_cores', oldValue: '8', newValue: '16' },
    ]);
    expect(cmdb.events.map(({ type }) => type)).toEqual([CiUpdated.type]);
  });

  it('writes nothing when nothing changes', async () => {
    const item = await make('server', 'db-01', { attributes: { cpu_cores: 8 } });
    const same = await update.execute({
      id: item.id,
      fields: fieldsOf(),
      expectedVersion: null,
      actorId: 'x',
    });
    expect(same.version).toBe(1);
    expect(cmdb.state.history).toHaveLength(1);
  });

  it('announces a retirement as item.retired', async () => {
    const item = await make('server', 'db-01', { attributes: { cpu_cores: 8 } });
    cmdb.state.events.length = 0;
    await update.execute({
      id: item.id,
      fields: fieldsOf({ status: 'retired' }),
      expectedVersion: null,
      actorId: 'x',
    });
    expect(cmdb.events.map(({ type }) => type)).toEqual([CiRetired.type]);
    expect(cmdb.state.history.slice(-1)[0]?.action).toBe('retired');
  });

  it('refuses a stale version, another type, and ids that are not items', async () => {
    const item = await make('server', 'db-01');
    const stale = update.execute({
      id: item.id,
      fields: fieldsOf(),
      expectedVersion: 3,
      actorId: 'x',
    });
    await expect(stale).rejects.toMatchObject({
      code: CmdbErrorCode.VersionConflict,
      details: { currentVersion: 1 },
    });
    await expect(
      update.execute({
        id: item.id,
        fields: fieldsOf({ typeKey: 'application' }),
        expectedVersion: null,
        actorId: 'x',
      }),
    ).rejects.toMatchObject({ code: CmdbErrorCode.ValidationFailed });
    await expect(
      update.execute({ id: 'db-01', fields: fieldsOf(), expectedVersion: null, actorId: 'x' }),
    ).rejects.toMatchObject({ code: CmdbErrorCode.NotFound });
  });

  it('keeps the lifecycle fields of an asset: state, holder and place change through the journal', async () => {
    const laptop = await make('laptop', 'T14', {
      asset: {
        state: 'in_use',
        inventoryNumber: 'INV-1',
        serialNumber: null,
        holderId: 'emp-1',
        locationId: null,
        warrantyEnd: null,
        contractEnd: null,
        seats: null,
      },
    });
    const updated = await update.execute({
      id: laptop.id,
      fields: fieldsOf({
        name: 'T14',
        attributes: {},
        asset: {
          inventoryNumber: 'INV-1',
          serialNumber: 'SN-9',
          warrantyEnd: '2028-01-31',
          contractEnd: null,
          seats: 0,
        },
      }),
      expectedVersion: null,
      actorId: 'x',
    });
    expect(updated.asset).toEqual({
      state: 'in_use',
      inventoryNumber: 'INV-1',
      serialNumber: 'SN-9',
      holderId: 'emp-1',
      locationId: null,
      warrantyEnd: '2028-01-31',
      contractEnd: null,
      seats: null,
    });
  });
});
