/**
 * DDL of the outbox and inbox tables. Each service owns its schema, so each service's own
 * migration calls these; the shape is shared so the relay and consumers can rely on it.
 */
export const createMessagingTablesSql = [
  `CREATE TABLE outbox_events (
     id uuid PRIMARY KEY,
     position bigserial NOT NULL UNIQUE,
     topic text NOT NULL,
     partition_key text NOT NULL,
     type text NOT NULL,
     source text NOT NULL,
     subject text,
     payload jsonb NOT NULL,
     trace_headers jsonb NOT NULL DEFAULT '{}'::jsonb,
     occurred_at timestamptz NOT NULL,
     attempts integer NOT NULL DEFAULT 0,
     last_error text
   )`,
  `COMMENT ON TABLE outbox_events IS 'Events written in the transaction of their change; the relay publishes them to Kafka in position order and deletes them'`,
  `CREATE TABLE inbox_events (
     consumer text NOT NULL,
     event_id text NOT NULL,
     event_type text NOT NULL,
     processed_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (consumer, event_id)
   )`,
  `COMMENT ON TABLE inbox_events IS 'Event ids each consumer has applied, recorded in the transaction of the effect'`,
];

export const dropMessagingTablesSql = ['DROP TABLE inbox_events', 'DROP TABLE outbox_events'];
