import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service catalog (services, a category tree, orderable items with their JSON Schema
 * forms) and the ticket fields that point into it: service, category, the item a request
 * was ordered from, and the values of its form.
 */
export class CreateServiceCatalog1765094400000 implements MigrationInterface {
  name = 'CreateServiceCatalog1765094400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE business_services (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '',
        owner_group_id text,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX business_services_name_idx ON business_services (lower(name))`,
    );
    await queryRunner.query(`
      CREATE TABLE ticket_categories (
        id uuid PRIMARY KEY,
        parent_id uuid REFERENCES ticket_categories (id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        form_schema jsonb,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX ticket_categories_sibling_name_idx
         ON ticket_categories (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'), lower(name))`,
    );
    await queryRunner.query(`
      CREATE TABLE catalog_items (
        id uuid PRIMARY KEY,
        service_id uuid NOT NULL REFERENCES business_services (id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '',
        form_schema jsonb NOT NULL,
        default_category_id uuid REFERENCES ticket_categories (id),
        default_impact text NOT NULL CHECK (default_impact IN ('high', 'medium', 'low')),
        default_urgency text NOT NULL CHECK (default_urgency IN ('high', 'medium', 'low')),
        fulfilment_group_id text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX catalog_items_service_idx ON catalog_items (service_id)`);
    await queryRunner.query(`
      ALTER TABLE tickets
        ADD COLUMN service_id uuid REFERENCES business_services (id),
        ADD COLUMN category_id uuid REFERENCES ticket_categories (id),
        ADD COLUMN catalog_item_id uuid REFERENCES catalog_items (id),
        ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `CREATE INDEX tickets_service_created_idx ON tickets (service_id, created_at DESC, id DESC)
         WHERE service_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX tickets_category_created_idx ON tickets (category_id, created_at DESC, id DESC)
         WHERE category_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX tickets_category_created_idx`);
    await queryRunner.query(`DROP INDEX tickets_service_created_idx`);
    await queryRunner.query(`
      ALTER TABLE tickets
        DROP COLUMN custom_fields, DROP COLUMN catalog_item_id,
        DROP COLUMN category_id, DROP COLUMN service_id`);
    await queryRunner.query(`DROP TABLE catalog_items`);
    await queryRunner.query(`DROP TABLE ticket_categories`);
    await queryRunner.query(`DROP TABLE business_services`);
  }
}
