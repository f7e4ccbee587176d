import { assertUnreachable } from '@itsm/lang';
import {
  type ConfigurationItemEntry,
  DEMO_EXTERNAL_ID_PREFIX,
  type DemoCmdb,
  type IncidentLinkEntry,
  type LaptopEntry,
  type LocationKey,
} from './catalogue/cmdb.catalogue';
import type {
  AssetActionBody,
  ConfigurationItemRecord,
  LocationRecord,
  TicketRecord,
  TicketStatus,
  WriteAssetDetails,
} from './gateway-api';
import { ApiProblemError, type CmdbApi, type TicketEditApi } from './gateway-client';
import type { GroupDirectory } from './group-directory';

interface Count {
  total: number;
  created: number;
}

export interface CmdbCounts {
  locations: Count;
  /** Every item of the demo: infrastructure, licences and laptops. */
  items: Count;
  relationships: Count;
  /** `assigned`: in use now; `lifecycleSteps`: asset actions this run took. */
  laptops: { total: number; assigned: number; lifecycleSteps: number };
  /** `overDeployed`: more seats in use than owned, as licence compliance reports it. */
  licences: { total: number; overDeployed: number };
  /** Open incidents that name the demo's items, and how many this run linked. */
  incidents: { linked: number; created: number };
}

type ConfigurationCounts = Omit<CmdbCounts, 'incidents'>;

/** `skipped`: the gateway has no CMDB to talk to; the rest of the demo does without it. */
export type CmdbSync =
  { status: 'synced'; counts: CmdbCounts } | { status: 'skipped'; note: string };

/** The statuses of an incident somebody still works on. */
const OPEN_INCIDENT_STATUSES: ReadonlySet<TicketStatus> = new Set<TicketStatus>([
  'new',
  'assigned',
  'in_progress',
  'pending',
]);

const RECEIVED = 'Поставка ноутбуков / laptop delivery';
const ISSUED = 'Выдан сотруднику / issued to the employee';

/** Names match as the API compares them: trimmed, whatever the case. */
function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** 503: the CMDB service is down or not deployed; the gateway answers so for any call. */
function isUnavailable(error: unknown): error is ApiProblemError {
  return error instanceof ApiProblemError && error.status === 503;
}

/** Runs one step, naming the entry it was about when it fails; 503 passes through as it is. */
async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUnavailable(error)) throw error;
    throw new Error(`${what}: ${messageOf(error)}`, { cause: error });
  }
}

/**
 * Makes the CMDB hold the demo's configuration: locations looked up by name, items by type and
 * external id, and only the missing ones created; relationships are posted as they are, and the
 * API answers one that exists without adding it. So a second run creates nothing. Items found are
 * taken as they are. A laptop goes through its lifecycle only while it is ordered or in stock:
 * received at the warehouse, then assigned to its holder or sent to repair; a laptop somebody
 * holds, or one in repair or retired, stays as it is. Then a few open incidents about VPN, 1С, mail
 * and printers are linked to their application or device, only those naming no configuration
 * item yet.
 *
 * An item's support group is routing's (syncSupportGroups), by its id.
 *
 * A gateway without the CMDB (404 on the first call) or with it down (503 on any CMDB call)
 * skips it: the demo is whole without it, and a later run completes what is missing.
 */
export async function syncCmdb(
  cmdb: DemoCmdb,
  groups: GroupDirectory,
  api: CmdbApi & TicketEditApi,
): Promise<CmdbSync> {
  let locations: LocationRecord[];
  try {
    locations = await api.listLocations();
  } catch (error) {
    if (error instanceof ApiProblemError && (error.status === 404 || error.status === 503)) {
      return { status: 'skipped', note: `the CMDB is not running (${messageOf(error)})` };
    }
    throw error;
  }
  let configuration: { counts: ConfigurationCounts; ids: ReadonlyMap<string, string> };
  try {
    configuration = await syncConfiguration(cmdb, groups, api, locations);
  } catch (error) {
    if (!isUnavailable(error)) throw error;
    return {
      status: 'skipped',
      note: `the CMDB became unavailable part way; a rerun completes it (${messageOf(error)})`,
    };
  }
  const incidents = await linkIncidents(cmdb.incidentLinks, configuration.ids, cmdb.actorId, api);
  return { status: 'synced', counts: { ...configuration.counts, incidents } };
}

