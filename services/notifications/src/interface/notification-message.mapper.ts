import {
  type InAppNotification,
  type NotificationPreferences as PreferencesMessage,
  type NotificationTemplate as TemplateMessage,
  type NotificationTrigger as TriggerMessage,
  toTimestamp,
  type WebhookSubscription,
} from '@itsm/contracts';
import type { NotificationPreferences } from '../domain/delivery-timing';
import type { NotificationTrigger } from '../domain/notification-trigger';
import type { NotificationTemplate } from '../domain/template';
import type { InAppNotificationRecord } from '../application/ports/feed-store';
import type { Versioned } from '../application/ports/versioned';
import type { WebhookSubscriptionRecord } from '../application/ports/webhook-store';

export function toTriggerMessage(trigger: Versioned<NotificationTrigger>): TriggerMessage {
  return {
    key: trigger.key,
    eventType: trigger.eventType,
    audiences: [...trigger.audiences],
    channels: [...trigger.channels],
    templateKey: trigger.templateKey,
    importance: trigger.importance,
    enabled: trigger.enabled,
    version: trigger.version,
    updatedAt: toTimestamp(trigger.updatedAt),
  };
}

export function toTemplateMessage(template: Versioned<NotificationTemplate>): TemplateMessage {
  return {
    key: template.key,
    locale: template.locale,
    subject: template.subject,
    bodyText: template.bodyText,
    bodyHtml: template.bodyHtml,
    version: template.version,
    updatedAt: toTimestamp(template.updatedAt),
  };
}

export function toPreferencesMessage(
  preferences: Versioned<NotificationPreferences>,
): PreferencesMessage {
  return {
    userId: preferences.userId,
    emailEnabled: preferences.emailEnabled,
    inAppEnabled: preferences.inAppEnabled,
    quietHours: preferences.quietHours ?? undefined,
    digestLowPriority: preferences.digestLowPriority,
    version: preferences.version,
  };
}

export function toPreferences(message: PreferencesMessage): NotificationPreferences {
  return {
    userId: message.userId,
    emailEnabled: message.emailEnabled,
    inAppEnabled: message.inAppEnabled,
    quietHours: message.quietHours
      ? { start: message.quietHours.start, end: message.quietHours.end }
      : null,
    digestLowPriority: message.digestLowPriority,
  };
}

export function toInAppMessage(record: InAppNotificationRecord): InAppNotification {
  return {
    id: record.id,
    userId: record.userId,
    triggerKey: record.triggerKey,
    eventType: record.eventType,
    ticketId: record.ticketId ?? '',
    ticketNumber: record.ticketNumber ?? '',
    title: record.title,
    body: record.body,
    createdAt: toTimestamp(record.createdAt),
    readAt: record.readAt ? toTimestamp(record.readAt) : undefined,
  };
}

export function toSubscriptionMessage(record: WebhookSubscriptionRecord): WebhookSubscription {
  return {
    id: record.id,
    name: record.name,
    url: record.url,
    eventTypes: record.eventTypes,
    active: record.active,
    version: record.version,
    createdAt: toTimestamp(record.createdAt),
    updatedAt: toTimestamp(record.updatedAt),
  };
}
