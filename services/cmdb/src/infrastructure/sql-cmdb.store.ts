import type { DataSource, EntityManager } from 'typeorm';
import type { EventType } from '@itsm/contracts';
import type { OutboxWriter } from '@itsm/messaging';
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
} from '../application/ports/cmdb-store';
import type { AssetState } from '../domain/asset-lifecycle';
import { CmdbError, CmdbErrorCode } from '../domain/cmdb-error';
import { BIDIRECTIONAL, DEPENDENT_IS_SOURCE } from '../domain/relationship';
import { ITEM_SEARCH_TEXT } from '../migrations/1766880000001-create-configuration-items';
import {
  type CampaignRow,
  type CiTicketRow,
  type CiTypeRow,
  type HistoryRow,
  ITEM_COLUMNS,
  type ItemRow,
  type LocationRow,
  type MovementRow,
  type RelationshipRow,
  toCampaign,
  toCiTicket,
  toCiType,
  toHistoryEntry,
  toItem,
  toLocation,
  toMovement,
  toRelationship,
} from './cmdb-rows';

/**
 * Rows an UPDATE or DELETE … RETURNING gave back: TypeORM answers them with
 * `[rows, affectedCount]` where other statements give the rows alone.
 */
export async function updated<T>(
  runner: Pick<EntityManager, 'query'>,
  sql: string,
  parameters: unknown[],
): Promise<T[]> {
  const result: unknown = await runner.query(sql, parameters);
  if (Array.isArray(result) && Array.isArray(result[0])) return result[0] as T[];
  return result as T[];
}

const ITEM_SELECT = `SELECT ${ITEM_COLUMNS} FROM configuration_items i JOIN ci_types t ON t.id = i.type_id`;

/** Walked from the dependency to the dependent (upstream) or back (downstream). */
const WALKED_TYPES = [...DEPENDENT_IS_SOURCE, ...BIDIRECTIONAL];
/**
 * Walked against their direction as well. Spelled as literals (domain constants, not input), so
 * the planner matches the partial indexes on network links.
 */
const BOTH_WAYS_CONDITION =
  BIDIRECTIONAL.size === 0
    ? 'false'
    : `type IN (${[...BIDIRECTIONAL].map((type) => `'${type}'`).join(', ')})`;

/** What each unique index guards, as the caller would say it. */
const UNIQUE_INDEXES: Record<string, { field: string; message: string }> = {
  ci_types_key_key: { field: 'key', message: 'the CI type key is taken' },
  configuration_items_external_id_key: {
    field: 'externalId',
    message: 'another item of the type has this external id',
  },
  configuration_items_inventory_number_key: {
    field: 'asset.inventoryNumber',
    message: 'another item has this inventory number',
  },
  locations_name_per_parent_key: {
    field: 'name',
    message: 'a location of this name exists there already',
  },
};

/** A unique violation a concurrent writer caused, as the error the caller would have had a moment later. */
function translated(error: unknown): unknown {
  const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
  const known = code === '23505' && constraint ? UNIQUE_INDEXES[constraint] : undefined;
  if (!known) return error;
  return new CmdbError(CmdbErrorCode.AlreadyExists, known.message, [
    { field: known.field, message: known.message },
  ]);
}

function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The store on one connection: a transaction's, or the pool's for reading. */
class SqlCmdbStore implements CmdbStore {
  private savepoints = 0;

  constructor(
    private readonly manager: EntityManager,
    private readonly outbox: OutboxWriter,
    /** Whether rows are locked and savepoints possible: only inside a transaction. */
    private readonly transactional: boolean,
  ) {}

  private lock(clause: string): string {
    return this.transactional ? ` ${clause}` : '';
  }

  private async write(sql: string, parameters: unknown[]): Promise<void> {
    try {
      await this.manager.query(sql, parameters);
    } catch (error) {
      throw translated(error);
    }
  }

  // --- types ------------------------------------------------------------------------------------

  async types(): Promise<StoredCiType[]> {
    const rows: CiTypeRow[] = await this.manager.query('SELECT * FROM ci_types ORDER BY key');
    return rows.map(toCiType);
  }

  async type(id: string, lock?: 'update'): Promise<StoredCiType | undefined> {
    const rows: CiTypeRow[] = await this.manager.query(
      `SELECT * FROM ci_types WHERE id = $1${lock ? this.lock('FOR UPDATE') : ''}`,
      [id],
    );
    return rows[0] && toCiType(rows[0]);
  }

