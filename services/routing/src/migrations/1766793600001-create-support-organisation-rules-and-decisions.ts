import type { MigrationInterface, QueryRunner } from 'typeorm';

const up = [
  `CREATE TABLE support_lines (
     id uuid PRIMARY KEY,
     name text NOT NULL,
     level integer NOT NULL CHECK (level BETWEEN 1 AND 9),
     version integer NOT NULL DEFAULT 1,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL
   )`,
  `CREATE UNIQUE INDEX support_lines_name_key ON support_lines (lower(name))`,
  `CREATE TABLE support_groups (
     id uuid PRIMARY KEY,
     name text NOT NULL,
     line_id uuid NOT NULL REFERENCES support_lines (id),
     strategy text NOT NULL CHECK (strategy IN ('round_robin', 'least_loaded', 'skills_match')),
     supervisor_id text,
     escalation_group_id uuid REFERENCES support_groups (id),
     escalate_on_sla_warning boolean NOT NULL DEFAULT false,
     auto_assign boolean NOT NULL DEFAULT true,
     version integer NOT NULL DEFAULT 1,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL
   )`,
  `CREATE UNIQUE INDEX support_groups_name_key ON support_groups (lower(name))`,
  `CREATE TABLE agents (
     id uuid PRIMARY KEY,
     user_id text NOT NULL UNIQUE,
     display_name text NOT NULL,
     skills jsonb NOT NULL DEFAULT '{}',
     capacity integer NOT NULL CHECK (capacity >= 0),
     availability text NOT NULL CHECK (availability IN ('online', 'away', 'off')),
     shift jsonb,
     last_assigned_at timestamptz,
     version integer NOT NULL DEFAULT 1,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL
   )`,
  `CREATE INDEX agents_display_name_idx ON agents (lower(display_name), id)`,
  `CREATE TABLE agent_group_members (
     agent_id uuid NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
     group_id uuid NOT NULL REFERENCES support_groups (id),
     PRIMARY KEY (group_id, agent_id)
   )`,
  `CREATE INDEX agent_group_members_agent_idx ON agent_group_members (agent_id)`,
  `CREATE TABLE category_skills (
     category_id text PRIMARY KEY,
     skills jsonb NOT NULL,
     updated_at timestamptz NOT NULL
   )`,
  `CREATE TABLE routing_rules (
     id uuid PRIMARY KEY,
     name text NOT NULL,
     rule_order integer NOT NULL,
     enabled boolean NOT NULL,
     conditions jsonb NOT NULL,
     actions jsonb NOT NULL,
     stop_processing boolean NOT NULL,
     version integer NOT NULL,
     updated_by text NOT NULL,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL,
     deleted_at timestamptz
   )`,
  `CREATE INDEX routing_rules_order_idx ON routing_rules (rule_order, id) WHERE deleted_at IS NULL`,
  `CREATE TABLE routing_rule_versions (
     rule_id uuid NOT NULL REFERENCES routing_rules (id),
     version integer NOT NULL,
     rule jsonb NOT NULL,
     saved_by text NOT NULL,
     saved_at timestamptz NOT NULL,
     PRIMARY KEY (rule_id, version)
   )`,
  `CREATE TABLE routing_settings (
     id smallint PRIMARY KEY CHECK (id = 1),
     classification_threshold double precision NOT NULL CHECK (classification_threshold BETWEEN 0 AND 1),
     default_group_id uuid REFERENCES support_groups (id),
     version integer NOT NULL
   )`,
  `INSERT INTO routing_settings (id, classification_threshold, default_group_id, version) VALUES (1, 0.6, NULL, 1)`,
  // What routing knows of every ticket from the ticket events: where it is, whose it is, how
  // heavy it weighs on its assignee, and whether it waits in its group's queue.
  `CREATE TABLE routed_tickets (
     ticket_id uuid PRIMARY KEY,
     ticket_number text NOT NULL,
     facts jsonb NOT NULL,
     -- The ticket's assignment group as the tickets service has it: a routing group's id, or
     -- any other group name a person typed in.
     group_id text,
     assignee_id text,
     weight integer NOT NULL,
     open boolean NOT NULL,
     queued_at timestamptz,
     updated_at timestamptz NOT NULL
   )`,
  `CREATE INDEX routed_tickets_open_assignee_idx ON routed_tickets (assignee_id) INCLUDE (weight) WHERE open AND assignee_id IS NOT NULL`,
  `CREATE INDEX routed_tickets_queue_idx ON routed_tickets (group_id, queued_at) WHERE queued_at IS NOT NULL`,
  `CREATE TABLE routing_decisions (
     id uuid PRIMARY KEY,
     ticket_id uuid NOT NULL,
     ticket_number text NOT NULL,
     trigger text NOT NULL,
     group_id uuid,
     agent_id uuid,
     assignee_id text,
     priority text,
     category_id text,
     add_tags text[] NOT NULL,
     queued boolean NOT NULL,
     steps jsonb NOT NULL,
     decided_at timestamptz NOT NULL,
     duration_us bigint NOT NULL
   )`,
  `CREATE INDEX routing_decisions_ticket_idx ON routing_decisions (ticket_id, decided_at)`,
  `CREATE TABLE escalations (
     id uuid PRIMARY KEY,
     ticket_id uuid NOT NULL,
     ticket_number text NOT NULL,
     kind text NOT NULL CHECK (kind IN ('functional', 'hierarchical')),
     trigger text NOT NULL CHECK (trigger IN ('agent', 'sla_warning', 'sla_breach')),
     from_group_id uuid,
     to_group_id uuid,
     assignee_id text,
     supervisor_id text,
     reason text NOT NULL,
     actor_id text,
     decision_id uuid,
     idempotency_key text UNIQUE,
     occurred_at timestamptz NOT NULL
   )`,
  `CREATE INDEX escalations_ticket_idx ON escalations (ticket_id, occurred_at)`,
  // Resolved tickets as the classifier learns from them.
  `CREATE TABLE training_examples (
     ticket_id uuid PRIMARY KEY,
     title text NOT NULL,
     description text NOT NULL,
     category_id text,
     group_id text,
     resolved_at timestamptz NOT NULL
   )`,
  `CREATE TABLE classifier_models (
     id uuid PRIMARY KEY,
     trained_at timestamptz NOT NULL,
     trained_by text NOT NULL,
     trained_on integer NOT NULL,
     held_out integer NOT NULL,
     model jsonb NOT NULL
   )`,
  `CREATE INDEX classifier_models_trained_at_idx ON classifier_models (trained_at DESC)`,
];

const down = [
  'DROP TABLE classifier_models',
  'DROP TABLE training_examples',
  'DROP TABLE escalations',
  'DROP TABLE routing_decisions',
  'DROP TABLE routed_tickets',
  'DROP TABLE routing_settings',
  'DROP TABLE routing_rule_versions',
  'DROP TABLE routing_rules',
  'DROP TABLE category_skills',
  'DROP TABLE agent_group_members',
  'DROP TABLE agents',
  'DROP TABLE support_groups',
  'DROP TABLE support_lines',
];

export class CreateSupportOrganisationRulesAndDecisions1766793600001 implements MigrationInterface {
  name = 'CreateSupportOrganisationRulesAndDecisions1766793600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of down) await queryRunner.query(statement);
  }
}
