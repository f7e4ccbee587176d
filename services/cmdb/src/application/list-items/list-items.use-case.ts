import { throwIfInvalid } from '../../domain/cmdb-error';
import type { CmdbTransactions, ItemCursor, ItemFilter, StoredItem } from '../ports/cmdb-store';
import { isUuid } from '../references';
import type { ListItemsQuery } from './list-items.query';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
export const QUERY_MAX_LENGTH = 200;

export interface ItemPage {
  items: StoredItem[];
  /** The last item of the page, to read the next one from; null on the last page. */
  next: ItemCursor | null;
}

const EMPTY: ItemPage = { items: [], next: null };

/** Items by name, filtered, a page at a time (keyset on lower(name), id: stable under writes). */
export class ListItemsUseCase {
  constructor(private readonly transactions: CmdbTransactions) {}

  async execute(query: ListItemsQuery): Promise<ItemPage> {
    throwIfInvalid('the item query is invalid', [
      ...(query.pageSize < 0 || query.pageSize > MAX_PAGE_SIZE
        ? [
            {
              field: 'pageSize',
              message: `pageSize must be 1 to ${MAX_PAGE_SIZE}, or 0 for ${DEFAULT_PAGE_SIZE}`,
            },
          ]
        : []),
      ...((query.query?.length ?? 0) > QUERY_MAX_LENGTH
        ? [{ field: 'query', message: `query must be at most ${QUERY_MAX_LENGTH} characters` }]
        : []),
    ]);
    const store = this.transactions.reader();
    const filter: ItemFilter = {};
    if (query.typeKey) {
      const type = await store.typeByKey(query.typeKey);
      if (!type) return EMPTY;
      filter.typeId = type.id;
    }
    if (query.locationId) {
      // A filter naming no location matches nothing; it is not an error.
      if (!isUuid(query.locationId)) return EMPTY;
      filter.locationId = query.locationId;
    }
    if (query.status) filter.status = query.status;
    if (query.assetState) filter.assetState = query.assetState;
    if (query.holderId) filter.holderId = query.holderId;
    if (query.query) filter.query = query.query;
    const pageSize = query.pageSize || DEFAULT_PAGE_SIZE;
    const rows = await store.items(filter, query.after, pageSize + 1);
    const items = rows.slice(0, pageSize);
    const last = items[items.length - 1];
    return {
      items,
      next: rows.length > pageSize && last ? { name: last.name, id: last.id } : null,
    };
  }
}
