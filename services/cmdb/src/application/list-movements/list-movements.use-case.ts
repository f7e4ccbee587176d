import { throwIfInvalid } from '../../domain/cmdb-error';
import type { CmdbTransactions, StoredMovement } from '../ports/cmdb-store';
import { notFound, requireUuid } from '../references';

export const DEFAULT_MOVEMENTS = 100;
export const MAX_MOVEMENTS = 1_000;

export interface ListMovementsQuery {
  assetId: string | null;
  locationId: string | null;
  /** 0 means the default. */
  limit: number;
}

/** The stock movement journal of one asset, or of one location (in and out); newest first. */
export class ListMovementsUseCase {
  constructor(private readonly transactions: CmdbTransactions) {}

  async execute(query: ListMovementsQuery): Promise<StoredMovement[]> {
    throwIfInvalid('the journal query is invalid', [
      ...((query.assetId === null) === (query.locationId === null)
        ? [{ field: 'assetId', message: 'name either an asset or a location' }]
        : []),
      ...(query.limit < 0 || query.limit > MAX_MOVEMENTS
        ? [
            {
              field: 'limit',
              message: `limit must be 1 to ${MAX_MOVEMENTS}, or 0 for ${DEFAULT_MOVEMENTS}`,
            },
          ]
        : []),
    ]);
    const limit = query.limit || DEFAULT_MOVEMENTS;
    const store = this.transactions.reader();
    if (query.assetId !== null) {
      requireUuid('asset', query.assetId);
      if (!(await store.item(query.assetId))) throw notFound('asset', query.assetId);
      return store.movements({ assetId: query.assetId }, limit);
    }
    const locationId = query.locationId ?? '';
    requireUuid('location', locationId);
    if (!(await store.location(locationId))) throw notFound('location', locationId);
    return store.movements({ locationId }, limit);
  }
}
