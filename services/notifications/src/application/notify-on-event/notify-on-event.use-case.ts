import { assertUnreachable } from '@itsm/lang';
import {
  decideDelivery,
  DEFAULT_PREFERENCES,
  type NotificationPreferences,
} from '../../domain/delivery-timing';
import {
  deliveryMessageId,
  replyAddress,
  replyToken,
  threadMessageId,
} from '../../domain/email-threading';
import type { Locale } from '../../domain/locale';
import { type NotificationTrigger, resolveRecipients } from '../../domain/notification-trigger';
import {
  type NotificationTemplate,
  type RenderedMessage,
  renderTemplate,
} from '../../domain/template';
import type { NotifiableEvent, TicketFacts } from '../notifiable-event';
import type { GroupDirectory, SupportGroupPeople } from '../ports/group-directory';
import type { NewDelivery, NotificationStore } from '../ports/notification-store';
import { isStaff, type Recipient } from '../ports/recipient';
import type { TimeSource } from '../ports/time-source';
import { ticketLabels } from '../ticket-labels';

export interface NotifySettings {
  /** Where links in messages point: the web app as people reach it. */
  publicBaseUrl: string;
  /** The service desk's mailbox (support@example.com): From, and the base of reply addresses. */
  mailbox: string;
  replySecret: string;
  maxAttempts: number;
}

/**
 * How long an event waits for a person the directory does not know yet. Their entry follows
 * within moments when they were just created; ids that never become people (requesters of
 * other systems) are forgotten after this.
 */
export const AWAITING_RECIPIENT_MS = 60 * 60_000;

/** Longest body of an in-app notification; the full text is in the ticket. */
const IN_APP_BODY_LIMIT = 500;
const NO_GROUP: SupportGroupPeople = { memberIds: [], supervisorId: null };

/**
 * Turns one platform event into the messages it causes: for each enabled trigger of its type,
 * each person of the trigger's audiences gets the template in their language through each
 * channel their preferences allow (now, after quiet hours, or in a digest); each webhook
 * subscribed to the type gets the event. Runs inside the event's inbox transaction, and every
 * row has a dedupe key, so a replayed event sends nothing twice.
 */
export class NotifyOnEventUseCase {
  constructor(
    private readonly groups: GroupDirectory,
    private readonly time: TimeSource,
    private readonly newId: () => string,
    private readonly settings: NotifySettings,
  ) {}

  /**
   * A person's directory entry arrived: the events that named them before it did are handled
   * again. Every message has a dedupe key, so the others they reached are not sent twice.
   */
  async recipientArrived(userId: string, store: NotificationStore): Promise<void> {
    for (const event of await store.takeAwaitingEvents(userId, AWAITING_RECIPIENT_MS)) {
      await this.handle(event, store);
    }
  }

  async handle(event: NotifiableEvent, store: NotificationStore): Promise<void> {
    if (event.ticket) await store.saveTicket(event.ticket);
    const ticket = event.ticket ?? (event.ticketId ? await store.ticket(event.ticketId) : null);
    if (ticket) await this.notifyPeople(event, ticket, store);
    await this.notifyWebhooks(event, ticket, store);
  }

