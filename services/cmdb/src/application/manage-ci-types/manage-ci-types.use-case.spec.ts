import { CmdbErrorCode } from '../../domain/cmdb-error';
import type { CiTypeDefinition } from '../../domain/ci-type';
import { cmdbPorts, itemMaker } from '../testing/cmdb-fixtures';
import { InMemoryCmdb } from '../testing/in-memory-cmdb-store';
import { ManageCiTypesUseCase, REFUSED_ITEMS_NAMED } from './manage-ci-types.use-case';

const ups = (attributeSchema: Record<string, unknown>): CiTypeDefinition => ({
  key: 'ups',
  nameEn: 'UPS',
  nameRu: 'ИБП',
  attributeSchema,
  asset: false,
  businessService: false,
  licence: false,
});

describe('ManageCiTypesUseCase', () => {
  let cmdb: InMemoryCmdb;
  let types: ManageCiTypesUseCase;
  let make: ReturnType<typeof itemMaker>;

  beforeEach(() => {
    cmdb = new InMemoryCmdb();
    const ports = cmdbPorts();
    types = new ManageCiTypesUseCase(cmdb, ports.validator, ports.ids, ports.clock);
    make = itemMaker(cmdb, ports);
  });

  it('creates a type, refusing a taken key and a schema that is not one', async () => {
    const type = await types.create(
      ups({ type: 'object', properties: { kva: { type: 'number' } } }),
    );
    expect(type).toMatchObject({ key: 'ups', version: 1 });
    await expect(types.create(ups({ type: 'object' }))).rejects.toMatchObject({
      code: CmdbErrorCode.AlreadyExists,
    });
    await expect(
      types.create({
        ...ups({ type: 'object', properties: { a: { type: 'nonsense' } } }),
        key: 'other',
      }),
    ).rejects.toMatchObject({ code: CmdbErrorCode.ValidationFailed });
  });

  it('refuses a schema its items break, naming the first ten and counting all', async () => {
    const type = await types.create(
      ups({ type: 'object', properties: { kva: { type: 'number' } } }),
    );
    for (let index = 0; index < 12; index++)
      await make('ups', `ups-${index}`, { attributes: { kva: 10 } });
    await make('ups', 'small', { attributes: { kva: 2 } });
    const stricter = ups({ type: 'object', properties: { kva: { type: 'number', maximum: 5 } } });
    const refused: unknown = await types
      .update(type.id, stricter, 1)
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: CmdbErrorCode.FailedPrecondition,
      details: { refusedItems: 12 },
      violations: expect.arrayContaining([
        {
          field: expect.stringMatching(/^items\//),
          message: expect.stringContaining('attributes/kva'),
        },
      ]),
    });
    expect((refused as { violations: unknown[] }).violations).toHaveLength(REFUSED_ITEMS_NAMED);
    expect((await types.list()).find(({ key }) => key === 'ups')?.version).toBe(1);
  });

  it('changes a type its items still fit, at the next version', async () => {
    const type = await types.create(
      ups({ type: 'object', properties: { kva: { type: 'number' } } }),
    );
    const item = await make('ups', 'ups-1', { attributes: { kva: 3 } });
    const updated = await types.update(
      type.id,
      {
        ...ups({ type: 'object', properties: { kva: { type: 'number', maximum: 5 } } }),
        key: 'ups_unit',
      },
      null,
    );
    expect(updated).toMatchObject({ key: 'ups_unit', version: 2 });
    expect(cmdb.state.items.find(({ id }) => id === item.id)?.typeKey).toBe('ups_unit');
    await expect(types.update(type.id, ups({ type: 'object' }), 1)).rejects.toMatchObject({
      code: CmdbErrorCode.VersionConflict,
    });
    await expect(types.update('ups', ups({ type: 'object' }), null)).rejects.toMatchObject({
      code: CmdbErrorCode.NotFound,
    });
  });
});
