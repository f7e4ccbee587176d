import type { BusinessService, CatalogItem, Category } from '../../domain/service-catalog';

/** The service catalog: services, the category tree and the items requesters order. */
export interface CatalogStore {
  insertService(service: BusinessService): Promise<void>;
  /** Services by name. */
  services(): Promise<BusinessService[]>;
  findService(id: string): Promise<BusinessService | undefined>;
  findServiceByName(name: string): Promise<BusinessService | undefined>;
  insertCategory(category: Category): Promise<void>;
  /** Every category, parents before children, siblings by name. */
  categories(): Promise<Category[]>;
  findCategory(id: string): Promise<Category | undefined>;
  insertItem(item: CatalogItem): Promise<void>;
  /**
   * Stores `item` over its previous version (`item.version - 1`); false, with nothing written,
   * when the stored item is no longer at that version.
   */
  updateItem(item: CatalogItem): Promise<boolean>;
  /** Items by name, of one service when given, only active ones unless asked. */
  items(filter: {
    serviceId: string | undefined;
    includeInactive: boolean;
  }): Promise<CatalogItem[]>;
  findItem(id: string): Promise<CatalogItem | undefined>;
}

export const CATALOG_STORE = Symbol('CatalogStore');
export const FORM_VALIDATOR = Symbol('FormValidator');
