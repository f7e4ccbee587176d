import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Agents' saved list queries (queues), their own or shared. */
export class CreateSavedViews1765267200000 implements MigrationInterface {
  name = 'CreateSavedViews1765267200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE saved_views (
        id uuid PRIMARY KEY,
        owner_id text NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        shared boolean NOT NULL DEFAULT false,
        query jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX saved_views_owner_name_idx ON saved_views (owner_id, lower(name))`,
    );
    await queryRunner.query(
      `CREATE INDEX saved_views_shared_idx ON saved_views (shared) WHERE shared`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE saved_views`);
  }
}
