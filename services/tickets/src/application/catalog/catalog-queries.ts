import type { BusinessService, CatalogItem, Category } from '../../domain/service-catalog';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { CatalogStore } from '../ports/catalog-store';

/** What the catalog offers, as the portal and the catalog editor read it. */
export class CatalogQueries {
  constructor(private readonly catalog: CatalogStore) {}

  services(): Promise<BusinessService[]> {
    return this.catalog.services();
  }

  categories(): Promise<Category[]> {
    return this.catalog.categories();
  }

  items(filter: {
    serviceId: string | undefined;
    includeInactive: boolean;
  }): Promise<CatalogItem[]> {
    return this.catalog.items(filter);
  }

  async item(id: string): Promise<CatalogItem> {
    const item = await this.catalog.findItem(id);
    if (!item) throw new TicketError(TicketErrorCode.NotFound, `catalog item ${id} does not exist`);
    return item;
  }
}
