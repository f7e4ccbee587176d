import type { EntityManager } from 'typeorm';
import { NotificationCreated, toTimestamp } from '@itsm/contracts';
import type { OutboxWriter } from '@itsm/messaging';
import { currentTraceHeaders } from '@itsm/telemetry';
import type { NotificationPreferences } from '../domain/delivery-timing';
import type { Locale } from '../domain/locale';
import type { NotificationTrigger } from '../domain/notification-trigger';
import type { NotificationTemplate } from '../domain/template';
import type { NotifiableEvent, TicketFacts } from '../application/notifiable-event';
import type {
  NewDelivery,
  NewInAppNotification,
  NotificationStore,
  WebhookTarget,
} from '../application/ports/notification-store';
import type { Recipient } from '../application/ports/recipient';
import {
  preferencesOf,
  type PreferencesRow,
  recipientOf,
  type RecipientRow,
  templateOf,
  type TemplateRow,
  ticketOf,
  type TicketRow,
  triggerOf,
  type TriggerRow,
} from './notification-rows';

/** The notification store inside one transaction (the inbox transaction of an event). */
export class SqlNotificationStore implements NotificationStore {
  constructor(
    private readonly manager: EntityManager,
    private readonly outbox: OutboxWriter,
  ) {}

  async saveTicket(ticket: TicketFacts): Promise<void> {
    await this.manager.query(
      `INSERT INTO ticket_projections
         (ticket_id, number, type, title, status, priority, requester_id, assignee_id, group_id, watcher_ids, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
       ON CONFLICT (ticket_id) DO UPDATE SET
         number = EXCLUDED.number, type = EXCLUDED.type, title = EXCLUDED.title,
         status = EXCLUDED.status, priority = EXCLUDED.priority,
         requester_id = EXCLUDED.requester_id, assignee_id = EXCLUDED.assignee_id,
         group_id = EXCLUDED.group_id, watcher_ids = EXCLUDED.watcher_ids,
         version = EXCLUDED.version, updated_at = now()
       WHERE ticket_projections.version <= EXCLUDED.version`,
      [
        ticket.id,
        ticket.number,
        ticket.type,
        ticket.title,
        ticket.status,
        ticket.priority,
        ticket.requesterId,
        ticket.assigneeId,
        ticket.groupId,
        ticket.watcherIds,
        ticket.version,
      ],
    );
  }

  async ticket(ticketId: string): Promise<TicketFacts | null> {
    const rows = (await this.manager.query(
      `SELECT * FROM ticket_projections WHERE ticket_id = $1`,
      [ticketId],
    )) as TicketRow[];
    return rows[0] ? ticketOf(rows[0]) : null;
  }

  async enabledTriggersFor(eventType: string): Promise<NotificationTrigger[]> {
    const rows = (await this.manager.query(
      `SELECT * FROM notification_triggers WHERE event_type = $1 AND enabled ORDER BY key`,
      [eventType],
    )) as TriggerRow[];
    return rows.map(triggerOf);
  }

  async template(key: string, locale: Locale): Promise<NotificationTemplate | null> {
    const rows = (await this.manager.query(
      `SELECT * FROM notification_templates WHERE key = $1 AND locale = $2`,
      [key, locale],
    )) as TemplateRow[];
    return rows[0] ? templateOf(rows[0]) : null;
  }

  async recipients(userIds: string[]): Promise<Map<string, Recipient>> {
    if (userIds.length === 0) return new Map();
    const rows = (await this.manager.query(`SELECT * FROM recipients WHERE user_id = ANY($1)`, [
      userIds,
    ])) as RecipientRow[];
    return new Map(rows.map((row) => [row.user_id, recipientOf(row)]));
  }

  async preferences(userIds: string[]): Promise<Map<string, NotificationPreferences>> {
    if (userIds.length === 0) return new Map();
    const rows = (await this.manager.query(
      `SELECT * FROM notification_preferences WHERE user_id = ANY($1)`,
      [userIds],
    )) as PreferencesRow[];
    return new Map(rows.map((row) => [row.user_id, preferencesOf(row)]));
  }

