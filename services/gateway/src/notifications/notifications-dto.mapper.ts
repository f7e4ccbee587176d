import {
  type CreateWebhookSubscriptionRequest,
  type CreateWebhookSubscriptionResponse,
  type Delivery,
  type DeliveryAttempt,
  fromTimestamp,
  type GetDeliveryResponse,
  type InAppNotification,
  type InboundEmail,
  type ListDeliveriesRequest,
  type ListInboundEmailsRequest,
  type ListNotificationsRequest,
  type ListNotificationsResponse,
  type MarkNotificationsReadRequest,
  type NotificationPreferences,
  type NotificationTemplate,
  type NotificationTrigger,
  type PreviewTemplateRequest,
  type Timestamp,
  type UpdatePreferencesRequest,
  type UpdateTemplateRequest,
  type UpdateTriggerRequest,
  type UpdateWebhookSubscriptionRequest,
  type WebhookSubscription,
} from '@itsm/contracts';
import type {
  DeliveryAttemptDto,
  DeliveryDetailDto,
  DeliveryDto,
  ListDeliveriesQueryDto,
} from './dto/delivery.dto';
import type {
  InAppNotificationDto,
  InAppNotificationPageDto,
  ListInAppNotificationsQueryDto,
  MarkNotificationsReadDto,
} from './dto/in-app-notification.dto';
import type { InboundEmailDto, ListInboundEmailsQueryDto } from './dto/inbound-email.dto';
import {
  ATTEMPT_OUTCOMES,
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  IMPORTANCES,
  INBOUND_EMAIL_MATCHES,
  INBOUND_EMAIL_OUTCOMES,
  TEMPLATE_LOCALES,
  TRIGGER_AUDIENCES,
  TRIGGER_CHANNELS,
} from './dto/notification-enums';
import type {
  NotificationPreferencesDto,
  WriteNotificationPreferencesDto,
} from './dto/notification-preferences.dto';
import type {
  NotificationTemplateDto,
  NotificationTemplatePathDto,
  PreviewNotificationTemplateDto,
  WriteNotificationTemplateDto,
} from './dto/notification-template.dto';
import type {
  NotificationTriggerDto,
  UpdateNotificationTriggerDto,
} from './dto/notification-trigger.dto';
import type {
  CreatedWebhookSubscriptionDto,
  CreateWebhookSubscriptionDto,
  UpdateWebhookSubscriptionDto,
  WebhookSubscriptionDto,
} from './dto/webhook-subscription.dto';

function instant(timestamp: Timestamp | undefined, what: string): string {
  if (!timestamp) throw new Error(`the notifications service answered without ${what}`);
  return fromTimestamp(timestamp).toISOString();
}

const optionalInstant = (timestamp: Timestamp | undefined): string | null =>
  timestamp ? fromTimestamp(timestamp).toISOString() : null;

/** The contract's empty string ("none") as the API's null. */
const orNull = (value: string): string | null => value || null;

/**
 * A value the contract spells as a string but whose values it lists: an unknown one is the
 * service breaking the contract, not something to pass on to clients.
 */
function listed<R extends string>(allowed: readonly R[], value: string, what: string): R {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`unexpected ${what} ${JSON.stringify(value)} from the notifications service`);
  }
  return value as R;
}

// ---------------------------------------------------------------------------------------------
// In-app notifications and preferences: always the caller's own

export function toInAppNotificationDto(notification: InAppNotification): InAppNotificationDto {
  return {
    id: notification.id,
    triggerKey: notification.triggerKey,
    eventType: notification.eventType,
    ticketId: orNull(notification.ticketId),
    ticketNumber: orNull(notification.ticketNumber),
    title: notification.title,
    body: notification.body,
    createdAt: instant(notification.createdAt, 'a creation time'),
    readAt: optionalInstant(notification.readAt),
  };
}

export function toListNotificationsRequest(
  userId: string,
  query: ListInAppNotificationsQueryDto,
): ListNotificationsRequest {
  return {
    userId,
    unreadOnly: query.unreadOnly ?? false,
    pageSize: query.limit ?? 0,
    pageToken: query.cursor ?? '',
  };
}

export function toInAppNotificationPageDto(
  answer: ListNotificationsResponse,
): InAppNotificationPageDto {
  return {
    items: answer.notifications.map(toInAppNotificationDto),
    nextCursor: answer.nextPageToken || null,
    unreadCount: answer.unreadCount,
  };
}

export function toMarkNotificationsReadRequest(
  userId: string,
  body: MarkNotificationsReadDto,
): MarkNotificationsReadRequest {
  return { userId, ids: body.ids ?? [] };
}