  async typeByKey(key: string, lock?: 'share'): Promise<StoredCiType | undefined> {
    // KEY SHARE: items may be written concurrently; only a type update (FOR UPDATE) waits.
    const rows: CiTypeRow[] = await this.manager.query(
      `SELECT * FROM ci_types WHERE key = $1${lock ? this.lock('FOR KEY SHARE') : ''}`,
      [key],
    );
    return rows[0] && toCiType(rows[0]);
  }

  async insertType(type: StoredCiType): Promise<void> {
    await this.write(
      `INSERT INTO ci_types (id, key, name_en, name_ru, attribute_schema, asset, business_service, licence, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        type.id,
        type.key,
        type.nameEn,
        type.nameRu,
        JSON.stringify(type.attributeSchema),
        type.asset,
        type.businessService,
        type.licence,
        type.version,
        type.createdAt,
        type.updatedAt,
      ],
    );
  }

  async updateType(type: StoredCiType): Promise<void> {
    await this.write(
      `UPDATE ci_types SET key = $2, name_en = $3, name_ru = $4, attribute_schema = $5, asset = $6,
         business_service = $7, licence = $8, version = $9, updated_at = $10
       WHERE id = $1`,
      [
        type.id,
        type.key,
        type.nameEn,
        type.nameRu,
        JSON.stringify(type.attributeSchema),
        type.asset,
        type.businessService,
        type.licence,
        type.version,
        type.updatedAt,
      ],
    );
  }

  async itemsOfType(typeId: string, afterId: string | null, limit: number): Promise<StoredItem[]> {
    const rows: ItemRow[] = await this.manager.query(
      `${ITEM_SELECT} WHERE i.type_id = $1 AND ($2::uuid IS NULL OR i.id > $2) ORDER BY i.id LIMIT $3`,
      [typeId, afterId, limit],
    );
    return rows.map(toItem);
  }

  // --- items ------------------------------------------------------------------------------------

  private async oneItem(where: string, parameters: unknown[], lock?: 'update') {
    const rows: ItemRow[] = await this.manager.query(
      `${ITEM_SELECT} WHERE ${where}${lock ? this.lock('FOR UPDATE OF i') : ''}`,
      parameters,
    );
    return rows[0] && toItem(rows[0]);
  }

  item(id: string, lock?: 'update'): Promise<StoredItem | undefined> {
    return this.oneItem('i.id = $1', [id], lock);
  }

  itemByIdempotencyKey(key: string): Promise<StoredItem | undefined> {
    return this.oneItem('i.idempotency_key = $1', [key]);
  }

  itemByExternalId(
    typeId: string,
    externalId: string,
    lock?: 'update',
  ): Promise<StoredItem | undefined> {
    return this.oneItem('i.type_id = $1 AND i.external_id = $2', [typeId, externalId], lock);
  }

  itemByInventoryNumber(inventoryNumber: string): Promise<StoredItem | undefined> {
    return this.oneItem(
      'upper(i.inventory_number) = upper($1) AND i.inventory_number IS NOT NULL',
      [inventoryNumber.trim()],
    );
  }

  private itemParameters(item: StoredItem): unknown[] {
    const asset = item.asset;
    return [
      item.id,
      item.typeId,
      item.name,
      item.externalId,
      JSON.stringify(item.attributes),
      item.status,
      item.ownerId,
      item.supportGroupId,
      item.locationId,
      asset?.state ?? null,
      asset?.inventoryNumber ?? null,
      asset?.serialNumber ?? null,
      asset?.holderId ?? null,
      asset?.locationId ?? null,
      asset?.warrantyEnd ?? null,
      asset?.contractEnd ?? null,
      asset?.seats ?? null,
      item.version,
      item.createdAt,
      item.updatedAt,
    ];
  }

  async insertItem(item: StoredItem, idempotencyKey: string | null): Promise<ItemInsert> {
    let rows: unknown[];
    try {
      rows = await this.manager.query(
        `INSERT INTO configuration_items (id, type_id, name, external_id, attributes, status, owner_id,
           support_group_id, location_id, asset_state, inventory_number, serial_number, holder_id,
           asset_location_id, warranty_end, contract_end, seats, version, created_at, updated_at, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
         ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
         RETURNING id`,
        [...this.itemParameters(item), idempotencyKey],
      );
    } catch (error) {
      throw translated(error);
    }
    return rows.length === 1 ? 'inserted' : 'idempotency_key_taken';
  }

  async updateItem(item: StoredItem): Promise<void> {
    await this.write(
      `UPDATE configuration_items SET type_id = $2, name = $3, external_id = $4, attributes = $5, status = $6,
         owner_id = $7, support_group_id = $8, location_id = $9, asset_state = $10, inventory_number = $11,
         serial_number = $12, holder_id = $13, asset_location_id = $14, warranty_end = $15, contract_end = $16,
         seats = $17, version = $18, created_at = $19, updated_at = $20
       WHERE id = $1`,
      this.itemParameters(item),
    );
  }

  async items(filter: ItemFilter, after: ItemCursor | null, limit: number): Promise<StoredItem[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const parameter = (value: unknown): string => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    if (filter.typeId !== undefined) conditions.push(`i.type_id = ${parameter(filter.typeId)}`);
    if (filter.status !== undefined) conditions.push(`i.status = ${parameter(filter.status)}`);
    if (filter.assetState !== undefined) {
      conditions.push(`i.asset_state = ${parameter(filter.assetState)}`);
    }
    if (filter.holderId !== undefined)
      conditions.push(`i.holder_id = ${parameter(filter.holderId)}`);
    if (filter.locationId !== undefined) {
      const location = parameter(filter.locationId);
      conditions.push(`(i.location_id = ${location} OR i.asset_location_id = ${location})`);
    }
    if (filter.query !== undefined) {
      // The indexed expression, spelled as the index has it (trigram GIN).
      conditions.push(`${ITEM_SEARCH_TEXT} LIKE ${parameter(likePattern(filter.query))}`);
    }
    if (after) {
      conditions.push(
        `(lower(i.name), i.id) > (lower(${parameter(after.name)}), ${parameter(after.id)}::uuid)`,
      );
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows: ItemRow[] = await this.manager.query(
      `${ITEM_SELECT} ${where} ORDER BY lower(i.name), i.id LIMIT ${parameter(limit)}`,
      parameters,
    );
    return rows.map(toItem);
  }

  async recordHistory(entries: readonly HistoryEntry[]): Promise<void> {
    for (const entry of entries) {
      await this.manager.query(
        `INSERT INTO ci_history (ci_id, version, action, actor_id, changes, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          entry.ciId,
          entry.version,
          entry.action,
          entry.actorId,
          JSON.stringify(entry.changes),
          entry.occurredAt,
        ],
      );
    }
  }

