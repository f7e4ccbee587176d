import type { EventType } from '@itsm/contracts';
import type { AssetState } from '../../domain/asset-lifecycle';
import { DEFAULT_CI_TYPES } from '../../domain/ci-type';
import { BIDIRECTIONAL, DEPENDENT_IS_SOURCE } from '../../domain/relationship';
import type { Clock, IdGenerator } from '../ports/clock';
import type {
  CiTicket,
  CmdbStore,
  CmdbTransactions,
  ExpectedAsset,
  HistoryEntry,
  ImpactDirection,
  ImpactEdge,
  ImpactFacts,
  ItemCursor,
  ItemFilter,
  ItemInsert,
  LicenceUsage,
  PendingEvent,
  StoredCampaign,
  StoredCiType,
  StoredItem,
  StoredLocation,
  StoredMovement,
  StoredRelationship,
  TicketMention,
} from '../ports/cmdb-store';

export interface EmittedEvent {
  type: string;
  key: string;
  payload: unknown;
}

interface State {
  types: StoredCiType[];
  items: Array<StoredItem & { idempotencyKey: string | null }>;
  history: HistoryEntry[];
  relationships: StoredRelationship[];
  locations: StoredLocation[];
  movements: StoredMovement[];
  campaigns: StoredCampaign[];
  expected: Array<ExpectedAsset & { campaignId: string }>;
  scans: Array<{ campaignId: string; number: string }>;
  tickets: Array<CiTicket & { ciId: string }>;
  ticketVersions: Map<string, number>;
  events: EmittedEvent[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byName = (a: StoredItem, b: StoredItem) =>
  compare(a.name.toLowerCase(), b.name.toLowerCase()) || compare(a.id, b.id);

/** Ids that sort in creation order, as uuidv7 does. */
export function sequentialIds(): IdGenerator {
  let next = 0;
  return {
    newId: () => `00000000-0000-7000-8000-${String(++next).padStart(12, '0')}`,
  };
}

/** A clock that moves a second on every reading, so orders by time are distinct. */
export function steppingClock(start = new Date('2026-11-27T09:00:00Z')): Clock {
  let at = start.getTime();
  return { now: () => new Date((at += 1000)) };
}

/**
 * The CMDB in memory, for use case specs: the semantics of the SQL store (uniqueness,
 * idempotent relationships, the ticket watermark), with transactions that undo on a throw.
 */
export class InMemoryCmdb implements CmdbTransactions {
  state: State = {
    types: [],
    items: [],
    history: [],
    relationships: [],
    locations: [],
    movements: [],
    campaigns: [],
    expected: [],
    scans: [],
    tickets: [],
    ticketVersions: new Map(),
    events: [],
  };

  constructor(withDefaultTypes = true) {
    if (withDefaultTypes) {
      DEFAULT_CI_TYPES.forEach((type, index) => {
        const at = new Date('2026-01-01T00:00:00Z');
        this.state.types.push({
          ...structuredClone(type),
          id: `10000000-0000-7000-8000-${String(index + 1).padStart(12, '0')}`,
          version: 1,
          createdAt: at,
          updatedAt: at,
        });
      });
    }
  }

  get events(): EmittedEvent[] {
    return this.state.events;
  }

  async run<T>(work: (store: CmdbStore) => Promise<T>): Promise<T> {
    const before = structuredClone(this.state);
    try {
      return await work(new InMemoryCmdbStore(this));
    } catch (error) {
      this.state = before;
      throw error;
    }
  }

  on(): CmdbStore {
    return new InMemoryCmdbStore(this);
  }

  reader(): CmdbStore {
    return new InMemoryCmdbStore(this);
  }
}

class InMemoryCmdbStore implements CmdbStore {
  constructor(private readonly db: InMemoryCmdb) {}

  private get state(): State {
    return this.db.state;
  }

  private itemOut(item: StoredItem & { idempotencyKey?: string | null }): StoredItem {
    const { idempotencyKey: _key, ...stored } = structuredClone(item);
    return stored;
  }

  async types(): Promise<StoredCiType[]> {
    return structuredClone([...this.state.types].sort((a, b) => compare(a.key, b.key)));
  }

  async type(id: string): Promise<StoredCiType | undefined> {
    return structuredClone(this.state.types.find((type) => type.id === id));
  }

  async typeByKey(key: string): Promise<StoredCiType | undefined> {
    return structuredClone(this.state.types.find((type) => type.key === key));
  }

  async insertType(type: StoredCiType): Promise<void> {
    this.state.types.push(structuredClone(type));
  }

  async updateType(type: StoredCiType): Promise<void> {
    this.state.types = this.state.types.map((stored) =>
      stored.id === type.id ? structuredClone(type) : stored,
    );
    for (const item of this.state.items) if (item.typeId === type.id) item.typeKey = type.key;
  }

  async itemsOfType(typeId: string, afterId: string | null, limit: number): Promise<StoredItem[]> {
    return this.state.items
      .filter((item) => item.typeId === typeId && (afterId === null || item.id > afterId))
      .sort((a, b) => compare(a.id, b.id))
      .slice(0, limit)
      .map((item) => this.itemOut(item));
  }

  async item(id: string): Promise<StoredItem | undefined> {
    const item = this.state.items.find((stored) => stored.id === id);
    return item && this.itemOut(item);
  }

  async itemByIdempotencyKey(key: string): Promise<StoredItem | undefined> {
    const item = this.state.items.find((stored) => stored.idempotencyKey === key);
    return item && this.itemOut(item);
  }

  async itemByExternalId(typeId: string, externalId: string): Promise<StoredItem | undefined> {
    const item = this.state.items.find(
      (stored) => stored.typeId === typeId && stored.externalId === externalId,
    );
    return item && this.itemOut(item);
  }

  async itemByInventoryNumber(inventoryNumber: string): Promise<StoredItem | undefined> {
    const number = inventoryNumber.trim().toUpperCase();
    const item = this.state.items.find(
      (stored) => stored.asset?.inventoryNumber?.toUpperCase() === number,
    );
    return item && this.itemOut(item);
  }

  async insertItem(item: StoredItem, idempotencyKey: string | null): Promise<ItemInsert> {
    if (
      idempotencyKey &&
      this.state.items.some((stored) => stored.idempotencyKey === idempotencyKey)
    ) {
      return 'idempotency_key_taken';
    }
    this.state.items.push({ ...structuredClone(item), idempotencyKey });
    return 'inserted';
  }

  async updateItem(item: StoredItem): Promise<void> {
    const stored = this.state.items.find(({ id }) => id === item.id);
    if (!stored) throw new Error(`no item ${item.id}`);
    Object.assign(stored, structuredClone(item));
  }

  async items(filter: ItemFilter, after: ItemCursor | null, limit: number): Promise<StoredItem[]> {
    const query = filter.query?.toLowerCase();
    return this.state.items
      .filter(
        (item) =>
          (filter.typeId === undefined || item.typeId === filter.typeId) &&
          (filter.status === undefined || item.status === filter.status) &&
          (filter.assetState === undefined || item.asset?.state === filter.assetState) &&
          (filter.holderId === undefined || item.asset?.holderId === filter.holderId) &&
          (filter.locationId === undefined ||
            item.locationId === filter.locationId ||
            item.asset?.locationId === filter.locationId) &&
          (query === undefined ||
            [item.name, item.externalId, item.asset?.inventoryNumber, item.asset?.serialNumber]
              .join(' ')
              .toLowerCase()
              .includes(query)) &&
          (after === null || byName(item, { ...item, name: after.name, id: after.id }) > 0),
      )
      .sort(byName)
      .slice(0, limit)
      .map((item) => this.itemOut(item));
  }

  async recordHistory(entries: readonly HistoryEntry[]): Promise<void> {
    this.state.history.push(...structuredClone([...entries]));
  }

  async history(ciId: string): Promise<HistoryEntry[]> {
    return structuredClone(this.state.history.filter((entry) => entry.ciId === ciId).reverse());
  }

  async insertRelationship(relationship: StoredRelationship) {
    const existing = this.state.relationships.find(
      ({ sourceId, targetId, type }) =>
        sourceId === relationship.sourceId &&
        targetId === relationship.targetId &&
        type === relationship.type,
    );
    if (existing) return { relationship: structuredClone(existing), created: false };
    this.state.relationships.push(structuredClone(relationship));
    return { relationship: structuredClone(relationship), created: true };
  }

  async deleteRelationship(id: string): Promise<StoredRelationship | undefined> {
    const existing = this.state.relationships.find((relationship) => relationship.id === id);
    this.state.relationships = this.state.relationships.filter(
      (relationship) => relationship.id !== id,
    );
    return existing;
  }

  async relationshipsOf(itemId: string): Promise<StoredRelationship[]> {
    return structuredClone(
      this.state.relationships.filter(
        ({ sourceId, targetId }) => sourceId === itemId || targetId === itemId,
      ),
    );
  }

  async impactEdges(
    frontier: readonly string[],
    direction: ImpactDirection,
  ): Promise<ImpactEdge[]> {
    const ids = new Set(frontier);
    const edges: ImpactEdge[] = [];
    for (const { sourceId, targetId, type } of this.state.relationships) {
      const [near, far] = direction === 'upstream' ? [targetId, sourceId] : [sourceId, targetId];
      if ((DEPENDENT_IS_SOURCE.has(type) || BIDIRECTIONAL.has(type)) && ids.has(near)) {
        edges.push({ fromId: near, toId: far });
      }
      if (BIDIRECTIONAL.has(type) && ids.has(far)) edges.push({ fromId: far, toId: near });
    }
    return edges;
  }

  async impactFacts(ids: readonly string[]): Promise<ImpactFacts[]> {
    const wanted = new Set(ids);
    return this.state.items
      .filter(({ id }) => wanted.has(id))
      .map((item) => ({
        id: item.id,
        name: item.name,
        typeKey: item.typeKey,
        businessService:
          this.state.types.find(({ id }) => id === item.typeId)?.businessService ?? false,
        status: item.status,
      }));
  }

  async licenceUsage(): Promise<LicenceUsage[]> {
    const licenceTypes = new Set(
      this.state.types.filter(({ licence }) => licence).map(({ id }) => id),
    );
    return this.state.items
      .filter((item) => licenceTypes.has(item.typeId) && item.status !== 'retired')
      .sort(byName)
      .map((item) => ({
        licenceId: item.id,
        name: item.name,
        seats: item.asset?.seats ?? 0,
        assigned: this.state.relationships.filter(
          ({ targetId, type }) => targetId === item.id && type === 'uses_licence',
        ).length,
        contractEnd: item.asset?.contractEnd ?? null,
      }));
  }

  async location(id: string): Promise<StoredLocation | undefined> {
    return structuredClone(this.state.locations.find((location) => location.id === id));
  }

  async existingLocations(ids: readonly string[]): Promise<Set<string>> {
    return new Set(this.state.locations.filter(({ id }) => ids.includes(id)).map(({ id }) => id));
  }

  async locationByName(parentId: string | null, name: string): Promise<StoredLocation | undefined> {
    return structuredClone(
      this.state.locations.find(
        (location) =>
          location.parentId === parentId && location.name.toLowerCase() === name.toLowerCase(),
      ),
    );
  }

  async insertLocation(location: StoredLocation): Promise<void> {
    this.state.locations.push(structuredClone(location));
  }

  async locations(): Promise<StoredLocation[]> {
    return structuredClone(this.state.locations);
  }

  async recordMovement(movement: StoredMovement): Promise<void> {
    this.state.movements.push(structuredClone(movement));
  }

  async movements(
    filter: { assetId: string } | { locationId: string },
    limit: number,
  ): Promise<StoredMovement[]> {
    return structuredClone(
      this.state.movements
        .filter((movement) =>
          'assetId' in filter
            ? movement.assetId === filter.assetId
            : movement.fromLocationId === filter.locationId ||
              movement.toLocationId === filter.locationId,
        )
        .reverse()
        .slice(0, limit),
    );
  }

  async insertCampaign(campaign: StoredCampaign): Promise<void> {
    this.state.campaigns.push(structuredClone(campaign));
  }

  async campaign(id: string): Promise<StoredCampaign | undefined> {
    return structuredClone(this.state.campaigns.find((campaign) => campaign.id === id));
  }

  async snapshotExpectedAssets(
    campaignId: string,
    locationId: string,
    states: readonly AssetState[],
  ): Promise<number> {
    const expected = this.state.items.filter(
      ({ asset }) =>
        asset?.locationId === locationId &&
        states.includes(asset.state) &&
        asset.inventoryNumber !== null,
    );
    for (const { id, asset } of expected) {
      this.state.expected.push({
        campaignId,
        assetId: id,
        inventoryNumber: asset?.inventoryNumber ?? '',
      });
    }
    return expected.length;
  }

  async expectedAssets(campaignId: string): Promise<ExpectedAsset[]> {
    return this.state.expected
      .filter((expected) => expected.campaignId === campaignId)
      .map(({ assetId, inventoryNumber }) => ({ assetId, inventoryNumber }));
  }

  async recordScans(campaignId: string, numbers: readonly string[]): Promise<void> {
    for (const number of numbers) {
      if (
        !this.state.scans.some((scan) => scan.campaignId === campaignId && scan.number === number)
      ) {
        this.state.scans.push({ campaignId, number });
      }
    }
  }

  async scannedNumbers(campaignId: string): Promise<string[]> {
    return this.state.scans
      .filter((scan) => scan.campaignId === campaignId)
      .map(({ number }) => number);
  }

  async assetsByInventoryNumber(numbers: readonly string[]) {
    const found = new Map<string, { assetId: string; locationId: string | null }>();
    for (const item of this.state.items) {
      const number = item.asset?.inventoryNumber?.toUpperCase();
      if (number && numbers.includes(number)) {
        found.set(number, { assetId: item.id, locationId: item.asset?.locationId ?? null });
      }
    }
    return found;
  }

  async saveCampaign(campaign: StoredCampaign): Promise<void> {
    this.state.campaigns = this.state.campaigns.map((stored) =>
      stored.id === campaign.id ? structuredClone(campaign) : stored,
    );
  }

  async projectTicket(ticket: TicketMention): Promise<void> {
    const known = this.state.ticketVersions.get(ticket.ticketId);
    if (known === undefined && ticket.configurationItemIds.length === 0) return;
    if (known !== undefined && known > ticket.version) return;
    this.state.ticketVersions.set(ticket.ticketId, ticket.version);
    const { configurationItemIds, version: _version, ...row } = ticket;
    this.state.tickets = [
      ...this.state.tickets.filter(({ ticketId }) => ticketId !== ticket.ticketId),
      ...configurationItemIds.map((ciId) => ({ ...row, ciId })),
    ];
  }

  async itemTickets(ciId: string, openOnly: boolean, limit: number): Promise<CiTicket[]> {
    return this.state.tickets
      .filter((ticket) => ticket.ciId === ciId && (!openOnly || ticket.open))
      .sort(
        (a, b) => Number(b.open) - Number(a.open) || b.updatedAt.getTime() - a.updatedAt.getTime(),
      )
      .slice(0, limit)
      .map(({ ciId: _ciId, ...ticket }) => ticket);
  }

  async savepoint<T>(work: () => Promise<T>): Promise<T> {
    const before = structuredClone(this.db.state);
    try {
      return await work();
    } catch (error) {
      this.db.state = before;
      throw error;
    }
  }

  async emit<T>(eventType: EventType<T>, event: PendingEvent<T>): Promise<void> {
    this.state.events.push({ type: eventType.type, key: event.key, payload: event.payload });
  }
}
