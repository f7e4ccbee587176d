import { anchorOf, syncCatalog } from './catalog-sync';
import { DEMO_CATALOG, type DemoCatalog } from './catalogue/service-catalog.catalogue';
import type {
  CatalogItemRecord,
  CategoryRecord,
  CreateCatalogItemBody,
  CreateCategoryBody,
  CreateServiceBody,
  ServiceRecord,
} from './gateway-api';
import type { DemoApi } from './gateway-client';
import { GroupDirectory } from './group-directory';
import { expectRoutingGroups, GROUP_IDS, GROUPS } from './testing/groups.fixture';

/**
 * The catalog endpoints in memory; the clock moves a minute per created service. A group named by
 * anything but routing's id is refused: the platform would take it, and no agent would see it.
 */
class FakeCatalogApi implements Pick<
  DemoApi,
  | 'listServices'
  | 'createService'
  | 'listCategories'
  | 'createCategory'
  | 'listCatalogItems'
  | 'createCatalogItem'
> {
  readonly services: (ServiceRecord & { ownerGroupId?: string })[] = [];
  readonly categories: (CategoryRecord & { formSchema?: unknown })[] = [];
  readonly items: (CatalogItemRecord & CreateCatalogItemBody)[] = [];
  readonly created: string[] = [];
  private clock = Date.parse('2025-03-10T07:15:42.123Z');

  async listServices(): Promise<ServiceRecord[]> {
    return this.services.map(({ id, name, createdAt }) => ({ id, name, createdAt }));
  }

  async createService(body: CreateServiceBody): Promise<ServiceRecord> {
    this.created.push(`service ${body.name}`);
    expectRoutingGroups(body);
    const service = {
      id: `svc-${this.services.length + 1}`,
      name: body.name,
      createdAt: new Date(this.clock).toISOString(),
    };
    this.clock += 60_000;
    this.services.push({ ...service, ownerGroupId: body.ownerGroupId });
    return service;
  }

  async listCategories(): Promise<CategoryRecord[]> {
    return this.categories.map(({ id, parentId, name }) => ({ id, parentId, name }));
  }

  async createCategory(body: CreateCategoryBody): Promise<CategoryRecord> {
    this.created.push(`category ${body.name}`);
    const category = {
      id: `cat-${this.categories.length + 1}`,
      parentId: body.parentId ?? null,
      name: body.name,
      ...(body.formSchema ? { formSchema: body.formSchema } : {}),
    };
    this.categories.push(category);
    return category;
  }

  async listCatalogItems(): Promise<CatalogItemRecord[]> {
    return this.items.map(({ id, serviceId, name }) => ({ id, serviceId, name }));
  }

  async createCatalogItem(body: CreateCatalogItemBody): Promise<CatalogItemRecord> {
    this.created.push(`item ${body.name}`);
    expectRoutingGroups(body);
    const item = { ...body, id: `item-${this.items.length + 1}` };
    this.items.push(item);
    return item;
  }
}

function apiOf(fake: FakeCatalogApi): DemoApi {
  return fake as unknown as DemoApi;
}

