import type { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '@itsm/persistence';
import { createTestDatabase, type TestDatabase } from '@itsm/testing';
import { ticketsDataSourceSettings } from '../app.module';
import { ticketsConfigSchema } from '../config/tickets.config';
import { SqlCatalogStore } from './sql-catalog.store';

describe('SqlCatalogStore in PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: SqlCatalogStore;
  const at = new Date('2026-11-27T09:00:00Z');
  const id = (n: number) => `0193a7a0-0000-7000-8000-${String(n).padStart(12, '0')}`;

  beforeAll(async () => {
    database = await createTestDatabase('itsm_catalog_store');
    const settings = ticketsDataSourceSettings(
      ticketsConfigSchema.parse({ DATABASE_URL: database.url }),
    );
    await runMigrations(createDataSource(settings));
    dataSource = createDataSource(settings);
    await dataSource.initialize();
    store = new SqlCatalogStore(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('lists the category tree parents first, siblings by name, forms intact', async () => {
    const form = { type: 'object', properties: { room: { type: 'string' } } };
    await store.insertCategory({
      id: id(1),
      parentId: null,
      name: 'Software',
      formSchema: null,
      createdAt: at,
    });
    await store.insertCategory({
      id: id(2),
      parentId: null,
      name: 'Hardware',
      formSchema: null,
      createdAt: at,
    });
    await store.insertCategory({
      id: id(3),
      parentId: id(2),
      name: 'Printers',
      formSchema: form,
      createdAt: at,
    });
    await store.insertCategory({
      id: id(4),
      parentId: id(2),
      name: 'Laptops',
      formSchema: null,
      createdAt: at,
    });
    expect((await store.categories()).map((category) => category.name)).toEqual([
      'Hardware',
      'Laptops',
      'Printers',
      'Software',
    ]);
    expect((await store.findCategory(id(3)))?.formSchema).toEqual(form);
    expect(await store.findCategory('not-a-uuid')).toBeUndefined();
  });

  it('keeps items with their schema and finds them by service', async () => {
    await store.insertService({
      id: id(10),
      name: 'Workplace',
      description: '',
      ownerGroupId: null,
      createdAt: at,
    });
    const form = { type: 'object', required: ['model'], properties: { model: { type: 'string' } } };
    await store.insertItem({
      id: id(11),
      serviceId: id(10),
      name: 'New laptop',
      description: 'Standard developer set-up',
      formSchema: form,
      defaultCategoryId: id(4),
      defaultImpact: 'low',
      defaultUrgency: 'medium',
      fulfilmentGroupId: 'workplace',
      active: true,
      createdAt: at,
      version: 1,
      updatedAt: at,
    });
    expect(await store.findServiceByName('WORKPLACE')).toMatchObject({ id: id(10) });
    expect(await store.items({ serviceId: id(10), includeInactive: false })).toEqual([
      expect.objectContaining({ id: id(11), formSchema: form, defaultCategoryId: id(4) }),
    ]);
    expect(await store.items({ serviceId: 'garbage', includeInactive: false })).toEqual([]);
  });

  it('stores a change over the version it was made on, and only over that one', async () => {
    const item = await store.findItem(id(11));
    if (!item) throw new Error('the item of the previous test is missing');
    const later = new Date('2026-11-28T10:00:00Z');
    const retired = { ...item, active: false, name: 'Old laptop', version: 2, updatedAt: later };
    await expect(store.updateItem(retired)).resolves.toBe(true);
    await expect(store.updateItem({ ...retired, name: 'Lost edit' })).resolves.toBe(false);
    expect(await store.findItem(id(11))).toMatchObject({
      name: 'Old laptop',
      active: false,
      version: 2,
      createdAt: at,
      updatedAt: later,
    });
    expect(await store.items({ serviceId: id(10), includeInactive: false })).toEqual([]);
    expect(await store.items({ serviceId: id(10), includeInactive: true })).toHaveLength(1);
  });
});
