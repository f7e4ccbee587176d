import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalog items become editable: each change bumps a version, which the API gives as the ETag
 * so that two administrators editing one item cannot overwrite each other unknowingly.
 */
export class AddCatalogItemVersions1765612800000 implements MigrationInterface {
  name = 'AddCatalogItemVersions1765612800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE catalog_items
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        ADD COLUMN updated_at timestamptz`);
    await queryRunner.query(`UPDATE catalog_items SET updated_at = created_at`);
    await queryRunner.query(`ALTER TABLE catalog_items ALTER COLUMN updated_at SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE catalog_items DROP COLUMN updated_at, DROP COLUMN version`,
    );
  }
}
