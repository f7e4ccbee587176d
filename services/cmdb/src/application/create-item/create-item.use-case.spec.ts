import { CiCreated } from '@itsm/contracts';
import { CmdbErrorCode } from '../../domain/cmdb-error';
import { cmdbPorts, itemFields } from '../testing/cmdb-fixtures';
import { InMemoryCmdb } from '../testing/in-memory-cmdb-store';
import { CreateItemUseCase } from './create-item.use-case';

describe('CreateItemUseCase', () => {
  let cmdb: InMemoryCmdb;
  let create: CreateItemUseCase;

  beforeEach(() => {
    cmdb = new InMemoryCmdb();
    const { validator, ids, clock } = cmdbPorts();
    create = new CreateItemUseCase(cmdb, validator, ids, clock);
  });

  it('records the item, its history and the item.created event together', async () => {
    const { item, created } = await create.execute({
      fields: itemFields('server', 'db-01', { attributes: { cpu_cores: 8 }, externalId: '1C-7' }),
      actorId: 'admin',
      idempotencyKey: '',
    });
    expect(created).toBe(true);
    expect(item).toMatchObject({ typeKey: 'server', name: 'db-01', version: 1, asset: null });
    expect(cmdb.state.history).toEqual([
      expect.objectContaining({ ciId: item.id, version: 1, action: 'created', actorId: 'admin' }),
    ]);
    expect(cmdb.state.history[0]?.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', oldValue: '', newValue: '"db-01"' },
        { field: 'attributes.cpu_cores', oldValue: '', newValue: '8' },
      ]),
    );
    expect(cmdb.events).toEqual([
      {
        type: CiCreated.type,
        key: item.id,
        payload: expect.objectContaining({ actorId: 'admin' }),
      },
    ]);
  });

  it('answers a retry with the same idempotency key with the first item, writing nothing', async () => {
    const command = {
      fields: itemFields('application', 'CRM'),
      actorId: 'admin',
      idempotencyKey: 'k-1',
    };
    const first = await create.execute(command);
    const again = await create.execute(command);
    expect(again).toEqual({ item: first.item, created: false });
    expect(cmdb.state.items).toHaveLength(1);
    expect(cmdb.events).toHaveLength(1);
  });

  it('names every attribute the schema refuses, and writes nothing', async () => {
    const refused = create.execute({
      fields: itemFields('server', 'db-01', { attributes: { ram_gb: 'lots', colour: 'red' } }),
      actorId: 'admin',
      idempotencyKey: '',
    });
    await expect(refused).rejects.toMatchObject({
      code: CmdbErrorCode.ValidationFailed,
      violations: expect.arrayContaining([
        expect.objectContaining({ field: 'attributes/ram_gb' }),
        expect.objectContaining({ field: 'attributes/colour' }),
      ]),
    });
    expect(cmdb.state.items).toEqual([]);
  });

  it('gives assets details in stock and licences seats from 0 when the form sent none', async () => {
    const { item: laptop } = await create.execute({
      fields: itemFields('laptop', 'T14'),
      actorId: 'admin',
      idempotencyKey: '',
    });
    expect(laptop.asset).toMatchObject({ state: 'in_stock', seats: null });
    const { item: licence } = await create.execute({
      fields: itemFields('software_licence', 'Office', {
        attributes: { vendor: 'Microsoft', product: 'Office' },
      }),
      actorId: 'admin',
      idempotencyKey: '',
    });
    expect(licence.asset).toMatchObject({ seats: 0 });
  });

  it('refuses an unknown type, a taken external id or inventory number, and a location it does not have', async () => {
    const make = (overrides: Parameters<typeof itemFields>[2], typeKey = 'laptop') =>
      create.execute({
        fields: itemFields(typeKey, 'x', overrides),
        actorId: 'admin',
        idempotencyKey: '',
      });
    await expect(make({}, 'spaceship')).rejects.toMatchObject({
      code: CmdbErrorCode.ValidationFailed,
    });
    await make({ externalId: 'E-1' }, 'application');
    await expect(make({ externalId: 'E-1' }, 'application')).rejects.toMatchObject({
      code: CmdbErrorCode.AlreadyExists,
    });
    const asset = (inventoryNumber: string) => ({
      asset: {
        state: 'in_stock' as const,
        inventoryNumber,
        serialNumber: null,
        holderId: null,
        locationId: null,
        warrantyEnd: null,
        contractEnd: null,
        seats: null,
      },
    });
    await make(asset('INV-1'));
    await expect(make(asset('inv-1'))).rejects.toMatchObject({ code: CmdbErrorCode.AlreadyExists });
    await expect(make({ locationId: 'Склад 1' })).rejects.toMatchObject({
      code: CmdbErrorCode.NotFound,
    });
    await expect(
      create.execute({ fields: itemFields('application', 'y'), actorId: ' ', idempotencyKey: '' }),
    ).rejects.toMatchObject({ code: CmdbErrorCode.ValidationFailed });
  });
});
