import type { DataSource } from 'typeorm';
import { type InboundEmail, toTimestamp } from '@itsm/contracts';
import type {
  DeliveryFilter,
  DeliveryLog,
  InboundEmailFilter,
  Positioned,
} from '../application/ports/delivery-log';
import type { KeysetPosition } from '../application/ports/page-token';
import {
  type AttemptRow,
  attemptMessageOf,
  deliveryMessageOf,
  type DeliveryRow,
} from './delivery-rows';

interface InboundRow {
  id: string;
  message_id: string;
  from_address: string;
  subject: string;
  received_at: Date;
  outcome: string;
  reason: string | null;
  ticket_id: string | null;
  matched_by: string | null;
  attachments: number;
}

export class SqlDeliveryLog implements DeliveryLog {
  constructor(
    private readonly dataSource: DataSource,
    /** Tries a redelivered message gets, on top of those it used. */
    private readonly freshAttempts: number,
  ) {}

  async deliveries(filter: DeliveryFilter, limit: number, after: KeysetPosition | null) {
    const rows = (await this.dataSource.query(
      `SELECT * FROM deliveries
        WHERE ($1::text IS NULL OR channel = $1)
          AND ($2::text IS NULL OR status = $2)
          AND ($3::uuid IS NULL OR ticket_id = $3)
          AND ($4::text IS NULL OR recipient_id = $4)
          AND ($5::text IS NULL OR event_id = $5)
          AND ($6::timestamptz IS NULL OR (created_at, id) < ($6::timestamptz, $7::uuid))
        ORDER BY created_at DESC, id DESC
        LIMIT $8`,
      [
        filter.channel,
        filter.status,
        filter.ticketId,
        filter.recipientId,
        filter.eventId,
        after?.at ?? null,
        after?.id ?? null,
        limit,
      ],
    )) as DeliveryRow[];
    return rows.map((row) => ({
      ...deliveryMessageOf(row),
      position: { at: row.created_at, id: row.id },
    }));
  }

  async delivery(id: string) {
    const [row] = (await this.dataSource.query(`SELECT * FROM deliveries WHERE id = $1`, [
      id,
    ])) as DeliveryRow[];
    if (!row) return null;
    const attempts = (await this.dataSource.query(
      `SELECT * FROM delivery_attempts WHERE delivery_id = $1 ORDER BY number`,
      [id],
    )) as AttemptRow[];
    return { delivery: deliveryMessageOf(row), attempts: attempts.map(attemptMessageOf) };
  }

  async redeliver(id: string) {
    const [rows] = (await this.dataSource.query(
      `UPDATE deliveries
          SET status = 'pending', max_attempts = attempts + $2, next_attempt_at = now(),
              reason = 'redelivered', updated_at = now()
        WHERE id = $1 AND status IN ('failed', 'dead')
        RETURNING *`,
      [id, this.freshAttempts],
    )) as [DeliveryRow[], number];
    return rows[0] ? deliveryMessageOf(rows[0]) : null;
  }

  async inboundEmails(
    filter: InboundEmailFilter,
    limit: number,
    after: KeysetPosition | null,
  ): Promise<Positioned<InboundEmail>[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM inbound_emails
        WHERE ($1::text IS NULL OR outcome = $1)
          AND ($2::uuid IS NULL OR ticket_id = $2)
          AND ($3::timestamptz IS NULL OR (received_at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY received_at DESC, id DESC
        LIMIT $5`,
      [filter.outcome, filter.ticketId, after?.at ?? null, after?.id ?? null, limit],
    )) as InboundRow[];
    return rows.map((row) => ({
      id: row.id,
      messageId: row.message_id,
      fromAddress: row.from_address,
      subject: row.subject,
      receivedAt: toTimestamp(row.received_at),
      outcome: row.outcome,
      reason: row.reason ?? '',
      ticketId: row.ticket_id ?? '',
      matchedBy: row.matched_by ?? '',
      attachments: row.attachments,
      position: { at: row.received_at, id: row.id },
    }));
  }
}
