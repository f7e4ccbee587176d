import {
  type AssetMovement as AssetMovementMessage,
  AssetState as AssetStateMessage,
  CampaignStatus as CampaignStatusMessage,
  type CiHistoryEntry as CiHistoryEntryMessage,
  CiStatus as CiStatusMessage,
  type CiTicket as CiTicketMessage,
  type CiType as CiTypeMessage,
  type ConfigurationItem as ConfigurationItemMessage,
  type InventoryCampaign as InventoryCampaignMessage,
  type Location as LocationMessage,
  type Relationship as RelationshipMessage,
  RelationshipType as RelationshipTypeMessage,
  toTimestamp,
} from '@itsm/contracts';
import type { AssetState } from '../domain/asset-lifecycle';
import { canonicalJson, type CiStatus } from '../domain/configuration-item';
import type { InventoryDiscrepancy } from '../domain/inventory';
import type { RelationshipType } from '../domain/relationship';
import type {
  CiTicket,
  HistoryEntry,
  StoredCampaign,
  StoredCiType,
  StoredItem,
  StoredLocation,
  StoredMovement,
  StoredRelationship,
} from './ports/cmdb-store';

// Domain spellings ↔ proto enums. Events and responses are built here, so both speak alike.

export const CI_STATUS_MESSAGES: Readonly<Record<CiStatus, CiStatusMessage>> = {
  planned: CiStatusMessage.CI_STATUS_PLANNED,
  active: CiStatusMessage.CI_STATUS_ACTIVE,
  maintenance: CiStatusMessage.CI_STATUS_MAINTENANCE,
  retired: CiStatusMessage.CI_STATUS_RETIRED,
};

export const ASSET_STATE_MESSAGES: Readonly<Record<AssetState, AssetStateMessage>> = {
  ordered: AssetStateMessage.ASSET_STATE_ORDERED,
  in_stock: AssetStateMessage.ASSET_STATE_IN_STOCK,
  in_use: AssetStateMessage.ASSET_STATE_IN_USE,
  in_repair: AssetStateMessage.ASSET_STATE_IN_REPAIR,
  retired: AssetStateMessage.ASSET_STATE_RETIRED,
  disposed: AssetStateMessage.ASSET_STATE_DISPOSED,
};

export const RELATIONSHIP_TYPE_MESSAGES: Readonly<
  Record<RelationshipType, RelationshipTypeMessage>
> = {
  runs_on: RelationshipTypeMessage.RELATIONSHIP_TYPE_RUNS_ON,
  depends_on: RelationshipTypeMessage.RELATIONSHIP_TYPE_DEPENDS_ON,
  connected_to: RelationshipTypeMessage.RELATIONSHIP_TYPE_CONNECTED_TO,
  hosted_in: RelationshipTypeMessage.RELATIONSHIP_TYPE_HOSTED_IN,
  uses_licence: RelationshipTypeMessage.RELATIONSHIP_TYPE_USES_LICENCE,
};

/** Messages carry absent text as "". */
const text = (value: string | null | undefined): string => value ?? '';

export const toCiTypeMessage = (type: StoredCiType): CiTypeMessage => ({
  id: type.id,
  key: type.key,
  nameEn: type.nameEn,
  nameRu: type.nameRu,
  attributeSchemaJson: JSON.stringify(type.attributeSchema),
  asset: type.asset,
  businessService: type.businessService,
  licence: type.licence,
  version: type.version,
  createdAt: toTimestamp(type.createdAt),
  updatedAt: toTimestamp(type.updatedAt),
});