async function syncConfiguration(
  cmdb: DemoCmdb,
  groups: GroupDirectory,
  api: CmdbApi,
  locations: readonly LocationRecord[],
): Promise<{ counts: ConfigurationCounts; ids: ReadonlyMap<string, string> }> {
  const entries: readonly ConfigurationItemEntry[] = [
    ...cmdb.infrastructure,
    ...cmdb.licences,
    ...cmdb.laptops,
  ];
  const counts: ConfigurationCounts = {
    locations: { total: cmdb.locations.length, created: 0 },
    items: { total: entries.length, created: 0 },
    relationships: { total: cmdb.relationships.length, created: 0 },
    laptops: { total: cmdb.laptops.length, assigned: 0, lifecycleSteps: 0 },
    licences: { total: cmdb.licences.length, overDeployed: 0 },
  };
  const actorId = cmdb.actorId;

  const locationIds = new Map<LocationKey, string>();
  for (const entry of cmdb.locations) {
    let location = locations.find((candidate) => sameName(candidate.name, entry.name));
    if (!location) {
      location = await step(`location "${entry.name}"`, () =>
        api.createLocation({ name: entry.name, kind: entry.kind, address: entry.address }),
      );
      counts.locations.created += 1;
    }
    locationIds.set(entry.key, location.id);
  }
  const locationId = (key: LocationKey): string => {
    const id = locationIds.get(key);
    if (id === undefined) throw new Error(`location ${key} is not in the demo's CMDB`);
    return id;
  };

  // The type and the external id name an item; the API keeps external ids unique per type.
  const itemKey = (type: string, externalId: string) => `${type}\u0000${externalId}`;
  const found = new Map<string, ConfigurationItemRecord>();
  for (const type of new Set(entries.map((entry) => entry.type))) {
    const items = await api.listConfigurationItems({ type, q: DEMO_EXTERNAL_ID_PREFIX });
    for (const item of items) {
      if (item.externalId !== null) found.set(itemKey(type, item.externalId), item);
    }
  }
  const records = new Map<string, ConfigurationItemRecord>();
  const ensureItem = async (
    entry: ConfigurationItemEntry,
    asset?: WriteAssetDetails,
  ): Promise<ConfigurationItemRecord> => {
    let item = found.get(itemKey(entry.type, entry.externalId));
    if (!item) {
      item = await step(`item ${entry.externalId}`, () =>
        api.createConfigurationItem(`demo-seed:cmdb:${entry.type}:${entry.externalId}`, {
          type: entry.type,
          name: entry.name,
          externalId: entry.externalId,
          attributes: entry.attributes,
          ownerId: entry.ownerId,
          supportGroupId: groups.idOf(entry.supportGroup),
          ...(entry.location === undefined ? {} : { locationId: locationId(entry.location) }),
          ...(asset === undefined ? {} : { asset }),
          actorId,
        }),
      );
      counts.items.created += 1;
    }
    records.set(entry.externalId, item);
    return item;
  };
  for (const entry of cmdb.infrastructure) await ensureItem(entry);
  for (const entry of cmdb.licences) {
    await ensureItem(entry, {
      seats: entry.seats,
      ...(entry.contractEnd === undefined ? {} : { contractEnd: entry.contractEnd }),
    });
  }
  for (const entry of cmdb.laptops) {
    // Ordered: the stock journal then starts with its arrival at the warehouse.
    const created = await ensureItem(entry, {
      state: 'ordered',
      inventoryNumber: entry.inventoryNumber,
      serialNumber: entry.serialNumber,
      warrantyEnd: entry.warrantyEnd,
    });
    const laptop = await advanceLaptop(entry, created, {
      stock: locationId(cmdb.laptopStock),
      desk: locationId(cmdb.laptopDesk),
      actorId,
      api,
      onStep: () => {
        counts.laptops.lifecycleSteps += 1;
      },
    });
    records.set(entry.externalId, laptop);
    if (laptop.asset?.state === 'in_use') counts.laptops.assigned += 1;
  }
  const ids = new Map([...records].map(([externalId, item]) => [externalId, item.id]));
  const idOf = (externalId: string): string => {
    const id = ids.get(externalId);
    if (id === undefined) throw new Error(`item ${externalId} is not in the demo's CMDB`);
    return id;
  };

  for (const entry of cmdb.relationships) {
    const { created } = await step(`${entry.source} ${entry.type} ${entry.target}`, () =>
      api.relateItems({
        sourceId: idOf(entry.source),
        targetId: idOf(entry.target),
        type: entry.type,
        actorId,
      }),
    );
    if (created) counts.relationships.created += 1;
  }

  const licenceIds = new Set(cmdb.licences.map((entry) => idOf(entry.externalId)));
  const compliance = await api.licenceCompliance();
  counts.licences.overDeployed = compliance.filter(
    (licence) => licenceIds.has(licence.licenceId) && !licence.compliant,
  ).length;
  return { counts, ids };
}

