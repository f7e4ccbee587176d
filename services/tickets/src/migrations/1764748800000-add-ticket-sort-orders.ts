import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lists sorted by last change or by priority. The rank mirrors PRIORITY_RANK in the domain:
 * a generated column keeps the two from drifting per row, and an index serves each order.
 */
export class AddTicketSortOrders1764748800000 implements MigrationInterface {
  name = 'AddTicketSortOrders1764748800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE tickets ADD COLUMN priority_rank smallint GENERATED ALWAYS AS (
        CASE priority
          WHEN 'critical' THEN 5 WHEN 'high' THEN 4 WHEN 'medium' THEN 3 WHEN 'low' THEN 2 ELSE 1
        END
      ) STORED`);
    await queryRunner.query(
      `CREATE INDEX tickets_updated_at_id_idx ON tickets (updated_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX tickets_priority_rank_created_idx ON tickets (priority_rank DESC, created_at DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX tickets_priority_rank_created_idx`);
    await queryRunner.query(`DROP INDEX tickets_updated_at_id_idx`);
    await queryRunner.query(`ALTER TABLE tickets DROP COLUMN priority_rank`);
  }
}
