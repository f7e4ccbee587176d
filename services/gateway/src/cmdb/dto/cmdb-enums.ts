import {
  AssetState,
  CampaignStatus,
  CiStatus,
  DataFormat,
  ImpactDirection,
  RelationshipType,
  restSpellings,
} from '@itsm/contracts';

/** REST spellings of the CMDB contract enums: `ASSET_STATE_IN_STOCK` ⇄ `in_stock`. */
export const CI_STATUSES = restSpellings(CiStatus, 'CI_STATUS_');
export const ASSET_STATES = restSpellings(AssetState, 'ASSET_STATE_');
export const RELATIONSHIP_TYPES = restSpellings(RelationshipType, 'RELATIONSHIP_TYPE_');
export const IMPACT_DIRECTIONS = restSpellings(ImpactDirection, 'IMPACT_DIRECTION_');
export const INVENTORY_STATUSES = restSpellings(CampaignStatus, 'CAMPAIGN_STATUS_');
export const DATA_FORMATS = restSpellings(DataFormat, 'DATA_FORMAT_');

// The contract spells these as strings; the lists are the values its comments name.

/** What can happen to an asset, each allowed in some states only. */
export const ASSET_ACTIONS = [
  'receive',
  'assign',
  'return',
  'move',
  'send_to_repair',
  'back_from_repair',
  'retire',
  'dispose',
] as const;
/** A line of the stock journal: what happened to the asset. */
export const MOVEMENT_KINDS = [
  'received',
  'assigned',
  'returned',
  'moved',
  'sent_to_repair',
  'back_from_repair',
  'retired',
  'disposed',
] as const;
/** What a change of a configuration item was. */
export const HISTORY_ACTIONS = [
  'created',
  'updated',
  'state_changed',
  'assigned',
  'moved',
  'retired',
  'imported',
  'related',
  'unrelated',
] as const;
export const LOCATION_KINDS = ['warehouse', 'office', 'data_centre', 'site'] as const;
/** `missing`: expected, not found; `unexpected`: found, recorded elsewhere; `unknown`: not in the CMDB. */
export const DISCREPANCY_KINDS = ['missing', 'unexpected', 'unknown'] as const;

export type CiStatusName = (typeof CI_STATUSES)[number];
export type AssetStateName = (typeof ASSET_STATES)[number];
export type RelationshipTypeName = (typeof RELATIONSHIP_TYPES)[number];
export type ImpactDirectionName = (typeof IMPACT_DIRECTIONS)[number];
export type InventoryStatusName = (typeof INVENTORY_STATUSES)[number];
export type DataFormatName = (typeof DATA_FORMATS)[number];
export type AssetActionName = (typeof ASSET_ACTIONS)[number];
export type MovementKindName = (typeof MOVEMENT_KINDS)[number];
export type HistoryActionName = (typeof HISTORY_ACTIONS)[number];
export type LocationKindName = (typeof LOCATION_KINDS)[number];
export type DiscrepancyKindName = (typeof DISCREPANCY_KINDS)[number];
