export interface ChangeAssetCommand {
  assetId: string;
  /** receive, assign, return, move, send_to_repair, back_from_repair, retire, dispose */
  action: string;
  holderId: string;
  locationId: string;
  reason: string;
  actorId: string;
  /** Null: whatever version is current. */
  expectedVersion: number | null;
}