  async history(ciId: string): Promise<HistoryEntry[]> {
    const rows: HistoryRow[] = await this.manager.query(
      'SELECT * FROM ci_history WHERE ci_id = $1 ORDER BY id DESC',
      [ciId],
    );
    return rows.map(toHistoryEntry);
  }

  // --- relationships and impact -----------------------------------------------------------------

  async insertRelationship(
    relationship: StoredRelationship,
  ): Promise<{ relationship: StoredRelationship; created: boolean }> {
    const inserted: RelationshipRow[] = await this.manager.query(
      `INSERT INTO ci_relationships (id, source_id, target_id, type, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (source_id, target_id, type) DO NOTHING RETURNING *`,
      [
        relationship.id,
        relationship.sourceId,
        relationship.targetId,
        relationship.type,
        relationship.createdAt,
        relationship.createdBy,
      ],
    );
    if (inserted[0]) return { relationship: toRelationship(inserted[0]), created: true };
    const existing: RelationshipRow[] = await this.manager.query(
      'SELECT * FROM ci_relationships WHERE source_id = $1 AND target_id = $2 AND type = $3',
      [relationship.sourceId, relationship.targetId, relationship.type],
    );
    if (!existing[0]) throw new Error('a relationship conflicted but cannot be read');
    return { relationship: toRelationship(existing[0]), created: false };
  }

  async deleteRelationship(id: string): Promise<StoredRelationship | undefined> {
    const rows = await updated<RelationshipRow>(
      this.manager,
      'DELETE FROM ci_relationships WHERE id = $1 RETURNING *',
      [id],
    );
    return rows[0] && toRelationship(rows[0]);
  }

