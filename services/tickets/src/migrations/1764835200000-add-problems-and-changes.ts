import type { MigrationInterface, QueryRunner } from 'typeorm';

const INCIDENT_STATUSES = `'new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed', 'cancelled'`;
const PROBLEM_STATUSES = `'new', 'investigating', 'known_error', 'resolved', 'closed', 'cancelled'`;
const CHANGE_STATUSES = `'draft', 'assessment', 'approval', 'scheduled', 'implementing', 'review', 'closed', 'rejected', 'cancelled'`;

/**
 * Problems and changes share the tickets table: one numbering, history, conversation and list
 * for every record type. A status must belong to its type's lifecycle; only changes carry a
 * change kind. Approval rounds live beside the change, one row per round, votes inside.
 */
export class AddProblemsAndChanges1764835200000 implements MigrationInterface {
  name = 'AddProblemsAndChanges1764835200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE ticket_number_problem_seq`);
    await queryRunner.query(`CREATE SEQUENCE ticket_number_change_seq`);
    await queryRunner.query(`
      ALTER TABLE tickets
        DROP CONSTRAINT tickets_type_check,
        DROP CONSTRAINT tickets_status_check,
        ADD CONSTRAINT tickets_type_check
          CHECK (type IN ('incident', 'service_request', 'problem', 'change')),
        ADD CONSTRAINT tickets_status_of_type_check CHECK (
          (type IN ('incident', 'service_request') AND status IN (${INCIDENT_STATUSES}))
          OR (type = 'problem' AND status IN (${PROBLEM_STATUSES}))
          OR (type = 'change' AND status IN (${CHANGE_STATUSES}))),
        ADD COLUMN root_cause text NOT NULL DEFAULT '' CHECK (length(root_cause) <= 20000),
        ADD COLUMN workaround text NOT NULL DEFAULT '' CHECK (length(workaround) <= 20000),
        ADD COLUMN known_error_at timestamptz,
        ADD COLUMN change_kind text CHECK (change_kind IN ('standard', 'normal', 'emergency')),
        ADD CONSTRAINT tickets_change_kind_of_changes_check
          CHECK ((type = 'change') = (change_kind IS NOT NULL)),
        ADD COLUMN risk text CHECK (risk IN ('low', 'medium', 'high')),
        ADD COLUMN backout_plan text NOT NULL DEFAULT '' CHECK (length(backout_plan) <= 20000),
        ADD COLUMN planned_start timestamptz,
        ADD COLUMN planned_end timestamptz,
        ADD CONSTRAINT tickets_planned_window_check CHECK (planned_start < planned_end),
        ADD COLUMN approval_id uuid,
        ADD COLUMN implementation_started_at timestamptz,
        ADD COLUMN implementation_outcome text
          CHECK (implementation_outcome IN ('successful', 'partially_successful', 'failed', 'backed_out')),
        ADD COLUMN implementation_notes text NOT NULL DEFAULT ''
          CHECK (length(implementation_notes) <= 20000),
        ADD COLUMN completed_at timestamptz,
        ADD COLUMN configuration_item_ids text[] NOT NULL DEFAULT '{}'`);
    // Which changes touch a configuration item: the CMDB's impact view asks this.
    await queryRunner.query(
      `CREATE INDEX tickets_configuration_item_ids_idx ON tickets USING gin (configuration_item_ids)`,
    );
    await queryRunner.query(`
      CREATE TABLE change_approvals (
        id uuid PRIMARY KEY,
        change_id uuid NOT NULL REFERENCES tickets (id),
        approver_ids text[] NOT NULL,
        cab_group_id text,
        quorum text NOT NULL CHECK (quorum IN ('any', 'all')),
        votes jsonb NOT NULL DEFAULT '[]',
        outcome text NOT NULL CHECK (outcome IN ('pending', 'approved', 'rejected')),
        opened_at timestamptz NOT NULL,
        decided_at timestamptz,
        CHECK (cardinality(approver_ids) > 0 OR cab_group_id IS NOT NULL)
      )`);
    await queryRunner.query(
      `CREATE INDEX change_approvals_change_id_idx ON change_approvals (change_id, opened_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE change_approvals`);
    await queryRunner.query(`DELETE FROM ticket_history WHERE ticket_id IN
      (SELECT id FROM tickets WHERE type IN ('problem', 'change'))`);
    await queryRunner.query(`DELETE FROM ticket_comments WHERE ticket_id IN
      (SELECT id FROM tickets WHERE type IN ('problem', 'change'))`);
    await queryRunner.query(`DELETE FROM tickets WHERE type IN ('problem', 'change')`);
    await queryRunner.query(`
      ALTER TABLE tickets
        DROP CONSTRAINT tickets_status_of_type_check,
        DROP CONSTRAINT tickets_type_check,
        DROP COLUMN root_cause, DROP COLUMN workaround, DROP COLUMN known_error_at,
        DROP COLUMN change_kind, DROP COLUMN risk, DROP COLUMN backout_plan,
        DROP COLUMN planned_start, DROP COLUMN planned_end, DROP COLUMN approval_id,
        DROP COLUMN implementation_started_at, DROP COLUMN implementation_outcome,
        DROP COLUMN implementation_notes, DROP COLUMN completed_at,
        DROP COLUMN configuration_item_ids,
        ADD CONSTRAINT tickets_type_check CHECK (type IN ('incident', 'service_request')),
        ADD CONSTRAINT tickets_status_check CHECK (status IN (${INCIDENT_STATUSES}))`);
    await queryRunner.query(`DROP SEQUENCE ticket_number_change_seq`);
    await queryRunner.query(`DROP SEQUENCE ticket_number_problem_seq`);
  }
}
