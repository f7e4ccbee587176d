import type { AssetDetails, CiStatus, ItemFields } from '../../domain/configuration-item';

/** What an update may set of the asset details; state, holder and place change through the lifecycle. */
export type AssetRecordFields = Pick<
  AssetDetails,
  'inventoryNumber' | 'serialNumber' | 'warrantyEnd' | 'contractEnd' | 'seats'
>;

export interface UpdateItemCommand {
  id: string;
  fields: Omit<ItemFields, 'typeKey' | 'status' | 'asset'> & {
    /** Null keeps the type; an item never changes type. */
    typeKey: string | null;
    /** Null keeps the status. */
    status: CiStatus | null;
    /** Null keeps the asset details as they are. */
    asset: AssetRecordFields | null;
  };
  /** Null: whatever version is current. */
  expectedVersion: number | null;
  actorId: string;
}