  async relationshipsOf(itemId: string): Promise<StoredRelationship[]> {
    const rows: RelationshipRow[] = await this.manager.query(
      `SELECT * FROM ci_relationships WHERE source_id = $1
       UNION ALL
       SELECT * FROM ci_relationships WHERE target_id = $1
       ORDER BY created_at, id`,
      [itemId],
    );
    return rows.map(toRelationship);
  }

  async impactEdges(
    frontier: readonly string[],
    direction: ImpactDirection,
  ): Promise<ImpactEdge[]> {
    if (frontier.length === 0) return [];
    // Upstream: from a target to the sources that depend on it; downstream: the other way.
    // Network links (bidirectional) are walked both ways in either direction.
    const [near, far] =
      direction === 'upstream' ? ['target_id', 'source_id'] : ['source_id', 'target_id'];
    const rows: Array<{ from_id: string; to_id: string }> = await this.manager.query(
      `SELECT ${near} AS from_id, ${far} AS to_id FROM ci_relationships
        WHERE ${near} = ANY($1::uuid[]) AND type = ANY($2::text[])
       UNION ALL
       SELECT ${far}, ${near} FROM ci_relationships
        WHERE ${far} = ANY($1::uuid[]) AND ${BOTH_WAYS_CONDITION}`,
      [frontier, WALKED_TYPES],
    );
    return rows.map((row) => ({ fromId: row.from_id, toId: row.to_id }));
  }

  async impactFacts(ids: readonly string[]): Promise<ImpactFacts[]> {
    if (ids.length === 0) return [];
    const rows: Array<{
      id: string;
      name: string;
      type_key: string;
      business_service: boolean;
      status: ImpactFacts['status'];
    }> = await this.manager.query(
      `SELECT i.id, i.name, t.key AS type_key, t.business_service, i.status
         FROM configuration_items i JOIN ci_types t ON t.id = i.type_id
        WHERE i.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      typeKey: row.type_key,
      businessService: row.business_service,
      status: row.status,
    }));
  }

  async licenceUsage(): Promise<LicenceUsage[]> {
    const rows: Array<{
      id: string;
      name: string;
      seats: number | null;
      contract_end: string | null;
      assigned: number;
    }> = await this.manager.query(
      `SELECT i.id, i.name, i.seats, to_char(i.contract_end, 'YYYY-MM-DD') AS contract_end,
              (SELECT count(*) FROM ci_relationships r
                WHERE r.target_id = i.id AND r.type = 'uses_licence')::int AS assigned
         FROM configuration_items i JOIN ci_types t ON t.id = i.type_id
        WHERE t.licence AND i.status <> 'retired'
        ORDER BY lower(i.name), i.id`,
    );
    return rows.map((row) => ({
      licenceId: row.id,
      name: row.name,
      seats: row.seats ?? 0,
      assigned: row.assigned,
      contractEnd: row.contract_end,
    }));
  }

  // --- locations and the journal ----------------------------------------------------------------

  async location(id: string): Promise<StoredLocation | undefined> {
    const rows: LocationRow[] = await this.manager.query('SELECT * FROM locations WHERE id = $1', [
      id,
    ]);
    return rows[0] && toLocation(rows[0]);
  }

  async existingLocations(ids: readonly string[]): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await this.manager.query(
      'SELECT id FROM locations WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Set(rows.map(({ id }) => id));
  }

  async locationByName(parentId: string | null, name: string): Promise<StoredLocation | undefined> {
    const rows: LocationRow[] = await this.manager.query(
      `SELECT * FROM locations WHERE parent_id IS NOT DISTINCT FROM $1::uuid AND lower(name) = lower($2)`,
      [parentId, name],
    );
    return rows[0] && toLocation(rows[0]);
  }

  async insertLocation(location: StoredLocation): Promise<void> {
    await this.write(
      `INSERT INTO locations (id, name, kind, parent_id, address, version, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        location.id,
        location.name,
        location.kind,
        location.parentId,
        location.address,
        location.version,
        location.createdAt,
      ],
    );
  }

  async locations(): Promise<StoredLocation[]> {
    const rows: LocationRow[] = await this.manager.query(
      'SELECT * FROM locations ORDER BY lower(name), id',
    );
    return rows.map(toLocation);
  }

