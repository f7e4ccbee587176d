import type { BusinessService, CatalogItem, Category } from '../../domain/service-catalog';
import { AjvFormValidator } from '../../infrastructure/ajv-form.validator';
import { CatalogReferences } from '../catalog/catalog-references';
import type { CatalogStore } from '../ports/catalog-store';

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.toLowerCase().localeCompare(b.name.toLowerCase());

/** A CatalogStore in memory, for use-case tests. */
export class InMemoryCatalogStore implements CatalogStore {
  readonly serviceRows: BusinessService[] = [];
  readonly categoryRows: Category[] = [];
  readonly itemRows: CatalogItem[] = [];

  async insertService(service: BusinessService): Promise<void> {
    this.serviceRows.push(service);
  }

  async services(): Promise<BusinessService[]> {
    return [...this.serviceRows].sort(byName);
  }

  async findService(id: string): Promise<BusinessService | undefined> {
    return this.serviceRows.find((service) => service.id === id);
  }

  async findServiceByName(name: string): Promise<BusinessService | undefined> {
    return this.serviceRows.find((service) => service.name.toLowerCase() === name.toLowerCase());
  }

  async insertCategory(category: Category): Promise<void> {
    this.categoryRows.push(category);
  }

  async categories(): Promise<Category[]> {
    return [...this.categoryRows].sort(byName);
  }

  async findCategory(id: string): Promise<Category | undefined> {
    return this.categoryRows.find((category) => category.id === id);
  }

  async insertItem(item: CatalogItem): Promise<void> {
    this.itemRows.push(item);
  }

  async updateItem(item: CatalogItem): Promise<boolean> {
    const index = this.itemRows.findIndex(
      (stored) => stored.id === item.id && stored.version === item.version - 1,
    );
    if (index < 0) return false;
    this.itemRows[index] = item;
    return true;
  }

  async items(filter: {
    serviceId: string | undefined;
    includeInactive: boolean;
  }): Promise<CatalogItem[]> {
    return this.itemRows
      .filter((item) => !filter.serviceId || item.serviceId === filter.serviceId)
      .filter((item) => filter.includeInactive || item.active)
      .sort(byName);
  }

  async findItem(id: string): Promise<CatalogItem | undefined> {
    return this.itemRows.find((item) => item.id === id);
  }
}

/** Catalog checks over an empty catalog: tickets that point nowhere pass. */
export function emptyCatalog(catalog = new InMemoryCatalogStore()): CatalogReferences {
  return new CatalogReferences(catalog, new AjvFormValidator());
}