  private async notifyPeople(
    event: NotifiableEvent,
    ticket: TicketFacts,
    store: NotificationStore,
  ): Promise<void> {
    const triggers = await store.enabledTriggersFor(event.type);
    if (triggers.length === 0) return;
    const needsGroup = triggers.some(({ audiences }) =>
      audiences.some((audience) => audience === 'group' || audience === 'group_supervisor'),
    );
    const groupId = event.groupId ?? ticket.groupId;
    const group = needsGroup && groupId ? await this.groups.peopleOf(groupId) : NO_GROUP;
    const candidates = [
      ticket.requesterId,
      ticket.assigneeId,
      ...ticket.watcherIds,
      ...group.memberIds,
      group.supervisorId,
      ...event.approverIds,
      event.actorId,
    ].filter((id): id is string => Boolean(id));
    const people = await store.recipients([...new Set(candidates)]);
    const staffIds = new Set([...people.values()].filter(isStaff).map(({ userId }) => userId));
    const context = {
      actorId: event.actorId,
      requesterId: ticket.requesterId,
      assigneeId: ticket.assigneeId,
      watcherIds: ticket.watcherIds,
      groupMemberIds: group.memberIds,
      groupSupervisorId: group.supervisorId,
      approverIds: event.approverIds,
      commentVisibility: event.comment?.visibility ?? null,
      staffIds,
      routedToAgent: event.routedToAgent,
    };
    const selected = triggers.flatMap((trigger) =>
      resolveRecipients(trigger, context).map(({ userId }) => ({ trigger, userId })),
    );
    if (selected.length === 0) return;
    const preferences = await store.preferences([...new Set(selected.map(({ userId }) => userId))]);
    const templates = new TemplateCache(store);
    const actor = event.actorId ? people.get(event.actorId) : undefined;
    const recent = this.time.now().getTime() - event.occurredAt.getTime() < AWAITING_RECIPIENT_MS;
    for (const { trigger, userId } of selected) {
      const recipient = people.get(userId);
      if (!recipient) {
        if (recent) await store.awaitRecipient(userId, event);
        continue;
      }
      if (!recipient.active) continue;
      const template = await templates.get(trigger.templateKey, recipient.language);
      if (!template) continue;
      const message = renderTemplate(
        template,
        this.variables(event, ticket, recipient, actor, template.locale),
      );
      await this.deliver(
        event,
        ticket,
        trigger,
        recipient,
        preferences.get(userId),
        message,
        store,
      );
    }
  }

  private async deliver(
    event: NotifiableEvent,
    ticket: TicketFacts,
    trigger: NotificationTrigger,
    recipient: Recipient,
    stored: NotificationPreferences | undefined,
    message: RenderedMessage,
    store: NotificationStore,
  ): Promise<void> {
    const now = this.time.now();
    const preferences = stored ?? DEFAULT_PREFERENCES(recipient.userId);
    for (const channel of trigger.channels) {
      const decision = decideDelivery({
        channel,
        importance: trigger.importance,
        preferences,
        timeZone: recipient.timeZone,
        now,
      });
      const dedupeKey = `${event.id}:${trigger.key}:${recipient.userId}:${channel}`;
      const common = {
        dedupeKey,
        recipientId: recipient.userId,
        eventId: event.id,
        eventType: event.type,
        ticketId: ticket.id,
        triggerKey: trigger.key,
        importance: trigger.importance,
        subject: message.subject,
        maxAttempts: this.settings.maxAttempts,
      };
      if (channel === 'in_app') {
        if (decision.kind === 'skip') continue;
        const id = this.newId();
        const body = truncate(message.text, IN_APP_BODY_LIMIT);
        const added = await store.addInAppNotification({
          id,
          dedupeKey,
          userId: recipient.userId,
          triggerKey: trigger.key,
          eventType: event.type,
          ticketId: ticket.id,
          ticketNumber: ticket.number,
          title: message.subject,
          body,
          createdAt: now,
        });
        if (added) {
          await store.addDelivery({
            ...common,
            id,
            channel,
            status: 'delivered',
            address: recipient.userId,
            content: { kind: 'in_app', title: message.subject, body },
            nextAttemptAt: null,
            reason: null,
          });
        }
        continue;
      }
      const id = this.newId();
      const delivery: NewDelivery = {
        ...common,
        id,
        channel,
        address: recipient.email,
        content: this.emailContent(id, ticket, message),
        ...statusOf(decision, now),
      };
      if (await store.addDelivery(delivery)) {
        if (delivery.content.kind === 'email') {
          await store.rememberThreadMessage(delivery.content.messageId, ticket.id);
        }
      }
    }
  }

  private emailContent(deliveryId: string, ticket: TicketFacts, message: RenderedMessage) {
    const domain = this.settings.mailbox.split('@')[1] ?? 'localhost';
    return {
      kind: 'email' as const,
      text: message.text,
      html: message.html,
      messageId: deliveryMessageId(deliveryId, domain),
      references: [threadMessageId(ticket.id, domain)],
      replyTo: replyAddress(
        this.settings.mailbox,
        replyToken(ticket.id, this.settings.replySecret),
      ),
      headers: {
        // Tells mail servers and out-of-office robots not to answer: no mail loops.
        'Auto-Submitted': 'auto-generated',
        'X-Auto-Response-Suppress': 'All',
        'X-ITSM-Loop': domain,
        'X-ITSM-Ticket': ticket.number,
      },
    };
  }