export function toNotificationPreferencesDto(
  preferences: NotificationPreferences,
): NotificationPreferencesDto {
  const quietHours = preferences.quietHours;
  return {
    emailEnabled: preferences.emailEnabled,
    inAppEnabled: preferences.inAppEnabled,
    quietHours: quietHours ? { start: quietHours.start, end: quietHours.end } : null,
    digestLowPriority: preferences.digestLowPriority,
    version: preferences.version,
  };
}

export function toUpdatePreferencesRequest(
  userId: string,
  body: WriteNotificationPreferencesDto,
  expectedVersion: number | undefined,
): UpdatePreferencesRequest {
  return {
    preferences: {
      userId,
      emailEnabled: body.emailEnabled,
      inAppEnabled: body.inAppEnabled,
      quietHours: body.quietHours
        ? { start: body.quietHours.start, end: body.quietHours.end }
        : undefined,
      digestLowPriority: body.digestLowPriority,
      version: 0,
    },
    expectedVersion: expectedVersion ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Triggers and templates

export function toNotificationTriggerDto(trigger: NotificationTrigger): NotificationTriggerDto {
  return {
    key: trigger.key,
    eventType: trigger.eventType,
    audiences: trigger.audiences.map((audience) =>
      listed(TRIGGER_AUDIENCES, audience, 'trigger audience'),
    ),
    channels: trigger.channels.map((channel) =>
      listed(TRIGGER_CHANNELS, channel, 'trigger channel'),
    ),
    templateKey: trigger.templateKey,
    importance: listed(IMPORTANCES, trigger.importance, 'importance'),
    enabled: trigger.enabled,
    version: trigger.version,
    updatedAt: instant(trigger.updatedAt, 'an update time'),
  };
}

/**
 * The service replaces a trigger whole: the fields a PATCH leaves out keep the values of the
 * trigger as read, and the write is made from the version read, so a change between the read
 * and the write is refused rather than undone.
 */
export function toUpdateTriggerRequest(
  current: NotificationTrigger,
  patch: UpdateNotificationTriggerDto,
  expectedVersion: number,
): UpdateTriggerRequest {
  return {
    key: current.key,
    audiences: patch.audiences ?? current.audiences,
    channels: patch.channels ?? current.channels,
    templateKey: patch.templateKey ?? current.templateKey,
    importance: patch.importance ?? current.importance,
    enabled: patch.enabled ?? current.enabled,
    expectedVersion,
  };
}

export function toNotificationTemplateDto(template: NotificationTemplate): NotificationTemplateDto {
  return {
    key: template.key,
    locale: listed(TEMPLATE_LOCALES, template.locale, 'template locale'),
    subject: template.subject,
    bodyText: template.bodyText,
    bodyHtml: template.bodyHtml,
    version: template.version,
    updatedAt: instant(template.updatedAt, 'an update time'),
  };
}

export function toUpdateTemplateRequest(
  path: NotificationTemplatePathDto,
  body: WriteNotificationTemplateDto,
  expectedVersion: number | undefined,
): UpdateTemplateRequest {
  return {
    key: path.key,
    locale: path.locale,
    subject: body.subject,
    bodyText: body.bodyText,
    bodyHtml: body.bodyHtml,
    expectedVersion: expectedVersion ?? 0,
  };
}

export function toPreviewTemplateRequest(
  path: NotificationTemplatePathDto,
  body: PreviewNotificationTemplateDto,
): PreviewTemplateRequest {
  return {
    key: path.key,
    locale: path.locale,
    ticketId: body.ticketId ?? '',
    subject: body.subject ?? '',
    bodyText: body.bodyText ?? '',
    bodyHtml: body.bodyHtml ?? '',
  };
}

// ---------------------------------------------------------------------------------------------
// Webhook subscriptions

export function toWebhookSubscriptionDto(
  subscription: WebhookSubscription,
): WebhookSubscriptionDto {
  return {
    id: subscription.id,
    name: subscription.name,
    url: subscription.url,
    eventTypes: [...subscription.eventTypes],
    active: subscription.active,
    version: subscription.version,
    createdAt: instant(subscription.createdAt, 'a creation time'),
    updatedAt: instant(subscription.updatedAt, 'an update time'),
  };
}

export function toCreateWebhookSubscriptionRequest(
  body: CreateWebhookSubscriptionDto,
  idempotencyKey: string | undefined,
): CreateWebhookSubscriptionRequest {
  return {
    name: body.name,
    url: body.url,
    eventTypes: body.eventTypes ?? [],
    idempotencyKey: idempotencyKey ?? '',
  };
}

/** A retry with the same Idempotency-Key gets the first subscription, without its secret. */
export function toCreatedWebhookSubscriptionDto(
  answer: CreateWebhookSubscriptionResponse,
): CreatedWebhookSubscriptionDto {
  if (!answer.subscription)
    throw new Error('the notifications service answered without a subscription');
  return {
    ...toWebhookSubscriptionDto(answer.subscription),
    secret: answer.created ? answer.secret || null : null,
  };
}

/** As toUpdateTriggerRequest: the service replaces a subscription whole. */
export function toUpdateWebhookSubscriptionRequest(
  current: WebhookSubscription,
  patch: UpdateWebhookSubscriptionDto,
  expectedVersion: number,
): UpdateWebhookSubscriptionRequest {
  return {
    id: current.id,
    name: patch.name ?? current.name,
    url: patch.url ?? current.url,
    eventTypes: patch.eventTypes ?? current.eventTypes,
    active: patch.active ?? current.active,
    expectedVersion,
  };
}

// ---------------------------------------------------------------------------------------------
// The delivery log and the inbound email log

export function toDeliveryDto(delivery: Delivery): DeliveryDto {
  return {
    id: delivery.id,
    channel: listed(DELIVERY_CHANNELS, delivery.channel, 'delivery channel'),
    status: listed(DELIVERY_STATUSES, delivery.status, 'delivery status'),
    recipientId: delivery.recipientId,
    address: delivery.address,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    ticketId: orNull(delivery.ticketId),
    triggerKey: orNull(delivery.triggerKey),
    subject: orNull(delivery.subject),
    attemptCount: delivery.attempts,
    nextAttemptAt: optionalInstant(delivery.nextAttemptAt),
    lastError: orNull(delivery.lastError),
    deliveredAt: optionalInstant(delivery.deliveredAt),
    createdAt: instant(delivery.createdAt, 'a creation time'),
    reason: orNull(delivery.reason),
  };
}

export function toDeliveryAttemptDto(attempt: DeliveryAttempt): DeliveryAttemptDto {
  return {
    number: attempt.number,
    startedAt: instant(attempt.startedAt, 'the start of an attempt'),
    finishedAt: instant(attempt.finishedAt, 'the end of an attempt'),
    outcome: listed(ATTEMPT_OUTCOMES, attempt.outcome, 'attempt outcome'),
    error: orNull(attempt.error),
    responseCode: attempt.responseCode || null,
  };
}

export function toDeliveryDetailDto(answer: GetDeliveryResponse): DeliveryDetailDto {
  if (!answer.delivery) throw new Error('the notifications service answered without a delivery');
  return {
    ...toDeliveryDto(answer.delivery),
    attempts: answer.attempts.map(toDeliveryAttemptDto),
  };
}

export function toListDeliveriesRequest(query: ListDeliveriesQueryDto): ListDeliveriesRequest {
  return {
    channel: query.channel ?? '',
    status: query.status ?? '',
    ticketId: query.ticketId ?? '',
    recipientId: query.recipientId ?? '',
    eventId: query.eventId ?? '',
    pageSize: query.limit ?? 0,
    pageToken: query.cursor ?? '',
  };
}

export function toInboundEmailDto(email: InboundEmail): InboundEmailDto {
  return {
    id: email.id,
    messageId: email.messageId,
    fromAddress: email.fromAddress,
    subject: email.subject,
    receivedAt: instant(email.receivedAt, 'a receipt time'),
    outcome: listed(INBOUND_EMAIL_OUTCOMES, email.outcome, 'inbound email outcome'),
    reason: orNull(email.reason),
    ticketId: orNull(email.ticketId),
    matchedBy: email.matchedBy
      ? listed(INBOUND_EMAIL_MATCHES, email.matchedBy, 'inbound email match')
      : null,
    attachmentCount: email.attachments,
  };
}

export function toListInboundEmailsRequest(
  query: ListInboundEmailsQueryDto,
): ListInboundEmailsRequest {
  return {
    outcome: query.outcome ?? '',
    ticketId: query.ticketId ?? '',
    pageSize: query.limit ?? 0,
    pageToken: query.cursor ?? '',
  };
}

// ---------------------------------------------------------------------------------------------
// Field violations

/** The request messages wrap what the client wrote; the REST body is what they wrap. */
const WRAPPERS = /^(?:preferences|trigger|template|subscription)\./;
/** List parameters the API names as every other list of the API does. */
const REST_NAMES: Readonly<Record<string, string>> = {
  pageSize: 'limit',
  pageToken: 'cursor',
};

const camelCase = (segment: string) =>
  segment.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/**
 * The REST name of a field the notifications service named in a violation: without the
 * request message's wrapper, in camelCase (`preferences.quiet_hours.start` → `quietHours.start`).
 */
export function notificationsFieldName(field: string): string {
  const [head = '', ...rest] = field.replace(WRAPPERS, '').split('.');
  const index = /^([^[]*)(\[.*)?$/.exec(head);
  const name = camelCase(index?.[1] ?? head);
  return [`${REST_NAMES[name] ?? name}${index?.[2] ?? ''}`, ...rest.map(camelCase)].join('.');
}
