import type { NotificationPreferences } from '../../domain/delivery-timing';
import type { Locale } from '../../domain/locale';
import type { NotificationTemplate } from '../../domain/template';
import type { NotificationTrigger } from '../../domain/notification-trigger';
import type { NotifiableEvent, TicketFacts } from '../notifiable-event';
import type { Recipient } from './recipient';

export type DeliveryChannel = 'email' | 'webhook' | 'in_app';

export type EmailContent = {
  kind: 'email';
  text: string;
  html: string;
  messageId: string;
  /** Message-IDs of the thread this message belongs to (References). */
  references: string[];
  replyTo: string;
  headers: Record<string, string>;
};

export type WebhookContent = {
  kind: 'webhook';
  /** The exact body posted (and signed): the CloudEvent in structured JSON mode. */
  body: string;
  eventType: string;
};

export type InAppContent = { kind: 'in_app'; title: string; body: string };

export type DeliveryContent = EmailContent | WebhookContent | InAppContent;

/** A delivery to record; `dedupeKey` makes a replayed event add nothing. */
export interface NewDelivery {
  id: string;
  dedupeKey: string;
  channel: DeliveryChannel;
  status: 'pending' | 'delivered' | 'suppressed' | 'held_for_digest';
  recipientId: string;
  address: string;
  eventId: string;
  eventType: string;
  ticketId: string | null;
  triggerKey: string;
  importance: 'normal' | 'low';
  subject: string;
  content: DeliveryContent;
  maxAttempts: number;
  nextAttemptAt: Date | null;
  reason: string | null;
}

export interface NewInAppNotification {
  id: string;
  dedupeKey: string;
  userId: string;
  triggerKey: string;
  eventType: string;
  ticketId: string | null;
  ticketNumber: string | null;
  title: string;
  body: string;
  createdAt: Date;
}

export interface WebhookTarget {
  id: string;
  url: string;
  secret: string;
}

/**
 * What handling one event reads and writes, inside the transaction that records the event
 * in the inbox: everything it adds commits with it or not at all.
 */
export interface NotificationStore {
  /** Keeps the ticket unless a newer version is already kept. */
  saveTicket(ticket: TicketFacts): Promise<void>;
  ticket(ticketId: string): Promise<TicketFacts | null>;
  enabledTriggersFor(eventType: string): Promise<NotificationTrigger[]>;
  template(key: string, locale: Locale): Promise<NotificationTemplate | null>;
  recipients(userIds: string[]): Promise<Map<string, Recipient>>;
  /** Stored preferences; people without any are absent. */
  preferences(userIds: string[]): Promise<Map<string, NotificationPreferences>>;
  activeWebhooksFor(eventType: string): Promise<WebhookTarget[]>;
  /** False when a delivery with the same dedupe key exists. */
  addDelivery(delivery: NewDelivery): Promise<boolean>;
  /** False when it exists already; otherwise it is stored and announced (for live pushes). */
  addInAppNotification(notification: NewInAppNotification): Promise<boolean>;
  /** Remembers a Message-ID we send, so replies to it find the ticket. */
  rememberThreadMessage(messageId: string, ticketId: string): Promise<void>;
  /** Keeps the event for a person the directory does not know yet (at most once per event). */
  awaitRecipient(userId: string, event: NotifiableEvent): Promise<void>;
  /** The events kept for the person, removed; those older than `maxAgeMs` are dropped. */
  takeAwaitingEvents(userId: string, maxAgeMs: number): Promise<NotifiableEvent[]>;
}
