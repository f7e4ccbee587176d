import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The one text every item is searched by (ListItems' `query`), indexed by trigrams. */
export const ITEM_SEARCH_TEXT = `lower(name || ' ' || coalesce(external_id, '') || ' ' || coalesce(inventory_number, '') || ' ' || coalesce(serial_number, ''))`;

const up = [
  // Trusted since PostgreSQL 13: a database owner may create it without superuser rights.
  `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
  `CREATE TABLE ci_types (
     id uuid PRIMARY KEY,
     key text NOT NULL,
     name_en text NOT NULL,
     name_ru text NOT NULL,
     attribute_schema jsonb NOT NULL,
     asset boolean NOT NULL DEFAULT false,
     business_service boolean NOT NULL DEFAULT false,
     licence boolean NOT NULL DEFAULT false,
     version integer NOT NULL DEFAULT 1,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL
   )`,
  `CREATE UNIQUE INDEX ci_types_key_key ON ci_types (key)`,
  `COMMENT ON TABLE ci_types IS 'Kinds of configuration items, defined as data: attributes by JSON Schema'`,

  `CREATE TABLE locations (
     id uuid PRIMARY KEY,
     name text NOT NULL,
     kind text NOT NULL CHECK (kind IN ('warehouse', 'office', 'data_centre', 'site')),
     parent_id uuid REFERENCES locations (id),
     address text NOT NULL DEFAULT '',
     version integer NOT NULL DEFAULT 1,
     created_at timestamptz NOT NULL
   )`,
  // A top-level location has no parent; the nil UUID stands for "none" so names stay unique there too.
  `CREATE UNIQUE INDEX locations_name_per_parent_key
     ON locations (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name))`,

  `CREATE TABLE configuration_items (
     id uuid PRIMARY KEY,
     type_id uuid NOT NULL REFERENCES ci_types (id),
     name text NOT NULL,
     external_id text,
     attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
     status text NOT NULL CHECK (status IN ('planned', 'active', 'maintenance', 'retired')),
     owner_id text,
     support_group_id text,
     location_id uuid REFERENCES locations (id),
     asset_state text CHECK (asset_state IN ('ordered', 'in_stock', 'in_use', 'in_repair', 'retired', 'disposed')),
     inventory_number text,
     serial_number text,
     holder_id text,
     asset_location_id uuid REFERENCES locations (id),
     warranty_end date,
     contract_end date,
     seats integer CHECK (seats >= 0),
     idempotency_key text,
     version integer NOT NULL DEFAULT 1,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL
   )`,
  `COMMENT ON COLUMN configuration_items.asset_state IS 'Set for items of asset types only: the stock lifecycle state'`,
  `COMMENT ON COLUMN configuration_items.asset_location_id IS 'Where an asset physically is (stock journal, inventories); location_id is where the item is recorded to serve'`,
  `CREATE UNIQUE INDEX configuration_items_external_id_key
     ON configuration_items (type_id, external_id) WHERE external_id IS NOT NULL`,
  // Inventory numbers are compared as scanners read them: in upper case.
  `CREATE UNIQUE INDEX configuration_items_inventory_number_key
     ON configuration_items (upper(inventory_number)) WHERE inventory_number IS NOT NULL`,
  `CREATE UNIQUE INDEX configuration_items_idempotency_key
     ON configuration_items (idempotency_key) WHERE idempotency_key IS NOT NULL`,
  // Keyset paging is by (lower(name), id), with and without the filters people use most.
  `CREATE INDEX configuration_items_name_idx ON configuration_items (lower(name), id)`,
  `CREATE INDEX configuration_items_type_name_idx ON configuration_items (type_id, lower(name), id)`,
  `CREATE INDEX configuration_items_status_name_idx ON configuration_items (status, lower(name), id)`,
  `CREATE INDEX configuration_items_asset_state_idx
     ON configuration_items (asset_state, lower(name), id) WHERE asset_state IS NOT NULL`,
  `CREATE INDEX configuration_items_holder_idx
     ON configuration_items (holder_id, lower(name), id) WHERE holder_id IS NOT NULL`,
  `CREATE INDEX configuration_items_location_idx
     ON configuration_items (location_id) WHERE location_id IS NOT NULL`,
  `CREATE INDEX configuration_items_asset_location_idx
     ON configuration_items (asset_location_id, asset_state) WHERE asset_location_id IS NOT NULL`,
  `CREATE INDEX configuration_items_serial_number_idx
     ON configuration_items (serial_number) WHERE serial_number IS NOT NULL`,
  `CREATE INDEX configuration_items_search_idx
     ON configuration_items USING gin ((${ITEM_SEARCH_TEXT}) gin_trgm_ops)`,

  `CREATE TABLE ci_history (
     id bigserial PRIMARY KEY,
     ci_id uuid NOT NULL REFERENCES configuration_items (id),
     version integer NOT NULL,
     action text NOT NULL,
     actor_id text NOT NULL,
     changes jsonb NOT NULL DEFAULT '[]'::jsonb,
     occurred_at timestamptz NOT NULL
   )`,
  `CREATE INDEX ci_history_item_idx ON ci_history (ci_id, id DESC)`,

  `CREATE TABLE ci_relationships (
     id uuid PRIMARY KEY,
     source_id uuid NOT NULL REFERENCES configuration_items (id),
     target_id uuid NOT NULL REFERENCES configuration_items (id),
     type text NOT NULL CHECK (type IN ('runs_on', 'depends_on', 'connected_to', 'hosted_in', 'uses_licence')),
     created_at timestamptz NOT NULL,
     created_by text NOT NULL,
     CHECK (source_id <> target_id)
   )`,
  `CREATE UNIQUE INDEX ci_relationships_ends_key ON ci_relationships (source_id, target_id, type)`,
  // One index per direction of impact analysis: each level of the walk is one lookup per frontier id
  // (index-only). Network links are also walked against their direction; their own small indexes
  // keep those lookups from probing every relationship of the frontier a second time.
  `CREATE INDEX ci_relationships_target_idx ON ci_relationships (target_id, type) INCLUDE (source_id)`,
  `CREATE INDEX ci_relationships_source_idx ON ci_relationships (source_id, type) INCLUDE (target_id)`,
  `CREATE INDEX ci_relationships_link_source_idx ON ci_relationships (source_id) INCLUDE (target_id)
     WHERE type = 'connected_to'`,
  `CREATE INDEX ci_relationships_link_target_idx ON ci_relationships (target_id) INCLUDE (source_id)
     WHERE type = 'connected_to'`,

  `CREATE TABLE asset_movements (
     id uuid PRIMARY KEY,
     asset_id uuid NOT NULL REFERENCES configuration_items (id),
     kind text NOT NULL,
     from_state text,
     to_state text NOT NULL,
     from_location_id uuid,
     to_location_id uuid,
     from_holder_id text,
     to_holder_id text,
     actor_id text NOT NULL,
     reason text NOT NULL DEFAULT '',
     occurred_at timestamptz NOT NULL
   )`,
  `COMMENT ON TABLE asset_movements IS 'The stock movement journal: one line per lifecycle action of an asset, never changed'`,
  `CREATE INDEX asset_movements_asset_idx ON asset_movements (asset_id, occurred_at DESC, id DESC)`,
  `CREATE INDEX asset_movements_from_location_idx
     ON asset_movements (from_location_id, occurred_at DESC) WHERE from_location_id IS NOT NULL`,
  `CREATE INDEX asset_movements_to_location_idx
     ON asset_movements (to_location_id, occurred_at DESC) WHERE to_location_id IS NOT NULL`,

  `CREATE TABLE inventory_campaigns (
     id uuid PRIMARY KEY,
     name text NOT NULL,
     location_id uuid NOT NULL REFERENCES locations (id),
     status text NOT NULL CHECK (status IN ('open', 'closed')),
     expected integer NOT NULL,
     found integer,
     discrepancies jsonb,
     opened_by text NOT NULL,
     opened_at timestamptz NOT NULL,
     closed_by text,
     closed_at timestamptz
   )`,
  `COMMENT ON COLUMN inventory_campaigns.discrepancies IS 'Frozen when the campaign closes; computed live while it is open'`,
  `CREATE TABLE inventory_expected_assets (
     campaign_id uuid NOT NULL REFERENCES inventory_campaigns (id) ON DELETE CASCADE,
     asset_id uuid NOT NULL,
     inventory_number text NOT NULL,
     PRIMARY KEY (campaign_id, asset_id)
   )`,
  `COMMENT ON TABLE inventory_expected_assets IS 'What the CMDB had at the location when the campaign opened'`,
  `CREATE TABLE inventory_scans (
     campaign_id uuid NOT NULL REFERENCES inventory_campaigns (id) ON DELETE CASCADE,
     inventory_number text NOT NULL,
     scanned_by text NOT NULL,
     scanned_at timestamptz NOT NULL,
     PRIMARY KEY (campaign_id, inventory_number)
   )`,

  `CREATE TABLE ci_tickets (
     ticket_id text NOT NULL,
     ci_id uuid NOT NULL,
     number text NOT NULL,
     type text NOT NULL,
     title text NOT NULL,
     status text NOT NULL,
     open boolean NOT NULL,
     updated_at timestamptz NOT NULL,
     PRIMARY KEY (ticket_id, ci_id)
   )`,
  `COMMENT ON TABLE ci_tickets IS 'Projection of ticket events: which tickets name which configuration items'`,
  `CREATE INDEX ci_tickets_item_idx ON ci_tickets (ci_id, open, updated_at DESC)`,
  `CREATE TABLE ci_ticket_versions (
     ticket_id text PRIMARY KEY,
     version integer NOT NULL
   )`,
  `COMMENT ON TABLE ci_ticket_versions IS 'The newest ticket version projected, per ticket that ever named an item: older events change nothing'`,
];

const down = [
  'DROP TABLE ci_ticket_versions',
  'DROP TABLE ci_tickets',
  'DROP TABLE inventory_scans',
  'DROP TABLE inventory_expected_assets',
  'DROP TABLE inventory_campaigns',
  'DROP TABLE asset_movements',
  'DROP TABLE ci_relationships',
  'DROP TABLE ci_history',
  'DROP TABLE configuration_items',
  'DROP TABLE locations',
  'DROP TABLE ci_types',
];

export class CreateConfigurationItems1766880000001 implements MigrationInterface {
  name = 'CreateConfigurationItems1766880000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of down) await queryRunner.query(statement);
  }
}
