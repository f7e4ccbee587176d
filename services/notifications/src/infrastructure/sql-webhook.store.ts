import type { DataSource } from 'typeorm';
import type {
  NewWebhookSubscription,
  WebhookStore,
  WebhookSubscriptionRecord,
} from '../application/ports/webhook-store';

interface SubscriptionRow {
  id: string;
  name: string;
  url: string;
  event_types: string[];
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, url, event_types, active, version, created_at, updated_at';

function recordOf(row: SubscriptionRow): WebhookSubscriptionRecord {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    eventTypes: row.event_types,
    active: row.active,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class SqlWebhookStore implements WebhookStore {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    subscription: NewWebhookSubscription,
  ): Promise<{ record: WebhookSubscriptionRecord; created: boolean }> {
    const inserted = (await this.dataSource.query(
      `INSERT INTO webhook_subscriptions (id, name, url, event_types, secret, active, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, true, $6)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        subscription.id,
        subscription.name.trim(),
        subscription.url,
        subscription.eventTypes,
        subscription.secret,
        subscription.idempotencyKey,
      ],
    )) as SubscriptionRow[];
    if (inserted[0]) return { record: recordOf(inserted[0]), created: true };
    const [existing] = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_subscriptions WHERE idempotency_key = $1`,
      [subscription.idempotencyKey],
    )) as SubscriptionRow[];
    if (!existing) throw new Error('webhook subscription neither created nor found by its key');
    return { record: recordOf(existing), created: false };
  }

  async list(): Promise<WebhookSubscriptionRecord[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_subscriptions ORDER BY created_at, id`,
    )) as SubscriptionRow[];
    return rows.map(recordOf);
  }

  async get(id: string): Promise<WebhookSubscriptionRecord | null> {
    const [row] = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_subscriptions WHERE id = $1`,
      [id],
    )) as SubscriptionRow[];
    return row ? recordOf(row) : null;
  }

  async update(
    record: Pick<WebhookSubscriptionRecord, 'id' | 'name' | 'url' | 'eventTypes' | 'active'>,
    expectedVersion: number,
  ): Promise<{ saved: WebhookSubscriptionRecord } | { conflict: number }> {
    const [rows] = (await this.dataSource.query(
      `UPDATE webhook_subscriptions
          SET name = $2, url = $3, event_types = $4, active = $5, version = version + 1, updated_at = now()
        WHERE id = $1 AND ($6 = 0 OR version = $6)
        RETURNING ${COLUMNS}`,
      [
        record.id,
        record.name.trim(),
        record.url,
        record.eventTypes,
        record.active,
        expectedVersion,
      ],
    )) as [SubscriptionRow[], number];
    if (rows[0]) return { saved: recordOf(rows[0]) };
    return { conflict: (await this.get(record.id))?.version ?? 0 };
  }

  async delete(id: string): Promise<boolean> {
    const [, count] = (await this.dataSource.query(
      `DELETE FROM webhook_subscriptions WHERE id = $1`,
      [id],
    )) as [unknown[], number];
    return count > 0;
  }
}