  private async notifyWebhooks(
    event: NotifiableEvent,
    ticket: TicketFacts | null,
    store: NotificationStore,
  ): Promise<void> {
    const webhooks = await store.activeWebhooksFor(event.type);
    if (webhooks.length === 0) return;
    const body = JSON.stringify({
      specversion: '1.0',
      id: event.id,
      type: event.type,
      source: event.source,
      ...(event.subject ? { subject: event.subject } : {}),
      time: event.occurredAt.toISOString(),
      datacontenttype: 'application/json',
      data: event.data,
    });
    const now = this.time.now();
    for (const webhook of webhooks) {
      await store.addDelivery({
        id: this.newId(),
        dedupeKey: `${event.id}:webhook:${webhook.id}`,
        channel: 'webhook',
        status: 'pending',
        recipientId: webhook.id,
        address: webhook.url,
        eventId: event.id,
        eventType: event.type,
        ticketId: ticket?.id ?? event.ticketId,
        triggerKey: '',
        importance: 'normal',
        subject: event.subject ?? event.type,
        content: { kind: 'webhook', body, eventType: event.type },
        maxAttempts: this.settings.maxAttempts,
        nextAttemptAt: now,
        reason: null,
      });
    }
  }

  private variables(
    event: NotifiableEvent,
    ticket: TicketFacts,
    recipient: Recipient,
    actor: Recipient | undefined,
    locale: Locale,
  ) {
    const base = this.settings.publicBaseUrl.replace(/\/+$/, '');
    const ticketUrl = `${base}/tickets/${ticket.id}`;
    return {
      ticket: {
        number: ticket.number,
        title: ticket.title,
        type: ticketLabels.type(ticket.type, locale),
        status: ticketLabels.status(ticket.status, locale),
        priority: ticketLabels.priority(ticket.priority, locale),
        url: ticketUrl,
        description: ticket.description,
      },
      recipient: { name: recipient.displayName },
      actor: { name: actor?.displayName ?? '' },
      comment: { body: event.comment?.body ?? '' },
      sla: event.sla
        ? {
            target: ticketLabels.slaTarget(event.sla.target, locale),
            dueAt: event.sla.dueAt
              ? formatInstant(event.sla.dueAt, locale, recipient.timeZone)
              : '',
            threshold: event.sla.threshold > 0 ? `${Math.round(event.sla.threshold * 100)} %` : '',
          }
        : {},
      approval: { url: `${base}/console/tickets/${ticket.id}` },
      csat: { url: `${ticketUrl}?rate=1` },
      event: { type: event.type },
    };
  }
}

function statusOf(
  decision: ReturnType<typeof decideDelivery>,
  now: Date,
): Pick<NewDelivery, 'status' | 'nextAttemptAt' | 'reason'> {
  switch (decision.kind) {
    case 'skip':
      return { status: 'suppressed', nextAttemptAt: null, reason: decision.reason };
    case 'now':
      return { status: 'pending', nextAttemptAt: now, reason: null };
    case 'at':
      return { status: 'pending', nextAttemptAt: decision.at, reason: decision.reason };
    case 'digest':
      return { status: 'held_for_digest', nextAttemptAt: null, reason: 'digest' };
    default:
      return assertUnreachable(decision, 'delivery decision');
  }
}

function truncate(text: string, limit: number): string {
  const trimmed = text.trim();
  return trimmed.length <= limit ? trimmed : `${trimmed.slice(0, limit - 1).trimEnd()}…`;
}

function formatInstant(instant: Date, locale: Locale, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
      timeZoneName: 'short',
    }).format(instant);
  } catch {
    return instant.toISOString();
  }
}

/** A template read once per event and language; the other language when one is missing. */
class TemplateCache {
  private readonly cache = new Map<string, NotificationTemplate | null>();

  constructor(private readonly store: NotificationStore) {}

  async get(key: string, locale: Locale): Promise<NotificationTemplate | null> {
    const cacheKey = `${key}:${locale}`;
    if (!this.cache.has(cacheKey)) {
      const template =
        (await this.store.template(key, locale)) ??
        (await this.store.template(key, locale === 'ru' ? 'en' : 'ru'));
      this.cache.set(cacheKey, template);
    }
    return this.cache.get(cacheKey) ?? null;
  }
}
