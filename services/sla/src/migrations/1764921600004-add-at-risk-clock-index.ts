import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervisor's list of clocks at risk (running, warned, not breached) reads them earliest
 * due first through this index, which holds only those clocks; today's breaches are read
 * through sla_clocks_breached_at_idx.
 */
export class AddAtRiskClockIndex1764921600004 implements MigrationInterface {
  name = 'AddAtRiskClockIndex1764921600004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX sla_clocks_at_risk_idx ON sla_clocks (due_at, id)
        WHERE state = 'running' AND breached_at IS NULL AND warnings @? '$[*] ? (@.firedAt != null)'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX sla_clocks_at_risk_idx`);
  }
}