export const toItemMessage = (item: StoredItem): ConfigurationItemMessage => ({
  id: item.id,
  typeKey: item.typeKey,
  name: item.name,
  externalId: text(item.externalId),
  attributesJson: canonicalJson(item.attributes),
  status: CI_STATUS_MESSAGES[item.status],
  ownerId: text(item.ownerId),
  supportGroupId: text(item.supportGroupId),
  locationId: text(item.locationId),
  asset: item.asset
    ? {
        state: ASSET_STATE_MESSAGES[item.asset.state],
        inventoryNumber: text(item.asset.inventoryNumber),
        serialNumber: text(item.asset.serialNumber),
        holderId: text(item.asset.holderId),
        locationId: text(item.asset.locationId),
        warrantyEnd: text(item.asset.warrantyEnd),
        contractEnd: text(item.asset.contractEnd),
        seats: item.asset.seats ?? 0,
      }
    : undefined,
  version: item.version,
  createdAt: toTimestamp(item.createdAt),
  updatedAt: toTimestamp(item.updatedAt),
});

export const toHistoryMessage = (entry: HistoryEntry): CiHistoryEntryMessage => ({
  ciId: entry.ciId,
  version: entry.version,
  action: entry.action,
  actorId: entry.actorId,
  changes: entry.changes.map(({ field, oldValue, newValue }) => ({ field, oldValue, newValue })),
  occurredAt: toTimestamp(entry.occurredAt),
});

export const toRelationshipMessage = (relationship: StoredRelationship): RelationshipMessage => ({
  id: relationship.id,
  sourceId: relationship.sourceId,
  targetId: relationship.targetId,
  type: RELATIONSHIP_TYPE_MESSAGES[relationship.type],
  createdAt: toTimestamp(relationship.createdAt),
  createdBy: relationship.createdBy,
});

export const toLocationMessage = (location: StoredLocation): LocationMessage => ({
  id: location.id,
  name: location.name,
  kind: location.kind,
  parentId: text(location.parentId),
  address: location.address,
  version: location.version,
  createdAt: toTimestamp(location.createdAt),
});

export const toMovementMessage = (movement: StoredMovement): AssetMovementMessage => ({
  id: movement.id,
  assetId: movement.assetId,
  kind: movement.kind,
  fromState: movement.fromState
    ? ASSET_STATE_MESSAGES[movement.fromState]
    : AssetStateMessage.ASSET_STATE_UNSPECIFIED,
  toState: ASSET_STATE_MESSAGES[movement.toState],
  fromLocationId: text(movement.fromLocationId),
  toLocationId: text(movement.toLocationId),
  fromHolderId: text(movement.fromHolderId),
  toHolderId: text(movement.toHolderId),
  actorId: movement.actorId,
  reason: movement.reason,
  occurredAt: toTimestamp(movement.occurredAt),
});

/** A campaign with its reconciliation: live while open, frozen once closed. */
export interface CampaignView {
  campaign: StoredCampaign;
  found: number;
  discrepancies: InventoryDiscrepancy[];
}

export const toCampaignMessage = ({
  campaign,
  found,
  discrepancies,
}: CampaignView): InventoryCampaignMessage => ({
  id: campaign.id,
  name: campaign.name,
  locationId: campaign.locationId,
  status:
    campaign.status === 'open'
      ? CampaignStatusMessage.CAMPAIGN_STATUS_OPEN
      : CampaignStatusMessage.CAMPAIGN_STATUS_CLOSED,
  expected: campaign.expected,
  found,
  discrepancies: discrepancies.map((discrepancy) => ({
    assetId: text(discrepancy.assetId),
    inventoryNumber: discrepancy.inventoryNumber,
    kind: discrepancy.kind,
    recordedLocationId: text(discrepancy.recordedLocationId),
  })),
  openedAt: toTimestamp(campaign.openedAt),
  closedAt: campaign.closedAt ? toTimestamp(campaign.closedAt) : undefined,
  openedBy: campaign.openedBy,
});

export const toCiTicketMessage = (ticket: CiTicket): CiTicketMessage => ({
  ticketId: ticket.ticketId,
  number: ticket.number,
  type: ticket.type,
  title: ticket.title,
  status: ticket.status,
  open: ticket.open,
  updatedAt: toTimestamp(ticket.updatedAt),
});
