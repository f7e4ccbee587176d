import type { MigrationInterface, QueryRunner } from 'typeorm';

const DELIVERY_STATUSES = `'pending','sending','delivered','failed','dead','suppressed','held_for_digest','digested'`;

export class CreateNotificationTables1798761600001 implements MigrationInterface {
  name = 'CreateNotificationTables1798761600001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      // Projections of other services' data, kept from their events: the service never calls
      // the gateway for a person's address or language, nor the tickets service per event.
      `CREATE TABLE recipients (
         user_id text PRIMARY KEY,
         email text NOT NULL,
         display_name text NOT NULL,
         language text NOT NULL CHECK (language IN ('ru', 'en')),
         time_zone text NOT NULL,
         roles text[] NOT NULL,
         organization_id text,
         active boolean NOT NULL,
         version integer NOT NULL,
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX recipients_email ON recipients (lower(email))`,
      `COMMENT ON TABLE recipients IS 'The people notifications reach, as the identity directory events last described them'`,
      `CREATE TABLE ticket_projections (
         ticket_id uuid PRIMARY KEY,
         number text NOT NULL,
         type text NOT NULL,
         title text NOT NULL,
         status text NOT NULL,
         priority text NOT NULL,
         requester_id text,
         assignee_id text,
         group_id text,
         watcher_ids text[] NOT NULL DEFAULT '{}',
         version integer NOT NULL,
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX ticket_projections_number ON ticket_projections (upper(number))`,
      `COMMENT ON TABLE ticket_projections IS 'What notifications need of each ticket, kept from ticket events (newest version wins)'`,
      `CREATE TABLE notification_triggers (
         key text PRIMARY KEY,
         event_type text NOT NULL,
         audiences text[] NOT NULL,
         channels text[] NOT NULL,
         template_key text NOT NULL,
         importance text NOT NULL CHECK (importance IN ('normal', 'low')),
         enabled boolean NOT NULL,
         version integer NOT NULL DEFAULT 1,
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX notification_triggers_event_type ON notification_triggers (event_type) WHERE enabled`,
      `CREATE TABLE notification_templates (
         key text NOT NULL,
         locale text NOT NULL CHECK (locale IN ('ru', 'en')),
         subject text NOT NULL,
         body_text text NOT NULL,
         body_html text NOT NULL,
         version integer NOT NULL DEFAULT 1,
         updated_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (key, locale)
       )`,
      `CREATE TABLE notification_preferences (
         user_id text PRIMARY KEY,
         email_enabled boolean NOT NULL,
         in_app_enabled boolean NOT NULL,
         quiet_start text,
         quiet_end text,
         digest_low_priority boolean NOT NULL,
         last_digest_at timestamptz,
         version integer NOT NULL DEFAULT 1,
         updated_at timestamptz NOT NULL DEFAULT now(),
         CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
       )`,
      `CREATE TABLE in_app_notifications (
         id uuid PRIMARY KEY,
         user_id text NOT NULL,
         dedupe_key text NOT NULL UNIQUE,
         trigger_key text NOT NULL,
         event_type text NOT NULL,
         ticket_id uuid,
         ticket_number text,
         title text NOT NULL,
         body text NOT NULL,
         created_at timestamptz NOT NULL,
         read_at timestamptz
       )`,
      `CREATE INDEX in_app_notifications_feed ON in_app_notifications (user_id, created_at DESC, id DESC)`,
      `CREATE INDEX in_app_notifications_unread ON in_app_notifications (user_id) WHERE read_at IS NULL`,
      `CREATE TABLE webhook_subscriptions (
         id uuid PRIMARY KEY,
         name text NOT NULL,
         url text NOT NULL,
         event_types text[] NOT NULL,
         secret text NOT NULL,
         active boolean NOT NULL,
         idempotency_key text UNIQUE,
         version integer NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
      `COMMENT ON COLUMN webhook_subscriptions.secret IS 'Signs every delivery (HMAC-SHA256); shown to the subscriber once'`,
      // One row per message to send through one channel; the dedupe key (event, trigger,
      // recipient, channel) makes a replayed event send nothing twice.
      `CREATE TABLE deliveries (
         id uuid PRIMARY KEY,
         dedupe_key text NOT NULL UNIQUE,
         channel text NOT NULL CHECK (channel IN ('email', 'webhook', 'in_app')),
         status text NOT NULL CHECK (status IN (${DELIVERY_STATUSES})),
         recipient_id text NOT NULL,
         address text NOT NULL,
         event_id text NOT NULL,
         event_type text NOT NULL,
         ticket_id uuid,
         trigger_key text NOT NULL DEFAULT '',
         importance text NOT NULL DEFAULT 'normal',
         subject text NOT NULL DEFAULT '',
         content jsonb NOT NULL,
         attempts integer NOT NULL DEFAULT 0,
         max_attempts integer NOT NULL,
         next_attempt_at timestamptz,
         lease_until timestamptz,
         last_error text,
         reason text,
         delivered_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status IN ('pending', 'failed')`,
      `CREATE INDEX deliveries_leased ON deliveries (lease_until) WHERE status = 'sending'`,
      `CREATE INDEX deliveries_log ON deliveries (created_at DESC, id DESC)`,
      `CREATE INDEX deliveries_ticket ON deliveries (ticket_id, created_at DESC) WHERE ticket_id IS NOT NULL`,
      `CREATE INDEX deliveries_held ON deliveries (recipient_id, created_at) WHERE status = 'held_for_digest'`,
      `CREATE TABLE delivery_attempts (
         delivery_id uuid NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
         number integer NOT NULL,
         started_at timestamptz NOT NULL,
         finished_at timestamptz NOT NULL,
         outcome text NOT NULL CHECK (outcome IN ('delivered', 'failed')),
         error text,
         response_code integer NOT NULL DEFAULT 0,
         PRIMARY KEY (delivery_id, number)
       )`,
      // Message-IDs of the mail we sent, so a reply's In-Reply-To / References find the ticket.
      `CREATE TABLE email_threads (
         message_id text PRIMARY KEY,
         ticket_id uuid NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now()
       )`,
      `CREATE TABLE inbound_emails (
         id uuid PRIMARY KEY,
         message_id text NOT NULL UNIQUE,
         from_address text NOT NULL,
         subject text NOT NULL,
         received_at timestamptz NOT NULL,
         outcome text NOT NULL CHECK (outcome IN ('ticket_created', 'comment_added', 'dropped', 'rejected')),
         reason text,
         ticket_id uuid,
         matched_by text,
         attachments integer NOT NULL DEFAULT 0
       )`,
      `CREATE INDEX inbound_emails_log ON inbound_emails (received_at DESC, id DESC)`,
      `CREATE INDEX inbound_emails_sender ON inbound_emails (from_address, received_at DESC)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'inbound_emails',
      'email_threads',
      'delivery_attempts',
      'deliveries',
      'webhook_subscriptions',
      'in_app_notifications',
      'notification_preferences',
      'notification_templates',
      'notification_triggers',
      'ticket_projections',
      'recipients',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
