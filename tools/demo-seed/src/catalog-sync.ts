import type {
  CatalogItemKey,
  CategoryKey,
  DemoCatalog,
  ServiceKey,
} from './catalogue/service-catalog.catalogue';
import type { CatalogItemRecord, CategoryRecord, ServiceRecord } from './gateway-api';
import type { DemoApi } from './gateway-client';
import type { GroupDirectory } from './group-directory';

/** The ids the platform gave the demo's catalog entries, by their keys. */
export interface CatalogIds {
  services: Partial<Record<ServiceKey, string>>;
  categories: Partial<Record<CategoryKey, string>>;
  items: Partial<Record<CatalogItemKey, string>>;
}

export interface CatalogSync {
  ids: CatalogIds;
  /**
   * The demo's "present": when its catalog was first set up (the oldest of its services,
   * to the minute). The platform keeps it, so every later run reads the same anchor back.
   */
  anchor: Date;
  /** Entries in the catalog, and how many of them this run added. */
  counts: Record<'services' | 'categories' | 'items', { total: number; created: number }>;
}

/** Names match as the API compares them: trimmed, whatever the case. */
function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The id of a catalog entry; one the catalog lacks is a fault of the demo's catalogue. */
export function idOf<K extends string>(
  ids: Partial<Record<K, string>>,
  key: K,
  what: string,
): string {
  const id = ids[key];
  if (id === undefined) throw new Error(`${what} ${key} is not in the catalog`);
  return id;
}

/** The earliest createdAt, cut to the whole minute. */
export function anchorOf(services: readonly ServiceRecord[]): Date {
  const times = services.map((service) => Date.parse(service.createdAt));
  if (times.length === 0 || times.some(Number.isNaN)) {
    throw new Error(`cannot read when the services were created: ${JSON.stringify(services)}`);
  }
  return new Date(Math.floor(Math.min(...times) / 60_000) * 60_000);
}

/**
 * Makes the platform's catalog hold the demo's services, categories and items. The API has no
 * idempotency keys for them, so each is looked up by name (a category under its parent, an
 * item in its service) and only the missing ones are created: a second run creates nothing.
 * Entries found are taken as they are, forms and groups included. The groups a service is owned
 * and an item fulfilled by are routing's (syncSupportGroups), so requests for an item open in a
 * queue its agents see.
 */
export async function syncCatalog(
  catalog: DemoCatalog,
  groups: GroupDirectory,
  api: DemoApi,
): Promise<CatalogSync> {
  const [services, categories, items] = await Promise.all([
    api.listServices(),
    api.listCategories(),
    api.listCatalogItems(),
  ]);
  const counts: CatalogSync['counts'] = {
    services: { total: catalog.services.length, created: 0 },
    categories: { total: catalog.categories.length, created: 0 },
    items: { total: catalog.items.length, created: 0 },
  };

  const serviceIds: Partial<Record<ServiceKey, string>> = {};
  const demoServices: ServiceRecord[] = [];
  for (const entry of catalog.services) {
    let service = services.find((candidate) => sameName(candidate.name, entry.name));
    if (!service) {
      service = await api.createService({
        name: entry.name,
        description: entry.description,
        ownerGroupId: groups.idOf(entry.ownerGroupId),
      });
      counts.services.created += 1;
    }
    serviceIds[entry.key] = service.id;
    demoServices.push(service);
  }

  // Parents come before their children in the catalogue, so a parent's id is known first.
  const categoryIds: Partial<Record<CategoryKey, string>> = {};
  for (const entry of catalog.categories) {
    const parentId =
      entry.parent === undefined ? null : idOf(categoryIds, entry.parent, 'category');
    let category: CategoryRecord | undefined = categories.find(
      (candidate) => candidate.parentId === parentId && sameName(candidate.name, entry.name),
    );
    if (!category) {
      category = await api.createCategory({
        ...(parentId === null ? {} : { parentId }),
        name: entry.name,
        ...(entry.form ? { formSchema: entry.form.schema } : {}),
      });
      counts.categories.created += 1;
    }
    categoryIds[entry.key] = category.id;
  }

  const itemIds: Partial<Record<CatalogItemKey, string>> = {};
  for (const entry of catalog.items) {
    const serviceId = idOf(serviceIds, entry.service, 'service');
    let item: CatalogItemRecord | undefined = items.find(
      (candidate) => candidate.serviceId === serviceId && sameName(candidate.name, entry.name),
    );
    if (!item) {
      item = await api.createCatalogItem({
        serviceId,
        name: entry.name,
        description: entry.description,
        formSchema: entry.formSchema,
        defaultCategoryId: idOf(categoryIds, entry.defaultCategory, 'category'),
        defaultImpact: entry.defaultImpact,
        defaultUrgency: entry.defaultUrgency,
        fulfilmentGroupId: groups.idOf(entry.fulfilmentGroup),
      });
      counts.items.created += 1;
    }
    itemIds[entry.key] = item.id;
  }

  return {
    ids: { services: serviceIds, categories: categoryIds, items: itemIds },
    anchor: anchorOf(demoServices),
    counts,
  };
}