  async recordMovement(movement: StoredMovement): Promise<void> {
    await this.manager.query(
      `INSERT INTO asset_movements (id, asset_id, kind, from_state, to_state, from_location_id, to_location_id,
         from_holder_id, to_holder_id, actor_id, reason, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        movement.id,
        movement.assetId,
        movement.kind,
        movement.fromState,
        movement.toState,
        movement.fromLocationId,
        movement.toLocationId,
        movement.fromHolderId,
        movement.toHolderId,
        movement.actorId,
        movement.reason,
        movement.occurredAt,
      ],
    );
  }

  async movements(
    filter: { assetId: string } | { locationId: string },
    limit: number,
  ): Promise<StoredMovement[]> {
    const rows: MovementRow[] =
      'assetId' in filter
        ? await this.manager.query(
            `SELECT * FROM asset_movements WHERE asset_id = $1
              ORDER BY occurred_at DESC, id DESC LIMIT $2`,
            [filter.assetId, limit],
          )
        : await this.manager.query(
            `SELECT * FROM asset_movements WHERE from_location_id = $1 OR to_location_id = $1
              ORDER BY occurred_at DESC, id DESC LIMIT $2`,
            [filter.locationId, limit],
          );
    return rows.map(toMovement);
  }

  // --- inventories ------------------------------------------------------------------------------

  async insertCampaign(campaign: StoredCampaign): Promise<void> {
    await this.manager.query(
      `INSERT INTO inventory_campaigns (id, name, location_id, status, expected, found, discrepancies,
         opened_by, opened_at, closed_by, closed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        campaign.id,
        campaign.name,
        campaign.locationId,
        campaign.status,
        campaign.expected,
        campaign.closing?.found ?? null,
        campaign.closing ? JSON.stringify(campaign.closing.discrepancies) : null,
        campaign.openedBy,
        campaign.openedAt,
        campaign.closedBy,
        campaign.closedAt,
      ],
    );
  }

  async campaign(id: string, lock?: 'update'): Promise<StoredCampaign | undefined> {
    const rows: CampaignRow[] = await this.manager.query(
      `SELECT * FROM inventory_campaigns WHERE id = $1${lock ? this.lock('FOR UPDATE') : ''}`,
      [id],
    );
    return rows[0] && toCampaign(rows[0]);
  }

  async snapshotExpectedAssets(
    campaignId: string,
    locationId: string,
    states: readonly AssetState[],
  ): Promise<number> {
    // Assets without an inventory number cannot be scanned, so they are not expected either.
    const rows: Array<{ expected: number }> = await this.manager.query(
      `WITH expected AS (
         INSERT INTO inventory_expected_assets (campaign_id, asset_id, inventory_number)
         SELECT $1, id, inventory_number FROM configuration_items
          WHERE asset_location_id = $2 AND asset_state = ANY($3::text[]) AND inventory_number IS NOT NULL
         RETURNING 1)
       SELECT count(*)::int AS expected FROM expected`,
      [campaignId, locationId, states],
    );
    return rows[0]?.expected ?? 0;
  }

  async expectedAssets(campaignId: string): Promise<ExpectedAsset[]> {
    const rows: Array<{ asset_id: string; inventory_number: string }> = await this.manager.query(
      'SELECT asset_id, inventory_number FROM inventory_expected_assets WHERE campaign_id = $1',
      [campaignId],
    );
    return rows.map((row) => ({ assetId: row.asset_id, inventoryNumber: row.inventory_number }));
  }

  async recordScans(
    campaignId: string,
    numbers: readonly string[],
    actorId: string,
    at: Date,
  ): Promise<void> {
    await this.manager.query(
      `INSERT INTO inventory_scans (campaign_id, inventory_number, scanned_by, scanned_at)
       SELECT $1, number, $3, $4 FROM unnest($2::text[]) AS number
       ON CONFLICT (campaign_id, inventory_number) DO NOTHING`,
      [campaignId, numbers, actorId, at],
    );
  }

  async scannedNumbers(campaignId: string): Promise<string[]> {
    const rows: Array<{ inventory_number: string }> = await this.manager.query(
      'SELECT inventory_number FROM inventory_scans WHERE campaign_id = $1 ORDER BY inventory_number',
      [campaignId],
    );
    return rows.map((row) => row.inventory_number);
  }

