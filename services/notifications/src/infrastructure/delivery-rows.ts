import { type Delivery, type DeliveryAttempt, toTimestamp } from '@itsm/contracts';

export interface DeliveryRow {
  id: string;
  channel: string;
  status: string;
  recipient_id: string;
  address: string;
  event_id: string;
  event_type: string;
  ticket_id: string | null;
  trigger_key: string;
  subject: string;
  attempts: number;
  next_attempt_at: Date | null;
  last_error: string | null;
  reason: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

export interface AttemptRow {
  number: number;
  started_at: Date;
  finished_at: Date;
  outcome: string;
  error: string | null;
  response_code: number;
}

const optional = (date: Date | null) => (date ? toTimestamp(date) : undefined);

export function deliveryMessageOf(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    recipientId: row.recipient_id,
    address: row.address,
    eventId: row.event_id,
    eventType: row.event_type,
    ticketId: row.ticket_id ?? '',
    triggerKey: row.trigger_key,
    subject: row.subject,
    attempts: row.attempts,
    nextAttemptAt: optional(row.next_attempt_at),
    lastError: row.last_error ?? '',
    deliveredAt: optional(row.delivered_at),
    createdAt: toTimestamp(row.created_at),
    reason: row.reason ?? '',
  };
}

export function attemptMessageOf(row: AttemptRow): DeliveryAttempt {
  return {
    number: row.number,
    startedAt: toTimestamp(row.started_at),
    finishedAt: toTimestamp(row.finished_at),
    outcome: row.outcome,
    error: row.error ?? '',
    responseCode: row.response_code,
  };
}