  async activeWebhooksFor(eventType: string): Promise<WebhookTarget[]> {
    const rows = (await this.manager.query(
      `SELECT id, url, secret FROM webhook_subscriptions
       WHERE active AND (cardinality(event_types) = 0 OR $1 = ANY(event_types))
       ORDER BY created_at, id`,
      [eventType],
    )) as WebhookTarget[];
    return rows;
  }

  async addDelivery(delivery: NewDelivery): Promise<boolean> {
    const inserted = (await this.manager.query(
      `INSERT INTO deliveries
         (id, dedupe_key, channel, status, recipient_id, address, event_id, event_type, ticket_id,
          trigger_key, importance, subject, content, max_attempts, next_attempt_at, reason, delivered_at,
          trace_headers)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
               CASE WHEN $4 = 'delivered' THEN now() END, $17)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        delivery.id,
        delivery.dedupeKey,
        delivery.channel,
        delivery.status,
        delivery.recipientId,
        delivery.address,
        delivery.eventId,
        delivery.eventType,
        delivery.ticketId,
        delivery.triggerKey,
        delivery.importance,
        delivery.subject,
        JSON.stringify(delivery.content),
        delivery.maxAttempts,
        delivery.nextAttemptAt,
        delivery.reason,
        JSON.stringify(currentTraceHeaders()),
      ],
    )) as unknown[];
    return inserted.length > 0;
  }

  async addInAppNotification(notification: NewInAppNotification): Promise<boolean> {
    const inserted = (await this.manager.query(
      `INSERT INTO in_app_notifications
         (id, user_id, dedupe_key, trigger_key, event_type, ticket_id, ticket_number, title, body, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        notification.id,
        notification.userId,
        notification.dedupeKey,
        notification.triggerKey,
        notification.eventType,
        notification.ticketId,
        notification.ticketNumber,
        notification.title,
        notification.body,
        notification.createdAt,
      ],
    )) as unknown[];
    if (inserted.length === 0) return false;
    await this.outbox.append(this.manager, NotificationCreated, {
      key: notification.userId,
      subject: notification.ticketNumber ?? undefined,
      occurredAt: notification.createdAt,
      payload: {
        notification: {
          id: notification.id,
          userId: notification.userId,
          triggerKey: notification.triggerKey,
          eventType: notification.eventType,
          ticketId: notification.ticketId ?? '',
          ticketNumber: notification.ticketNumber ?? '',
          title: notification.title,
          body: notification.body,
          createdAt: toTimestamp(notification.createdAt),
          readAt: undefined,
        },
      },
    });
    return true;
  }

  async rememberThreadMessage(messageId: string, ticketId: string): Promise<void> {
    await this.manager.query(
      `INSERT INTO email_threads (message_id, ticket_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [messageId, ticketId],
    );
  }

  async awaitRecipient(userId: string, event: NotifiableEvent): Promise<void> {
    await this.manager.query(
      `INSERT INTO awaiting_recipients (user_id, event_id, event) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [userId, event.id, JSON.stringify(event)],
    );
  }

  async takeAwaitingEvents(userId: string, maxAgeMs: number): Promise<NotifiableEvent[]> {
    // Ids that never became people are forgotten here, a little at a time.
    await this.manager.query(
      `DELETE FROM awaiting_recipients
        WHERE created_at < now() - make_interval(secs => $1::double precision / 1000)`,
      [maxAgeMs],
    );
    const [rows] = (await this.manager.query(
      `DELETE FROM awaiting_recipients WHERE user_id = $1 RETURNING event`,
      [userId],
    )) as [{ event: SerializedEvent }[], number];
    return rows
      .map(({ event }) => revived(event))
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  }
}

/** An event as JSON keeps its instants as ISO strings. */
type SerializedEvent = Omit<NotifiableEvent, 'occurredAt' | 'sla'> & {
  occurredAt: string;
  sla: (Omit<NonNullable<NotifiableEvent['sla']>, 'dueAt'> & { dueAt: string | null }) | null;
};

function revived(event: SerializedEvent): NotifiableEvent {
  return {
    ...event,
    occurredAt: new Date(event.occurredAt),
    sla: event.sla
      ? { ...event.sla, dueAt: event.sla.dueAt ? new Date(event.sla.dueAt) : null }
      : null,
  };
}
