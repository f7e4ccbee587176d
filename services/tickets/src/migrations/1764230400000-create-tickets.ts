import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTickets1764230400000 implements MigrationInterface {
  name = 'CreateTickets1764230400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE ticket_number_incident_seq`);
    await queryRunner.query(`CREATE SEQUENCE ticket_number_service_request_seq`);
    await queryRunner.query(`
      CREATE TABLE tickets (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        type text NOT NULL CHECK (type IN ('incident', 'service_request')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '',
        status text NOT NULL CHECK (status IN ('new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed', 'cancelled')),
        impact text NOT NULL CHECK (impact IN ('high', 'medium', 'low')),
        urgency text NOT NULL CHECK (urgency IN ('high', 'medium', 'low')),
        priority text NOT NULL CHECK (priority IN ('critical', 'high', 'medium', 'low', 'planning')),
        channel text NOT NULL CHECK (channel IN ('portal', 'email', 'phone', 'chat', 'api', 'web_form')),
        requester_id text NOT NULL,
        organization_id text,
        idempotency_key text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT tickets_requester_idempotency_key UNIQUE (requester_id, idempotency_key)
      )`);
    // Keyset pagination: newest first overall and per requester.
    await queryRunner.query(
      `CREATE INDEX tickets_created_at_id_idx ON tickets (created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX tickets_requester_created_at_id_idx ON tickets (requester_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE ticket_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES tickets (id),
        occurred_at timestamptz NOT NULL,
        actor_id text NOT NULL,
        action text NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await queryRunner.query(
      `CREATE INDEX ticket_history_ticket_id_idx ON ticket_history (ticket_id, id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ticket_history`);
    await queryRunner.query(`DROP TABLE tickets`);
    await queryRunner.query(`DROP SEQUENCE ticket_number_service_request_seq`);
    await queryRunner.query(`DROP SEQUENCE ticket_number_incident_seq`);
  }
}
