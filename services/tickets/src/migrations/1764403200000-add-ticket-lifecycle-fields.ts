import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddTicketLifecycleFields1764403200000 implements MigrationInterface {
  name = 'AddTicketLifecycleFields1764403200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE tickets
        ADD COLUMN assignment_group_id text,
        ADD COLUMN assignee_id text,
        ADD COLUMN pending_reason text
          CHECK (pending_reason IN ('awaiting_customer', 'awaiting_vendor', 'awaiting_change')),
        ADD COLUMN resolution_code text,
        ADD COLUMN resolution_notes text NOT NULL DEFAULT '',
        ADD COLUMN resolved_at timestamptz,
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN idempotency_fingerprint text`);
    // Agents' queues: a group's or an assignee's open work, newest first.
    await queryRunner.query(
      `CREATE INDEX tickets_group_status_created_idx ON tickets (assignment_group_id, status, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX tickets_assignee_status_created_idx ON tickets (assignee_id, status, created_at DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX tickets_assignee_status_created_idx`);
    await queryRunner.query(`DROP INDEX tickets_group_status_created_idx`);
    await queryRunner.query(`
      ALTER TABLE tickets
        DROP COLUMN idempotency_fingerprint,
        DROP COLUMN closed_at,
        DROP COLUMN resolved_at,
        DROP COLUMN resolution_notes,
        DROP COLUMN resolution_code,
        DROP COLUMN pending_reason,
        DROP COLUMN assignee_id,
        DROP COLUMN assignment_group_id`);
  }
}
