import type { NotificationPreferences } from '../../domain/delivery-timing';
import { DEFAULT_TEMPLATES } from '../../domain/default-templates';
import type { Locale } from '../../domain/locale';
import { DEFAULT_TRIGGERS, type NotificationTrigger } from '../../domain/notification-trigger';
import type { NotificationTemplate } from '../../domain/template';
import type { NotifiableEvent, TicketFacts } from '../notifiable-event';
import type {
  NewDelivery,
  NewInAppNotification,
  NotificationStore,
  WebhookTarget,
} from '../ports/notification-store';
import type { Recipient } from '../ports/recipient';

/** The notification store in memory, seeded with the default triggers and templates. */
export class InMemoryNotificationStore implements NotificationStore {
  readonly tickets = new Map<string, TicketFacts>();
  readonly people = new Map<string, Recipient>();
  readonly preferencesByUser = new Map<string, NotificationPreferences>();
  readonly deliveries: NewDelivery[] = [];
  readonly inApp: NewInAppNotification[] = [];
  readonly threads = new Map<string, string>();
  readonly awaiting = new Map<string, NotifiableEvent[]>();
  webhooks: (WebhookTarget & { eventTypes: string[] })[] = [];
  triggers: NotificationTrigger[] = DEFAULT_TRIGGERS.map((trigger) => ({ ...trigger }));
  templates: NotificationTemplate[] = [...DEFAULT_TEMPLATES];

  async saveTicket(ticket: TicketFacts): Promise<void> {
    const kept = this.tickets.get(ticket.id);
    if (!kept || kept.version <= ticket.version) this.tickets.set(ticket.id, ticket);
  }

  async ticket(ticketId: string): Promise<TicketFacts | null> {
    return this.tickets.get(ticketId) ?? null;
  }

  async enabledTriggersFor(eventType: string): Promise<NotificationTrigger[]> {
    return this.triggers.filter((trigger) => trigger.enabled && trigger.eventType === eventType);
  }

  async template(key: string, locale: Locale): Promise<NotificationTemplate | null> {
    return (
      this.templates.find((template) => template.key === key && template.locale === locale) ?? null
    );
  }

  async recipients(userIds: string[]): Promise<Map<string, Recipient>> {
    return new Map(
      userIds.flatMap((id) => {
        const person = this.people.get(id);
        return person ? [[id, person] as const] : [];
      }),
    );
  }

  async preferences(userIds: string[]): Promise<Map<string, NotificationPreferences>> {
    return new Map(
      userIds.flatMap((id) => {
        const preferences = this.preferencesByUser.get(id);
        return preferences ? [[id, preferences] as const] : [];
      }),
    );
  }

  async activeWebhooksFor(eventType: string): Promise<WebhookTarget[]> {
    return this.webhooks.filter(
      ({ eventTypes }) => eventTypes.length === 0 || eventTypes.includes(eventType),
    );
  }

  async addDelivery(delivery: NewDelivery): Promise<boolean> {
    if (this.deliveries.some(({ dedupeKey }) => dedupeKey === delivery.dedupeKey)) return false;
    this.deliveries.push(delivery);
    return true;
  }

  async addInAppNotification(notification: NewInAppNotification): Promise<boolean> {
    if (this.inApp.some(({ dedupeKey }) => dedupeKey === notification.dedupeKey)) return false;
    this.inApp.push(notification);
    return true;
  }

  async rememberThreadMessage(messageId: string, ticketId: string): Promise<void> {
    this.threads.set(messageId, ticketId);
  }

  async awaitRecipient(userId: string, event: NotifiableEvent): Promise<void> {
    const events = this.awaiting.get(userId) ?? [];
    if (!events.some(({ id }) => id === event.id)) events.push(event);
    this.awaiting.set(userId, events);
  }

  async takeAwaitingEvents(userId: string): Promise<NotifiableEvent[]> {
    const events = this.awaiting.get(userId) ?? [];
    this.awaiting.delete(userId);
    return events;
  }
}
