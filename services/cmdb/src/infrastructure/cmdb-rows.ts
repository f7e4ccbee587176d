import type {
  CiTicket,
  HistoryAction,
  LocationKind,
  StoredCampaign,
  StoredCiType,
  StoredItem,
  StoredLocation,
  StoredMovement,
  StoredRelationship,
} from '../application/ports/cmdb-store';
import type { AssetMovementKind, AssetState } from '../domain/asset-lifecycle';
import type { CiStatus, ItemFieldChange } from '../domain/configuration-item';
import type { InventoryDiscrepancy } from '../domain/inventory';
import type { RelationshipType } from '../domain/relationship';

// Database rows of the cmdb's tables and their mapping; nothing else reads these shapes.

export interface CiTypeRow {
  id: string;
  key: string;
  name_en: string;
  name_ru: string;
  attribute_schema: Record<string, unknown>;
  asset: boolean;
  business_service: boolean;
  licence: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** Dates as text: node-postgres would read a `date` as a local midnight. */
export const ITEM_COLUMNS = `i.id, i.type_id, t.key AS type_key, i.name, i.external_id, i.attributes, i.status,
  i.owner_id, i.support_group_id, i.location_id, i.asset_state, i.inventory_number, i.serial_number,
  i.holder_id, i.asset_location_id, to_char(i.warranty_end, 'YYYY-MM-DD') AS warranty_end,
  to_char(i.contract_end, 'YYYY-MM-DD') AS contract_end, i.seats, i.version, i.created_at, i.updated_at`;

export interface ItemRow {
  id: string;
  type_id: string;
  type_key: string;
  name: string;
  external_id: string | null;
  attributes: Record<string, unknown>;
  status: CiStatus;
  owner_id: string | null;
  support_group_id: string | null;
  location_id: string | null;
  asset_state: AssetState | null;
  inventory_number: string | null;
  serial_number: string | null;
  holder_id: string | null;
  asset_location_id: string | null;
  warranty_end: string | null;
  contract_end: string | null;
  seats: number | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface HistoryRow {
  ci_id: string;
  version: number;
  action: HistoryAction;
  actor_id: string;
  changes: ItemFieldChange[];
  occurred_at: Date;
}

export interface RelationshipRow {
  id: string;
  source_id: string;
  target_id: string;
  type: RelationshipType;
  created_at: Date;
  created_by: string;
}

export interface LocationRow {
  id: string;
  name: string;
  kind: LocationKind;
  parent_id: string | null;
  address: string;
  version: number;
  created_at: Date;
}

export interface MovementRow {
  id: string;
  asset_id: string;
  kind: AssetMovementKind;
  from_state: AssetState | null;
  to_state: AssetState;
  from_location_id: string | null;
  to_location_id: string | null;
  from_holder_id: string | null;
  to_holder_id: string | null;
  actor_id: string;
  reason: string;
  occurred_at: Date;
}

export interface CampaignRow {
  id: string;
  name: string;
  location_id: string;
  status: StoredCampaign['status'];
  expected: number;
  found: number | null;
  discrepancies: InventoryDiscrepancy[] | null;
  opened_by: string;
  opened_at: Date;
  closed_by: string | null;
  closed_at: Date | null;
}

export interface CiTicketRow {
  ticket_id: string;
  number: string;
  type: string;
  title: string;
  status: string;
  open: boolean;
  updated_at: Date;
}

export const toCiType = (row: CiTypeRow): StoredCiType => ({
  id: row.id,
  key: row.key,
  nameEn: row.name_en,
  nameRu: row.name_ru,
  attributeSchema: row.attribute_schema,
  asset: row.asset,
  businessService: row.business_service,
  licence: row.licence,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const toItem = (row: ItemRow): StoredItem => ({
  id: row.id,
  typeId: row.type_id,
  typeKey: row.type_key,
  name: row.name,
  externalId: row.external_id,
  attributes: row.attributes,
  status: row.status,
  ownerId: row.owner_id,
  supportGroupId: row.support_group_id,
  locationId: row.location_id,
  // Items of asset and licence types always have a state; no other items have one.
  asset: row.asset_state
    ? {
        state: row.asset_state,
        inventoryNumber: row.inventory_number,
        serialNumber: row.serial_number,
        holderId: row.holder_id,
        locationId: row.asset_location_id,
        warrantyEnd: row.warranty_end,
        contractEnd: row.contract_end,
        seats: row.seats,
      }
    : null,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const toHistoryEntry = (row: HistoryRow) => ({
  ciId: row.ci_id,
  version: row.version,
  action: row.action,
  actorId: row.actor_id,
  changes: row.changes,
  occurredAt: row.occurred_at,
});

export const toRelationship = (row: RelationshipRow): StoredRelationship => ({
  id: row.id,
  sourceId: row.source_id,
  targetId: row.target_id,
  type: row.type,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

export const toLocation = (row: LocationRow): StoredLocation => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  parentId: row.parent_id,
  address: row.address,
  version: row.version,
  createdAt: row.created_at,
});

export const toMovement = (row: MovementRow): StoredMovement => ({
  id: row.id,
  assetId: row.asset_id,
  kind: row.kind,
  fromState: row.from_state,
  toState: row.to_state,
  fromLocationId: row.from_location_id,
  toLocationId: row.to_location_id,
  fromHolderId: row.from_holder_id,
  toHolderId: row.to_holder_id,
  actorId: row.actor_id,
  reason: row.reason,
  occurredAt: row.occurred_at,
});

export const toCampaign = (row: CampaignRow): StoredCampaign => ({
  id: row.id,
  name: row.name,
  locationId: row.location_id,
  status: row.status,
  expected: row.expected,
  closing:
    row.status === 'closed'
      ? { found: row.found ?? 0, discrepancies: row.discrepancies ?? [] }
      : null,
  openedBy: row.opened_by,
  openedAt: row.opened_at,
  closedBy: row.closed_by,
  closedAt: row.closed_at,
});

export const toCiTicket = (row: CiTicketRow): CiTicket => ({
  ticketId: row.ticket_id,
  number: row.number,
  type: row.type,
  title: row.title,
  status: row.status,
  open: row.open,
  updatedAt: row.updated_at,
});
