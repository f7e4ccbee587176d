import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Full-text search over title and description in PostgreSQL, Russian and English word forms. */
export class AddTicketSearchVector1764489600000 implements MigrationInterface {
  name = 'AddTicketSearchVector1764489600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE tickets ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('russian', title), 'A') || setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('russian', description), 'B') || setweight(to_tsvector('english', description), 'B')
      ) STORED`);
    await queryRunner.query(
      `CREATE INDEX tickets_search_vector_idx ON tickets USING gin (search_vector)`,
    );
    await queryRunner.query(
      `CREATE INDEX tickets_organization_created_idx ON tickets (organization_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX tickets_status_created_idx ON tickets (status, created_at DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX tickets_status_created_idx`);
    await queryRunner.query(`DROP INDEX tickets_organization_created_idx`);
    await queryRunner.query(`DROP INDEX tickets_search_vector_idx`);
    await queryRunner.query(`ALTER TABLE tickets DROP COLUMN search_vector`);
  }
}
