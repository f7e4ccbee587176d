import type { EventType } from '@itsm/contracts';
import type { AssetMovementKind, AssetState } from '../../domain/asset-lifecycle';
import type { CiTypeDefinition } from '../../domain/ci-type';
import type { CiStatus, ItemFieldChange, ItemFields } from '../../domain/configuration-item';
import type { InventoryDiscrepancy } from '../../domain/inventory';
import type { RelationshipType } from '../../domain/relationship';

export interface StoredCiType extends CiTypeDefinition {
  id: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface StoredItem extends ItemFields {
  id: string;
  typeId: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type HistoryAction =
  | 'created'
  | 'updated'
  | 'state_changed'
  | 'assigned'
  | 'moved'
  | 'retired'
  | 'imported'
  | 'related'
  | 'unrelated';

export interface HistoryEntry {
  ciId: string;
  /** The item's version after the change; relationships leave the version as it is. */
  version: number;
  action: HistoryAction;
  actorId: string;
  changes: ItemFieldChange[];
  occurredAt: Date;
}

export interface StoredRelationship {
  id: string;
  sourceId: string;
  targetId: string;
  type: RelationshipType;
  createdAt: Date;
  createdBy: string;
}

export const LOCATION_KINDS = ['warehouse', 'office', 'data_centre', 'site'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

export interface StoredLocation {
  id: string;
  name: string;
  kind: LocationKind;
  parentId: string | null;
  address: string;
  version: number;
  createdAt: Date;
}

export interface StoredMovement {
  id: string;
  assetId: string;
  kind: AssetMovementKind;
  fromState: AssetState | null;
  toState: AssetState;
  fromLocationId: string | null;
  toLocationId: string | null;
  fromHolderId: string | null;
  toHolderId: string | null;
  actorId: string;
  reason: string;
  occurredAt: Date;
}

export type CampaignStatus = 'open' | 'closed';

export interface StoredCampaign {
  id: string;
  name: string;
  locationId: string;
  status: CampaignStatus;
  /** Assets the CMDB had at the location when the campaign opened. */
  expected: number;
  /** Frozen when the campaign closes; null while it is open. */
  closing: { found: number; discrepancies: InventoryDiscrepancy[] } | null;
  openedBy: string;
  openedAt: Date;
  closedBy: string | null;
  closedAt: Date | null;
}

export interface ExpectedAsset {
  assetId: string;
  inventoryNumber: string;
}

/** A ticket that names an item, as the ticket events told it. */
export interface CiTicket {
  ticketId: string;
  number: string;
  /** incident, service_request, problem, change */
  type: string;
  title: string;
  status: string;
  open: boolean;
  updatedAt: Date;
}

/** A ticket from a ticket event, with the items it names now. */
export interface TicketMention extends CiTicket {
  version: number;
  configurationItemIds: string[];
}

export interface ItemFilter {
  typeId?: string;
  status?: CiStatus;
  assetState?: AssetState;
  holderId?: string;
  /** Where the item is recorded or where the asset is. */
  locationId?: string;
  /** Text in the name, external id, inventory or serial number (any case). */
  query?: string;
}

/** Where a page of items by (lower(name), id) continues: after the item with this name and id. */
export interface ItemCursor {
  name: string;
  id: string;
}

/** One hop of impact analysis: from an item of the frontier to one it reaches. */
export interface ImpactEdge {
  fromId: string;
  toId: string;
}

export type ImpactDirection = 'upstream' | 'downstream';

export interface ImpactFacts {
  id: string;
  name: string;
  typeKey: string;
  businessService: boolean;
  status: CiStatus;
}

export interface LicenceUsage {
  licenceId: string;
  name: string;
  seats: number;
  assigned: number;
  contractEnd: string | null;
}

/** An event for the outbox, written in the transaction of its change. */
export interface PendingEvent<T> {
  key: string;
  subject?: string;
  payload: T;
  occurredAt: Date;
}

/** `idempotency_key_taken` when the key names an item another request created. */
export type ItemInsert = 'inserted' | 'idempotency_key_taken';

/**
 * The CMDB as stored, bound to one transaction (or to none, for reading). Versions are checked
 * by the use cases on rows they hold locked; the store writes what it is given.
 */
export interface CmdbStore {
  types(): Promise<StoredCiType[]>;
  type(id: string, lock?: 'update'): Promise<StoredCiType | undefined>;
  /** With `share`, the type cannot change until the transaction ends (items are checked against it). */
  typeByKey(key: string, lock?: 'share'): Promise<StoredCiType | undefined>;
  insertType(type: StoredCiType): Promise<void>;
  updateType(type: StoredCiType): Promise<void>;
  /** Items of a type by id, a batch after `afterId`. */
  itemsOfType(typeId: string, afterId: string | null, limit: number): Promise<StoredItem[]>;

  item(id: string, lock?: 'update'): Promise<StoredItem | undefined>;
  itemByIdempotencyKey(key: string): Promise<StoredItem | undefined>;
  itemByExternalId(
    typeId: string,
    externalId: string,
    lock?: 'update',
  ): Promise<StoredItem | undefined>;
  /** The item holding this inventory number (any case), when one does. */
  itemByInventoryNumber(inventoryNumber: string): Promise<StoredItem | undefined>;
  insertItem(item: StoredItem, idempotencyKey: string | null): Promise<ItemInsert>;
  /** Writes the item as given, version included. */
  updateItem(item: StoredItem): Promise<void>;
  items(filter: ItemFilter, after: ItemCursor | null, limit: number): Promise<StoredItem[]>;
  recordHistory(entries: readonly HistoryEntry[]): Promise<void>;
  /** Newest first. */
  history(ciId: string): Promise<HistoryEntry[]>;

  /** Inserts unless the same (source, target, type) exists; answers the stored one and whether it is new. */
  insertRelationship(
    relationship: StoredRelationship,
  ): Promise<{ relationship: StoredRelationship; created: boolean }>;
  /** The deleted relationship; undefined when there was none. */
  deleteRelationship(id: string): Promise<StoredRelationship | undefined>;
  relationshipsOf(itemId: string): Promise<StoredRelationship[]>;
  /** The items one hop from the frontier in the direction of impact, each edge once. */
  impactEdges(frontier: readonly string[], direction: ImpactDirection): Promise<ImpactEdge[]>;
  impactFacts(ids: readonly string[]): Promise<ImpactFacts[]>;
  licenceUsage(): Promise<LicenceUsage[]>;

  location(id: string): Promise<StoredLocation | undefined>;
  /** Which of these ids name locations. */
  existingLocations(ids: readonly string[]): Promise<Set<string>>;
  locationByName(parentId: string | null, name: string): Promise<StoredLocation | undefined>;
  insertLocation(location: StoredLocation): Promise<void>;
  locations(): Promise<StoredLocation[]>;

  recordMovement(movement: StoredMovement): Promise<void>;
  /** Newest first. */
  movements(
    filter: { assetId: string } | { locationId: string },
    limit: number,
  ): Promise<StoredMovement[]>;

  insertCampaign(campaign: StoredCampaign): Promise<void>;
  campaign(id: string, lock?: 'update'): Promise<StoredCampaign | undefined>;
  /** Freezes the expected assets: assets at the location in these states; answers how many. */
  snapshotExpectedAssets(
    campaignId: string,
    locationId: string,
    states: readonly AssetState[],
  ): Promise<number>;
  expectedAssets(campaignId: string): Promise<ExpectedAsset[]>;
  /** Records normalised inventory numbers; a number scanned before is kept as it was. */
  recordScans(
    campaignId: string,
    numbers: readonly string[],
    actorId: string,
    at: Date,
  ): Promise<void>;
  scannedNumbers(campaignId: string): Promise<string[]>;
  /** Assets with these inventory numbers (normalised) and where they are recorded. */
  assetsByInventoryNumber(
    numbers: readonly string[],
  ): Promise<Map<string, { assetId: string; locationId: string | null }>>;
  /** Writes the campaign's count, status and closing as given. */
  saveCampaign(campaign: StoredCampaign): Promise<void>;

  /** Replaces what the store knows of the ticket, unless it knows a newer version already. */
  projectTicket(ticket: TicketMention): Promise<void>;
  itemTickets(ciId: string, openOnly: boolean, limit: number): Promise<CiTicket[]>;

  /** Runs `work` so that, when it throws, its writes are undone and the transaction goes on. */
  savepoint<T>(work: () => Promise<T>): Promise<T>;
  emit<T>(eventType: EventType<T>, event: PendingEvent<T>): Promise<void>;
}

/** Runs work in one transaction, or binds the store to a transaction someone else opened (the inbox's). */
export interface CmdbTransactions<Handle = unknown> {
  run<T>(work: (store: CmdbStore) => Promise<T>): Promise<T>;
  on(handle: Handle): CmdbStore;
  /** Outside any transaction, for reading. */
  reader(): CmdbStore;
}

export const CMDB_TRANSACTIONS = Symbol('CmdbTransactions');
