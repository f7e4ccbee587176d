import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditEvents1767225600003 implements MigrationInterface {
  name = 'CreateAuditEvents1767225600003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY,
        at timestamptz NOT NULL,
        actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'service_account', 'anonymous', 'system')),
        actor_id text,
        action text NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
        target_type text CHECK (target_type IN ('user', 'organization', 'service_account', 'api_key')),
        target_id text,
        outcome text NOT NULL CHECK (outcome IN ('success', 'failure')),
        ip text,
        user_agent text CHECK (length(user_agent) <= 500),
        details jsonb NOT NULL DEFAULT '{}',
        trace_id text
      )`);
    await queryRunner.query(`CREATE INDEX audit_events_at_idx ON audit_events (at DESC, id DESC)`);
    await queryRunner.query(
      `CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX audit_events_target_idx ON audit_events (target_id, at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX audit_events_action_idx ON audit_events (action, at DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_events`);
  }
}
