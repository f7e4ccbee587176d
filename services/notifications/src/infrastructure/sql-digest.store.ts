import type { DataSource } from 'typeorm';
import type { Locale } from '../domain/locale';
import type { NotificationTemplate } from '../domain/template';
import type { DigestStore, DigestWriter, DueDigest } from '../application/ports/digest-store';
import type { OutboxWriter } from '@itsm/messaging';
import { SqlNotificationStore } from './sql-notification.store';
import { recipientOf, type RecipientRow, templateOf, type TemplateRow } from './notification-rows';

interface HeldRow {
  id: string;
  recipient_id: string;
  subject: string;
  ticket_id: string | null;
}

export class SqlDigestStore implements DigestStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async inDigestTransaction(
    intervalMs: number,
    limit: number,
    compose: (due: DueDigest[], writer: DigestWriter) => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const held = (await manager.query(
        `SELECT d.id, d.recipient_id, d.subject, d.ticket_id
           FROM deliveries d
          WHERE d.status = 'held_for_digest'
            AND d.recipient_id IN (
              SELECT recipient_id FROM deliveries
               WHERE status = 'held_for_digest'
               GROUP BY recipient_id
              HAVING min(created_at) <= now() - make_interval(secs => $1::double precision / 1000)
               LIMIT $2)
          ORDER BY d.recipient_id, d.created_at
          FOR UPDATE SKIP LOCKED`,
        [intervalMs, limit],
      )) as HeldRow[];
      if (held.length === 0) return;
      const userIds = [...new Set(held.map(({ recipient_id }) => recipient_id))];
      const people = (await manager.query(`SELECT * FROM recipients WHERE user_id = ANY($1)`, [
        userIds,
      ])) as RecipientRow[];
      const due: DueDigest[] = people.map((row) => ({
        recipient: recipientOf(row),
        held: held
          .filter(({ recipient_id }) => recipient_id === row.user_id)
          .map(({ id, subject, ticket_id }) => ({ id, subject, ticketId: ticket_id })),
      }));
      const store = new SqlNotificationStore(manager, this.outbox);
      await compose(due, {
        write: async (delivery, heldIds) => {
          await store.addDelivery(delivery);
          await manager.query(
            `UPDATE deliveries SET status = 'digested', reason = $2, updated_at = now()
              WHERE id = ANY($1::uuid[])`,
            [heldIds, `in digest ${delivery.id}`],
          );
        },
      });
    });
  }

  async template(key: string, locale: Locale): Promise<NotificationTemplate | null> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM notification_templates WHERE key = $1 AND locale = $2`,
      [key, locale],
    )) as TemplateRow[];
    return rows[0] ? templateOf(rows[0]) : null;
  }
}