describe('syncCatalog', () => {
  it('creates the whole catalog on an empty platform, parents first, with forms', async () => {
    const fake = new FakeCatalogApi();
    const sync = await syncCatalog(DEMO_CATALOG, GROUPS, apiOf(fake));
    expect(sync.counts).toEqual({
      services: { total: 6, created: 6 },
      categories: {
        total: DEMO_CATALOG.categories.length,
        created: DEMO_CATALOG.categories.length,
      },
      items: { total: DEMO_CATALOG.items.length, created: DEMO_CATALOG.items.length },
    });
    const wifi = fake.categories.find((category) => category.name === 'Wi-Fi');
    const network = fake.categories.find((category) => category.id === wifi?.parentId);
    expect(network?.name).toBe('Сеть и VPN / Network & VPN');
    expect(wifi?.formSchema).toMatchObject({ required: ['location'] });
    expect(sync.ids.categories['network-wifi']).toBe(wifi?.id);
    const laptop = fake.items.find((item) => item.name === 'Новый ноутбук / New laptop');
    expect(laptop).toMatchObject({
      serviceId: sync.ids.services.workplace,
      defaultCategoryId: sync.ids.categories['workplace-hardware'],
      fulfilmentGroupId: GROUP_IDS.workplace,
    });
    expect(fake.services.find((service) => service.id === sync.ids.services.erp)).toMatchObject({
      ownerGroupId: GROUP_IDS['erp-support'],
    });
    // The first service was created at 07:15:42: the demo's present, to the minute.
    expect(sync.anchor.toISOString()).toBe('2025-03-10T07:15:00.000Z');
  });

  it('creates nothing the second time and reads back the same ids and anchor', async () => {
    const fake = new FakeCatalogApi();
    const first = await syncCatalog(DEMO_CATALOG, GROUPS, apiOf(fake));
    fake.created.length = 0;
    const second = await syncCatalog(DEMO_CATALOG, GROUPS, apiOf(fake));
    expect(fake.created).toEqual([]);
    expect(second.ids).toEqual(first.ids);
    expect(second.anchor).toEqual(first.anchor);
    expect(second.counts.items).toEqual({ total: DEMO_CATALOG.items.length, created: 0 });
  });

  it('matches names whatever the case, a category only under its parent, an item in its service', async () => {
    const fake = new FakeCatalogApi();
    fake.services.push({
      id: 'svc-old',
      name: ' печать / PRINTING ',
      createdAt: '2025-03-01T10:00:00Z',
    });
    // A "Wi-Fi" elsewhere in the tree is another category.
    fake.categories.push({ id: 'cat-guest', parentId: 'cat-other', name: 'wi-fi' });
    const catalog: DemoCatalog = {
      services: DEMO_CATALOG.services.filter((service) => service.key === 'printing'),
      categories: DEMO_CATALOG.categories.filter((category) => category.service === 'printing'),
      items: DEMO_CATALOG.items.filter((item) => item.service === 'printing'),
    };
    const sync = await syncCatalog(catalog, GROUPS, apiOf(fake));
    expect(sync.ids.services.printing).toBe('svc-old');
    expect(fake.created).not.toContain('service Печать / Printing');
    expect(sync.anchor.toISOString()).toBe('2025-03-01T10:00:00.000Z');
    expect(fake.items.map((item) => item.serviceId)).toEqual(['svc-old']);
  });

  it('stops before creating an entry whose group routing does not have', async () => {
    const fake = new FakeCatalogApi();
    const catalog: DemoCatalog = {
      services: DEMO_CATALOG.services.filter((service) => service.key === 'printing'),
      categories: DEMO_CATALOG.categories.filter((category) => category.service === 'printing'),
      items: DEMO_CATALOG.items.filter((item) => item.service === 'printing'),
    };
    const groups = new GroupDirectory([['network', GROUP_IDS.network]]);
    await expect(syncCatalog(catalog, groups, apiOf(fake))).rejects.toThrow(
      `group "workplace" is none of routing's groups (network)`,
    );
    expect(fake.created).toEqual([]);
  });
});

describe('anchorOf', () => {
  it('is the oldest creation, to the minute, and refuses what it cannot read', () => {
    expect(
      anchorOf([
        { id: 'a', name: 'A', createdAt: '2025-03-10T07:15:42Z' },
        { id: 'b', name: 'B', createdAt: '2025-03-09T23:59:59.999Z' },
      ]).toISOString(),
    ).toBe('2025-03-09T23:59:00.000Z');
    expect(() => anchorOf([])).toThrow('cannot read when the services were created');
    expect(() => anchorOf([{ id: 'a', name: 'A', createdAt: 'yesterday' }])).toThrow();
  });
});
