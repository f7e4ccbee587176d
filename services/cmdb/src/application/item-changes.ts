import { CiCreated, CiRetired, CiUpdated } from '@itsm/contracts';
import { CmdbError, CmdbErrorCode } from '../domain/cmdb-error';
import type { CiTypeDefinition } from '../domain/ci-type';
import {
  diffItems,
  type ItemFieldChange,
  type ItemFields,
  needsAssetDetails,
} from '../domain/configuration-item';
import { toItemMessage } from './cmdb-message.mapper';
import type { CmdbStore, HistoryAction, StoredItem } from './ports/cmdb-store';
import { isUuid, notFound } from './references';

/** No item: every field of a new one shows as set. */
const NOTHING = {
  typeKey: null,
  name: null,
  externalId: null,
  attributes: {},
  status: null,
  ownerId: null,
  supportGroupId: null,
  locationId: null,
  asset: null,
} as unknown as ItemFields;

/** The fields of an item as a new one is recorded: every one it has, from nothing. */
export function creationChanges(fields: ItemFields): ItemFieldChange[] {
  return diffItems(NOTHING, fields);
}

/** Taken out of service: retired by status, or an asset retired or disposed. */
export function isRetired(item: ItemFields): boolean {
  return (
    item.status === 'retired' || item.asset?.state === 'retired' || item.asset?.state === 'disposed'
  );
}

/**
 * The history entry and the event of a change to an item, in its transaction: created for a new
 * one, retired when it leaves service now, updated otherwise.
 */
export async function recordItemChange(
  store: CmdbStore,
  change: {
    before: ItemFields | null;
    after: StoredItem;
    action: HistoryAction;
    actorId: string;
    changes: ItemFieldChange[];
    at: Date;
  },
): Promise<void> {
  const { before, after, actorId, changes, at } = change;
  await store.recordHistory([
    {
      ciId: after.id,
      version: after.version,
      action: change.action,
      actorId,
      changes,
      occurredAt: at,
    },
  ]);
  const eventType =
    before === null ? CiCreated : isRetired(after) && !isRetired(before) ? CiRetired : CiUpdated;
  await store.emit(eventType, {
    key: after.id,
    subject: after.name,
    payload: { item: toItemMessage(after), changes, actorId },
    occurredAt: at,
  });
}

/**
 * Locations an item names must be locations of the CMDB: where an asset is counted in an
 * inventory and where the journal moves it.
 */
export async function requireLocations(store: CmdbStore, fields: ItemFields): Promise<void> {
  const ids = [fields.locationId, fields.asset?.locationId ?? null].filter(
    (id): id is string => id !== null,
  );
  if (ids.length === 0) return;
  for (const id of ids) if (!isUuid(id)) throw notFound('location', id);
  const existing = await store.existingLocations(ids);
  for (const id of ids) if (!existing.has(id)) throw notFound('location', id);
}

/** An inventory number belongs to one item; answers the other one that has it. */
export async function requireFreeInventoryNumber(
  store: CmdbStore,
  fields: ItemFields,
  itemId: string | null,
): Promise<void> {
  const number = fields.asset?.inventoryNumber ?? null;
  if (number === null) return;
  const holder = await store.itemByInventoryNumber(number);
  if (holder && holder.id !== itemId) {
    throw new CmdbError(
      CmdbErrorCode.AlreadyExists,
      `inventory number ${number} belongs to ${holder.name} (${holder.id})`,
      [{ field: 'asset.inventoryNumber', message: `${number} belongs to another item` }],
      { itemId: holder.id },
    );
  }
}

export async function requireFreeExternalId(
  store: CmdbStore,
  typeId: string,
  fields: ItemFields,
  itemId: string | null,
): Promise<void> {
  if (fields.externalId === null) return;
  const holder = await store.itemByExternalId(typeId, fields.externalId);
  if (holder && holder.id !== itemId) {
    throw new CmdbError(
      CmdbErrorCode.AlreadyExists,
      `external id ${fields.externalId} of type ${fields.typeKey} belongs to ${holder.name} (${holder.id})`,
      [{ field: 'externalId', message: `${fields.externalId} belongs to another item` }],
      { itemId: holder.id },
    );
  }
}

/** Stored items keep their id, type id and stamps; only the fields change. */
export function withFields(item: StoredItem, fields: ItemFields, at: Date): StoredItem {
  return {
    ...fields,
    id: item.id,
    typeId: item.typeId,
    version: item.version + 1,
    createdAt: item.createdAt,
    updatedAt: at,
  };
}

/**
 * An item as a form sends it, fitted to its type where the form cannot know better: assets and
 * licences get details (in stock) when none came, licences count seats from 0, other items have
 * none. Anything else wrong is left for validateItemFields to name.
 */
export function fittedToType(fields: ItemFields, type: CiTypeDefinition): ItemFields {
  if (!needsAssetDetails(type)) return fields;
  const asset = fields.asset ?? {
    state: 'in_stock',
    inventoryNumber: null,
    serialNumber: null,
    holderId: null,
    locationId: null,
    warrantyEnd: null,
    contractEnd: null,
    seats: null,
  };
  const seats = type.licence ? (asset.seats ?? 0) : asset.seats === 0 ? null : asset.seats;
  return { ...fields, asset: { ...asset, seats } };
}
