import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSlaCalendarsPoliciesAndClocks1764921600001 implements MigrationInterface {
  name = 'CreateSlaCalendarsPoliciesAndClocks1764921600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sla_calendars (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        definition jsonb NOT NULL CHECK (definition->>'kind' IN ('24x7', 'working_hours')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(
      `COMMENT ON COLUMN sla_calendars.definition IS 'Time zone, working hours per ISO weekday, holidays and moved working days; see domain/business-calendar.ts'`,
    );
    await queryRunner.query(`
      CREATE TABLE sla_policies (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('sla', 'ola')),
        position integer NOT NULL,
        conditions jsonb NOT NULL DEFAULT '{}'::jsonb,
        targets jsonb NOT NULL,
        warning_thresholds jsonb NOT NULL DEFAULT '[]'::jsonb,
        pause_rules jsonb NOT NULL DEFAULT '[]'::jsonb,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(
      `COMMENT ON COLUMN sla_policies.position IS 'Policies are tried in ascending position; the first whose conditions match applies'`,
    );
    await queryRunner.query(`
      CREATE TABLE sla_clocks (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL,
        ticket_number text NOT NULL,
        target text NOT NULL CHECK (target IN ('first_response', 'resolution', 'ola')),
        policy_id uuid NOT NULL REFERENCES sla_policies (id),
        calendar_id uuid NOT NULL REFERENCES sla_calendars (id),
        state text NOT NULL CHECK (state IN ('running', 'paused', 'met', 'breached', 'cancelled')),
        target_ms bigint NOT NULL CHECK (target_ms > 0),
        elapsed_ms bigint NOT NULL CHECK (elapsed_ms >= 0),
        running_since timestamptz,
        started_at timestamptz NOT NULL,
        due_at timestamptz,
        next_event_at timestamptz,
        warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
        breached_at timestamptz,
        stopped_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT sla_clocks_ticket_target UNIQUE (ticket_id, target),
        CONSTRAINT sla_clocks_running_since CHECK ((state = 'running') = (running_since IS NOT NULL))
      )`);
    // Breach detection reads this index by range (next_event_at <= now + lookahead); clocks with
    // nothing pending (stopped, or paused before a warning) are not in it at all.
    await queryRunner.query(
      `CREATE INDEX sla_clocks_next_event_at_idx ON sla_clocks (next_event_at) WHERE next_event_at IS NOT NULL`,
    );
    await queryRunner.query(
      `COMMENT ON COLUMN sla_clocks.next_event_at IS 'The earliest unsent warning or unrecorded breach; null when none is pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE sla_clocks`);
    await queryRunner.query(`DROP TABLE sla_policies`);
    await queryRunner.query(`DROP TABLE sla_calendars`);
  }
}