  async assetsByInventoryNumber(
    numbers: readonly string[],
  ): Promise<Map<string, { assetId: string; locationId: string | null }>> {
    if (numbers.length === 0) return new Map();
    const rows: Array<{ id: string; number: string; asset_location_id: string | null }> =
      await this.manager.query(
        `SELECT id, upper(inventory_number) AS number, asset_location_id FROM configuration_items
          WHERE upper(inventory_number) = ANY($1::text[]) AND inventory_number IS NOT NULL`,
        [numbers],
      );
    return new Map(
      rows.map((row) => [row.number, { assetId: row.id, locationId: row.asset_location_id }]),
    );
  }

  async saveCampaign(campaign: StoredCampaign): Promise<void> {
    await this.manager.query(
      `UPDATE inventory_campaigns SET status = $2, expected = $3, found = $4, discrepancies = $5,
         closed_by = $6, closed_at = $7
       WHERE id = $1`,
      [
        campaign.id,
        campaign.status,
        campaign.expected,
        campaign.closing?.found ?? null,
        campaign.closing ? JSON.stringify(campaign.closing.discrepancies) : null,
        campaign.closedBy,
        campaign.closedAt,
      ],
    );
  }

  // --- tickets ----------------------------------------------------------------------------------

  async projectTicket(ticket: TicketMention): Promise<void> {
    const ids = ticket.configurationItemIds;
    // A ticket that never named an item leaves no trace; one that did keeps its newest version,
    // so an event from further back (a replay) changes nothing.
    const newer: unknown[] = await this.manager.query(
      `INSERT INTO ci_ticket_versions (ticket_id, version)
       SELECT $1, $2 WHERE cardinality($3::uuid[]) > 0
          OR EXISTS (SELECT 1 FROM ci_ticket_versions WHERE ticket_id = $1)
       ON CONFLICT (ticket_id) DO UPDATE SET version = EXCLUDED.version
        WHERE ci_ticket_versions.version <= EXCLUDED.version
       RETURNING 1`,
      [ticket.ticketId, ticket.version, ids],
    );
    if (newer.length === 0) return;
    await this.manager.query(
      'DELETE FROM ci_tickets WHERE ticket_id = $1 AND NOT (ci_id = ANY($2::uuid[]))',
      [ticket.ticketId, ids],
    );
    if (ids.length === 0) return;
    await this.manager.query(
      `INSERT INTO ci_tickets (ticket_id, ci_id, number, type, title, status, open, updated_at)
       SELECT $1, ci_id, $3, $4, $5, $6, $7, $8 FROM unnest($2::uuid[]) AS ci_id
       ON CONFLICT (ticket_id, ci_id) DO UPDATE SET number = EXCLUDED.number, type = EXCLUDED.type,
         title = EXCLUDED.title, status = EXCLUDED.status, open = EXCLUDED.open,
         updated_at = EXCLUDED.updated_at`,
      [
        ticket.ticketId,
        ids,
        ticket.number,
        ticket.type,
        ticket.title,
        ticket.status,
        ticket.open,
        ticket.updatedAt,
      ],
    );
  }

  async itemTickets(ciId: string, openOnly: boolean, limit: number): Promise<CiTicket[]> {
    const rows: CiTicketRow[] = await this.manager.query(
      `SELECT * FROM ci_tickets WHERE ci_id = $1 AND (open OR NOT $2::boolean)
        ORDER BY open DESC, updated_at DESC, ticket_id LIMIT $3`,
      [ciId, openOnly, limit],
    );
    return rows.map(toCiTicket);
  }

  // --- transaction plumbing ---------------------------------------------------------------------

  async savepoint<T>(work: () => Promise<T>): Promise<T> {
    if (!this.transactional) throw new Error('a savepoint needs a transaction');
    const name = `cmdb_row_${++this.savepoints}`;
    await this.manager.query(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      await this.manager.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await this.manager.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  }

  async emit<T>(eventType: EventType<T>, event: PendingEvent<T>): Promise<void> {
    if (!this.transactional)
      throw new Error('events are written in the transaction of their change');
    await this.outbox.append(this.manager, eventType, event);
  }
}

/** Transactions over the cmdb's tables; events go to the outbox in the same transaction. */
export class SqlCmdbTransactions implements CmdbTransactions<EntityManager> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  run<T>(work: (store: CmdbStore) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(this.on(manager)));
  }

  on(manager: EntityManager): CmdbStore {
    return new SqlCmdbStore(manager, this.outbox, true);
  }

  reader(): CmdbStore {
    return new SqlCmdbStore(this.dataSource.manager, this.outbox, false);
  }
}
