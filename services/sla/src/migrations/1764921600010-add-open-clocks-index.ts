import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open-clocks gauge counts running and paused clocks per target, breached or not, through
 * this index alone.
 */
export class AddOpenClocksIndex1764921600010 implements MigrationInterface {
  name = 'AddOpenClocksIndex1764921600010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX sla_clocks_open_idx ON sla_clocks (target, state, breached_at) WHERE state IN ('running', 'paused')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX sla_clocks_open_idx`);
  }
}
