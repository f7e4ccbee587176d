import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the requester reported a ticket, for tickets logged after the fact. Null stands for
 * created_at, so existing rows (and bulk loads that do not know the column) need no rewrite.
 */
export class AddTicketReportedAt1765180800000 implements MigrationInterface {
  name = 'AddTicketReportedAt1765180800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE tickets
        ADD COLUMN reported_at timestamptz,
        ADD CONSTRAINT tickets_reported_before_created_check CHECK (reported_at <= created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tickets DROP COLUMN reported_at`);
  }
}
