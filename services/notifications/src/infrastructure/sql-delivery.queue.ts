import type { DataSource, EntityManager } from 'typeorm';
import { DeliveryDead } from '@itsm/contracts';
import { assertUnreachable } from '@itsm/lang';
import type { OutboxWriter } from '@itsm/messaging';
import type {
  AttemptResult,
  ClaimedDelivery,
  DeliveryQueue,
} from '../application/ports/delivery-queue';
import type { DeliveryContent } from '../application/ports/notification-store';
import { deliveryMessageOf, type DeliveryRow } from './delivery-rows';

interface ClaimedRow {
  id: string;
  channel: 'email' | 'webhook';
  recipient_id: string;
  address: string;
  subject: string;
  event_id: string;
  event_type: string;
  attempts: number;
  max_attempts: number;
  content: DeliveryContent;
  trace_headers: Record<string, string>;
  webhook_secret: string | null;
}

/** The delivery queue in the deliveries table, shared by every replica. */
export class SqlDeliveryQueue implements DeliveryQueue {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async claimDue(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const rows = (await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM deliveries
         WHERE (status IN ('pending', 'failed') AND next_attempt_at <= now())
            OR (status = 'sending' AND lease_until < now())
         ORDER BY next_attempt_at NULLS FIRST
         LIMIT $1
         FOR UPDATE SKIP LOCKED
       )
       UPDATE deliveries d
          SET status = 'sending', attempts = d.attempts + 1,
              lease_until = now() + make_interval(secs => $2::double precision / 1000),
              updated_at = now()
         FROM due
        WHERE d.id = due.id
       RETURNING d.id, d.channel, d.recipient_id, d.address, d.subject, d.event_id, d.event_type,
                 d.attempts, d.max_attempts, d.content, d.trace_headers,
                 (SELECT secret FROM webhook_subscriptions w
                   WHERE d.channel = 'webhook' AND w.id::text = d.recipient_id AND w.active) AS webhook_secret`,
      [limit, leaseMs],
    )) as [ClaimedRow[], number] | ClaimedRow[];
    const claimed = Array.isArray(rows[0]) ? (rows[0] as ClaimedRow[]) : (rows as ClaimedRow[]);
    return claimed.map(claimedOf);
  }

  async record(result: AttemptResult): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO delivery_attempts (delivery_id, number, started_at, finished_at, outcome, error, response_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [
          result.deliveryId,
          result.attempt,
          result.startedAt,
          result.finishedAt,
          result.outcome === 'failed' ? 'failed' : 'delivered',
          result.outcome === 'failed' ? result.error.slice(0, 2000) : null,
          result.responseCode,
        ],
      );
      switch (result.outcome) {
        case 'delivered':
          await manager.query(
            `UPDATE deliveries SET status = 'delivered', delivered_at = $2, lease_until = NULL,
                    next_attempt_at = NULL, last_error = NULL, updated_at = now()
              WHERE id = $1`,
            [result.deliveryId, result.finishedAt],
          );
          return;
        case 'suppressed':
          await manager.query(
            `UPDATE deliveries SET status = 'suppressed', reason = $2, lease_until = NULL,
                    next_attempt_at = NULL, updated_at = now()
              WHERE id = $1`,
            [result.deliveryId, result.reason],
          );
          return;
        case 'failed':
          if (result.next.kind === 'retry') {
            await manager.query(
              `UPDATE deliveries SET status = 'failed', next_attempt_at = $2, last_error = $3,
                      lease_until = NULL, updated_at = now()
                WHERE id = $1`,
              [result.deliveryId, result.next.at, result.error.slice(0, 2000)],
            );
          } else {
            await this.markDead(manager, result.deliveryId, result.error);
          }
          return;
        default:
          assertUnreachable(result, 'attempt outcome');
      }
    });
  }

  private async markDead(manager: EntityManager, id: string, error: string): Promise<void> {
    const rows = (await manager.query(
      `UPDATE deliveries SET status = 'dead', next_attempt_at = NULL, last_error = $2,
              lease_until = NULL, updated_at = now()
        WHERE id = $1 RETURNING *`,
      [id, error.slice(0, 2000)],
    )) as [DeliveryRow[], number];
    const row = rows[0][0];
    if (!row) return;
    await this.outbox.append(manager, DeliveryDead, {
      key: id,
      occurredAt: new Date(),
      payload: { delivery: deliveryMessageOf(row) },
    });
  }
}

function claimedOf(row: ClaimedRow): ClaimedDelivery {
  const common = {
    id: row.id,
    recipientId: row.recipient_id,
    address: row.address,
    subject: row.subject,
    eventId: row.event_id,
    eventType: row.event_type,
    attempt: row.attempts,
    maxAttempts: row.max_attempts,
    traceHeaders: row.trace_headers,
  };
  if (row.channel === 'webhook' && row.content.kind === 'webhook') {
    return {
      ...common,
      channel: 'webhook',
      content: row.content,
      webhookSecret: row.webhook_secret,
    };
  }
  if (row.channel === 'email' && row.content.kind === 'email') {
    return { ...common, channel: 'email', content: row.content };
  }
  throw new Error(
    `delivery ${row.id} has ${row.content.kind} content on the ${row.channel} channel`,
  );
}
