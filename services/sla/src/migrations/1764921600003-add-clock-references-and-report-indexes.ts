import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Compliance reports group outcomes by the ticket's service and the group that held it, and
 * read a period's breaches (by breached_at) and met targets (by stopped_at) through indexes.
 * Clocks started before this migration have neither reference: they report as "none".
 */
export class AddClockReferencesAndReportIndexes1764921600003 implements MigrationInterface {
  name = 'AddClockReferencesAndReportIndexes1764921600003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sla_clocks ADD COLUMN service_id uuid`);
    await queryRunner.query(
      `ALTER TABLE sla_clocks ADD COLUMN group_id text CHECK (length(group_id) BETWEEN 1 AND 200)`,
    );
    await queryRunner.query(
      `COMMENT ON COLUMN sla_clocks.group_id IS 'The assignment group holding the ticket while the clock counted; kept once the clock stops'`,
    );
    await queryRunner.query(
      `CREATE INDEX sla_clocks_breached_at_idx ON sla_clocks (breached_at) WHERE breached_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX sla_clocks_met_at_idx ON sla_clocks (stopped_at) WHERE state = 'met'`,
    );
    // The ticket view reads a ticket's clocks without locking them; the unique constraint's
    // index (ticket_id, target) already serves that.
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX sla_clocks_met_at_idx`);
    await queryRunner.query(`DROP INDEX sla_clocks_breached_at_idx`);
    await queryRunner.query(`ALTER TABLE sla_clocks DROP COLUMN group_id`);
    await queryRunner.query(`ALTER TABLE sla_clocks DROP COLUMN service_id`);
  }
}
