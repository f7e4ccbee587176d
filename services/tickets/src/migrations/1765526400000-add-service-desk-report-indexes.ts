import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The service desk report reads first responses, resolutions and ratings by the time they
 * happened (a period of up to 92 days); without these it would read every ticket ever filed.
 * Partial: a ticket not yet answered, resolved or rated is not in the index at all.
 */
export class AddServiceDeskReportIndexes1765526400000 implements MigrationInterface {
  name = 'AddServiceDeskReportIndexes1765526400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX tickets_first_responded_at_idx ON tickets (first_responded_at)
        WHERE first_responded_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX tickets_resolved_at_idx ON tickets (resolved_at) WHERE resolved_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX tickets_rated_at_idx ON tickets (rated_at) WHERE rated_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX tickets_rated_at_idx`);
    await queryRunner.query(`DROP INDEX tickets_resolved_at_idx`);
    await queryRunner.query(`DROP INDEX tickets_first_responded_at_idx`);
  }
}
