import type { AssetState } from '../../domain/asset-lifecycle';
import type { CiStatus } from '../../domain/configuration-item';
import type { ItemCursor } from '../ports/cmdb-store';

export interface ListItemsQuery {
  typeKey: string | null;
  status: CiStatus | null;
  assetState: AssetState | null;
  holderId: string | null;
  locationId: string | null;
  query: string | null;
  /** 0 means the default. */
  pageSize: number;
  after: ItemCursor | null;
}