interface LifecycleContext {
  stock: string;
  desk: string;
  actorId: string;
  api: CmdbApi;
  onStep: () => void;
}

/** Takes a laptop that is ordered or in stock on to where the demo has it; leaves any other. */
async function advanceLaptop(
  entry: LaptopEntry,
  start: ConfigurationItemRecord,
  context: LifecycleContext,
): Promise<ConfigurationItemRecord> {
  let laptop = start;
  const act = async (action: Omit<AssetActionBody, 'actorId'>) => {
    const current = laptop;
    laptop = await step(`laptop ${entry.externalId}: ${action.action}`, () =>
      context.api.changeAsset(current.id, current.version, {
        ...action,
        actorId: context.actorId,
      }),
    );
    context.onStep();
  };
  if (laptop.asset?.state === 'ordered') {
    await act({ action: 'receive', locationId: context.stock, reason: RECEIVED });
  }
  if (laptop.asset?.state !== 'in_stock') return laptop;
  const target = entry.target;
  switch (target.state) {
    case 'in_use':
      await act({
        action: 'assign',
        holderId: target.holderId,
        locationId: context.desk,
        reason: ISSUED,
      });
      break;
    case 'in_repair':
      await act({ action: 'send_to_repair', reason: target.reason });
      break;
    case 'in_stock':
      break;
    default:
      return assertUnreachable(target, 'laptop target');
  }
  return laptop;
}

/**
 * Names each link's item on up to `limit` of the open incidents its searches find, newest
 * first, skipping those that name any configuration item already. The incidents that name it
 * count toward the limit, so a second run links none. An incident changed since it was read
 * (412) is left for a later run.
 */
async function linkIncidents(
  links: readonly IncidentLinkEntry[],
  ids: ReadonlyMap<string, string>,
  actorId: string,
  api: TicketEditApi,
): Promise<CmdbCounts['incidents']> {
  const counts = { linked: 0, created: 0 };
  for (const link of links) {
    const itemId = ids.get(link.item);
    if (itemId === undefined) throw new Error(`item ${link.item} is not in the demo's CMDB`);
    const found = new Map<string, TicketRecord>();
    for (const q of link.queries) {
      const tickets = await step(`incidents about "${q}"`, () =>
        api.listTickets({ type: 'incident', q }),
      );
      for (const ticket of tickets) {
        if (OPEN_INCIDENT_STATUSES.has(ticket.status) && link.title.test(ticket.title)) {
          found.set(ticket.id, ticket);
        }
      }
    }
    const candidates = [...found.values()].sort((a, b) => b.number.localeCompare(a.number));
    let linked = candidates.filter((ticket) => ticket.configurationItemIds.includes(itemId)).length;
    for (const ticket of candidates) {
      if (linked >= link.limit) break;
      if (ticket.configurationItemIds.length > 0) continue;
      const updated = await step(`incident ${ticket.number}`, async () => {
        try {
          await api.updateTicket(ticket.id, ticket.version, {
            configurationItemIds: [itemId],
            actorId,
          });
          return true;
        } catch (error) {
          if (error instanceof ApiProblemError && error.status === 412) return false;
          throw error;
        }
      });
      if (!updated) continue;
      linked += 1;
      counts.created += 1;
    }
    counts.linked += linked;
  }
  return counts;
}

/**
 * "cmdb: 3 locations (3 new), 60 items (60 new), 73 relationships (73 new), 25 laptops
 * (20 assigned, 46 lifecycle steps), 2 licences (1 over-deployed), 6 incidents linked (6 new)",
 * or why the CMDB was skipped.
 */
export function formatCmdbSummary(sync: CmdbSync): string {
  if (sync.status === 'skipped') return `cmdb: skipped, ${sync.note}`;
  const { locations, items, relationships, laptops, licences, incidents } = sync.counts;
  return (
    `cmdb: ${locations.total} locations (${locations.created} new), ` +
    `${items.total} items (${items.created} new), ` +
    `${relationships.total} relationships (${relationships.created} new), ` +
    `${laptops.total} laptops (${laptops.assigned} assigned, ` +
    `${laptops.lifecycleSteps} lifecycle steps), ` +
    `${licences.total} licences (${licences.overDeployed} over-deployed), ` +
    `${incidents.linked} incidents linked (${incidents.created} new)`
  );
}
