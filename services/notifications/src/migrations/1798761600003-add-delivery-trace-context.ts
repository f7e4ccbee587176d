import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trace of the event a delivery came from: sending it later (after quiet hours, a retry,
 * another replica) continues that trace, so one trace runs from the change to the message.
 */
export class AddDeliveryTraceContext1798761600003 implements MigrationInterface {
  name = 'AddDeliveryTraceContext1798761600003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE deliveries ADD COLUMN trace_headers jsonb NOT NULL DEFAULT '{}'::jsonb`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE deliveries DROP COLUMN trace_headers`);
  }
}
