import { Metadata, status } from '@grpc/grpc-js';
import {
  type Delivery,
  ErrorMetadata,
  type InAppNotification,
  type InboundEmail,
  type NotificationPreferences,
  type NotificationTrigger,
  toTimestamp,
  type WebhookSubscription,
} from '@itsm/contracts';
import { withRestFieldNames } from '../problem/violation-fields';
import {
  notificationsFieldName,
  toCreatedWebhookSubscriptionDto,
  toCreateWebhookSubscriptionRequest,
  toDeliveryDetailDto,
  toDeliveryDto,
  toInAppNotificationPageDto,
  toInboundEmailDto,
  toListDeliveriesRequest,
  toListInboundEmailsRequest,
  toListNotificationsRequest,
  toMarkNotificationsReadRequest,
  toNotificationPreferencesDto,
  toNotificationTemplateDto,
  toNotificationTriggerDto,
  toPreviewTemplateRequest,
  toUpdatePreferencesRequest,
  toUpdateTemplateRequest,
  toUpdateTriggerRequest,
  toUpdateWebhookSubscriptionRequest,
} from './notifications-dto.mapper';

const at = new Date('2026-11-27T08:30:00.250Z');
const iso = '2026-11-27T08:30:00.250Z';
const later = new Date('2026-11-27T08:35:00.000Z');
const ticketId = '0193a7a0-0000-7000-8000-000000000001';
const notificationId = '0193a7a0-0000-7000-8000-0000000000e1';
const subscriptionId = '0193a7a0-0000-7000-8000-0000000000f1';
const deliveryId = '0193a7a0-0000-7000-8000-0000000000d1';

const notification: InAppNotification = {
  id: notificationId,
  userId: 'emp-1',
  triggerKey: 'ticket-commented',
  eventType: 'itsm.tickets.v1.ticket.commented',
  ticketId,
  ticketNumber: 'INC-000123',
  title: 'INC-000123: new comment',
  body: 'The printer has been replaced.',
  createdAt: toTimestamp(at),
  readAt: undefined,
};

const trigger: NotificationTrigger = {
  key: 'ticket-created',
  eventType: 'itsm.tickets.v1.ticket.created',
  audiences: ['requester', 'group'],
  channels: ['email', 'in_app'],
  templateKey: 'ticket-created',
  importance: 'normal',
  enabled: true,
  version: 4,
  updatedAt: toTimestamp(at),
};

const subscription: WebhookSubscription = {
  id: subscriptionId,
  name: 'Monitoring bridge',
  url: 'https://hooks.example.com/itsm',
  eventTypes: ['itsm.tickets.v1.ticket.created'],
  active: true,
  version: 2,
  createdAt: toTimestamp(at),
  updatedAt: toTimestamp(later),
};

const delivery: Delivery = {
  id: deliveryId,
  channel: 'webhook',
  status: 'dead',
  recipientId: subscriptionId,
  address: 'https://hooks.example.com/itsm',
  eventId: 'evt-1',
  eventType: 'itsm.tickets.v1.ticket.created',
  ticketId: '',
  triggerKey: '',
  subject: '',
  attempts: 8,
  nextAttemptAt: undefined,
  lastError: 'HTTP 502',
  deliveredAt: undefined,
  createdAt: toTimestamp(at),
  reason: '',
};

describe('in-app notifications: the caller’s own', () => {
  it('are asked for the caller, with the list parameters of the API', () => {
    expect(toListNotificationsRequest('emp-1', {})).toEqual({
      userId: 'emp-1',
      unreadOnly: false,
      pageSize: 0,
      pageToken: '',
    });
    expect(
      toListNotificationsRequest('emp-1', { unreadOnly: true, limit: 5, cursor: 'abc' }),
    ).toEqual({ userId: 'emp-1', unreadOnly: true, pageSize: 5, pageToken: 'abc' });
  });

  it('come as a page with the unread count, nulls for no ticket and unread', () => {
    const page = toInAppNotificationPageDto({
      notifications: [
        notification,
        { ...notification, ticketId: '', ticketNumber: '', readAt: toTimestamp(later) },
      ],
      nextPageToken: '',
      unreadCount: 7,
    });
    expect(page).toEqual({
      items: [
        {
          id: notificationId,
          triggerKey: 'ticket-commented',
          eventType: 'itsm.tickets.v1.ticket.commented',
          ticketId,
          ticketNumber: 'INC-000123',
          title: 'INC-000123: new comment',
          body: 'The printer has been replaced.',
          createdAt: iso,
          readAt: null,
        },
        expect.objectContaining({
          ticketId: null,
          ticketNumber: null,
          readAt: later.toISOString(),
        }),
      ],
      nextCursor: null,
      unreadCount: 7,
    });
    expect(page.items[0]).not.toHaveProperty('userId');
  });

  it('are marked read by id, or all at once when none are named', () => {
    expect(toMarkNotificationsReadRequest('emp-1', {})).toEqual({ userId: 'emp-1', ids: [] });
    expect(toMarkNotificationsReadRequest('emp-1', { ids: [notificationId] })).toEqual({
      userId: 'emp-1',
      ids: [notificationId],
    });
  });
});

describe('preferences: REST ⇄ contract', () => {
  const stored: NotificationPreferences = {
    userId: 'emp-1',
    emailEnabled: true,
    inAppEnabled: false,
    quietHours: { start: '22:00', end: '07:00' },
    digestLowPriority: true,
    version: 3,
  };

  it('show quiet hours, or null, and the version; not whose they are', () => {
    expect(toNotificationPreferencesDto(stored)).toEqual({
      emailEnabled: true,
      inAppEnabled: false,
      quietHours: { start: '22:00', end: '07:00' },
      digestLowPriority: true,
      version: 3,
    });
    expect(
      toNotificationPreferencesDto({ ...stored, quietHours: undefined, version: 0 }),
    ).toMatchObject({ quietHours: null, version: 0 });
  });

  it('are written for the caller, from the If-Match version or unconditionally', () => {
    const body = {
      emailEnabled: false,
      inAppEnabled: true,
      quietHours: null,
      digestLowPriority: false,
    };
    expect(toUpdatePreferencesRequest('emp-1', body, 3)).toEqual({
      preferences: {
        userId: 'emp-1',
        emailEnabled: false,
        inAppEnabled: true,
        quietHours: undefined,
        digestLowPriority: false,
        version: 0,
      },
      expectedVersion: 3,
    });
    expect(
      toUpdatePreferencesRequest(
        'emp-1',
        { ...body, quietHours: { start: '21:30', end: '08:00' } },
        undefined,
      ),
    ).toMatchObject({
      preferences: { quietHours: { start: '21:30', end: '08:00' } },
      expectedVersion: 0,
    });
  });
});

describe('triggers and templates', () => {
  it('show a trigger with ISO times', () => {
    expect(toNotificationTriggerDto(trigger)).toEqual({
      key: 'ticket-created',
      eventType: 'itsm.tickets.v1.ticket.created',
      audiences: ['requester', 'group'],
      channels: ['email', 'in_app'],
      templateKey: 'ticket-created',
      importance: 'normal',
      enabled: true,
      version: 4,
      updatedAt: iso,
    });
  });

  it('refuse a trigger value the contract does not list: the service broke it', () => {
    expect(() => toNotificationTriggerDto({ ...trigger, channels: ['sms'] })).toThrow(
      'unexpected trigger channel "sms"',
    );
  });

  it('patch a trigger: what the body leaves out keeps the value read, from the version read', () => {
    expect(toUpdateTriggerRequest(trigger, { enabled: false }, trigger.version)).toEqual({
      key: 'ticket-created',
      audiences: ['requester', 'group'],
      channels: ['email', 'in_app'],
      templateKey: 'ticket-created',
      importance: 'normal',
      enabled: false,
      expectedVersion: 4,
    });
    expect(
      toUpdateTriggerRequest(
        trigger,
        { audiences: ['watchers'], channels: [], importance: 'low', templateKey: 'quiet' },
        2,
      ),
    ).toMatchObject({
      audiences: ['watchers'],
      channels: [],
      importance: 'low',
      templateKey: 'quiet',
      enabled: true,
      expectedVersion: 2,
    });
  });

  it('write a template in one language, and preview the stored one or a draft', () => {
    const path = { key: 'ticket-created', locale: 'en' as const };
    const text = { subject: 'S {{ ticket.number }}', bodyText: 'T', bodyHtml: '<p>H</p>' };
    expect(toUpdateTemplateRequest(path, text, undefined)).toEqual({
      key: 'ticket-created',
      locale: 'en',
      ...text,
      expectedVersion: 0,
    });
    expect(toPreviewTemplateRequest(path, {})).toEqual({
      key: 'ticket-created',
      locale: 'en',
      ticketId: '',
      subject: '',
      bodyText: '',
      bodyHtml: '',
    });
    expect(toPreviewTemplateRequest(path, { ticketId, ...text })).toEqual({
      key: 'ticket-created',
      locale: 'en',
      ticketId,
      ...text,
    });
    expect(
      toNotificationTemplateDto({
        key: 'ticket-created',
        locale: 'ru',
        ...text,
        version: 1,
        updatedAt: toTimestamp(at),
      }),
    ).toEqual({ key: 'ticket-created', locale: 'ru', ...text, version: 1, updatedAt: iso });
  });
});

describe('webhook subscriptions', () => {
  it('are created with the Idempotency-Key, every event when none are named', () => {
    expect(
      toCreateWebhookSubscriptionRequest(
        { name: 'Bridge', url: 'https://hooks.example.com/itsm' },
        undefined,
      ),
    ).toEqual({
      name: 'Bridge',
      url: 'https://hooks.example.com/itsm',
      eventTypes: [],
      idempotencyKey: '',
    });
    expect(
      toCreateWebhookSubscriptionRequest(
        { name: 'Bridge', url: 'https://x.test', eventTypes: ['itsm.sla.v1.clock.breached'] },
        'key-1',
      ),
    ).toMatchObject({ eventTypes: ['itsm.sla.v1.clock.breached'], idempotencyKey: 'key-1' });
  });

  it('show the secret once: on creation, never on a replay', () => {
    const first = toCreatedWebhookSubscriptionDto({
      subscription,
      secret: 's3cr3t',
      created: true,
    });
    expect(first).toEqual({
      id: subscriptionId,
      name: 'Monitoring bridge',
      url: 'https://hooks.example.com/itsm',
      eventTypes: ['itsm.tickets.v1.ticket.created'],
      active: true,
      version: 2,
      createdAt: iso,
      updatedAt: later.toISOString(),
      secret: 's3cr3t',
    });
    expect(
      toCreatedWebhookSubscriptionDto({ subscription, secret: 's3cr3t', created: false }).secret,
    ).toBeNull();
  });

  it('patch a subscription: what the body leaves out keeps the value read', () => {
    expect(toUpdateWebhookSubscriptionRequest(subscription, { active: false }, 2)).toEqual({
      id: subscriptionId,
      name: 'Monitoring bridge',
      url: 'https://hooks.example.com/itsm',
      eventTypes: ['itsm.tickets.v1.ticket.created'],
      active: false,
      expectedVersion: 2,
    });
    expect(
      toUpdateWebhookSubscriptionRequest(subscription, { eventTypes: [], name: 'All' }, 5),
    ).toMatchObject({ eventTypes: [], name: 'All', active: true, expectedVersion: 5 });
  });
});

describe('the delivery and inbound email logs', () => {
  it('show a delivery with nulls for what it has not, its tries counted', () => {
    expect(toDeliveryDto(delivery)).toEqual({
      id: deliveryId,
      channel: 'webhook',
      status: 'dead',
      recipientId: subscriptionId,
      address: 'https://hooks.example.com/itsm',
      eventId: 'evt-1',
      eventType: 'itsm.tickets.v1.ticket.created',
      ticketId: null,
      triggerKey: null,
      subject: null,
      attemptCount: 8,
      nextAttemptAt: null,
      lastError: 'HTTP 502',
      deliveredAt: null,
      createdAt: iso,
      reason: null,
    });
  });

  it('show a delivery with every attempt; no reply code is null', () => {
    const detail = toDeliveryDetailDto({
      delivery: { ...delivery, status: 'delivered', deliveredAt: toTimestamp(later) },
      attempts: [
        {
          number: 1,
          startedAt: toTimestamp(at),
          finishedAt: toTimestamp(at),
          outcome: 'failed',
          error: 'connect ECONNREFUSED',
          responseCode: 0,
        },
        {
          number: 2,
          startedAt: toTimestamp(later),
          finishedAt: toTimestamp(later),
          outcome: 'delivered',
          error: '',
          responseCode: 204,
        },
      ],
    });
    expect(detail).toMatchObject({ status: 'delivered', deliveredAt: later.toISOString() });
    expect(detail.attempts).toEqual([
      {
        number: 1,
        startedAt: iso,
        finishedAt: iso,
        outcome: 'failed',
        error: 'connect ECONNREFUSED',
        responseCode: null,
      },
      {
        number: 2,
        startedAt: later.toISOString(),
        finishedAt: later.toISOString(),
        outcome: 'delivered',
        error: null,
        responseCode: 204,
      },
    ]);
  });

  it('refuse a delivery status the contract does not list', () => {
    expect(() => toDeliveryDto({ ...delivery, status: 'lost' })).toThrow(
      'unexpected delivery status "lost"',
    );
  });

  it('filter with the list parameters of the API', () => {
    expect(toListDeliveriesRequest({})).toEqual({
      channel: '',
      status: '',
      ticketId: '',
      recipientId: '',
      eventId: '',
      pageSize: 0,
      pageToken: '',
    });
    expect(
      toListDeliveriesRequest({
        channel: 'email',
        status: 'failed',
        ticketId,
        limit: 10,
        cursor: 'c',
      }),
    ).toMatchObject({ channel: 'email', status: 'failed', ticketId, pageSize: 10, pageToken: 'c' });
    expect(toListInboundEmailsRequest({ outcome: 'dropped', limit: 20 })).toEqual({
      outcome: 'dropped',
      ticketId: '',
      pageSize: 20,
      pageToken: '',
    });
  });

  it('show an inbound email and how it found its ticket', () => {
    const email: InboundEmail = {
      id: '0193a7a0-0000-7000-8000-0000000000c1',
      messageId: '<a@mail.example.com>',
      fromAddress: 'anna@example.com',
      subject: 'Re: INC-000123',
      receivedAt: toTimestamp(at),
      outcome: 'comment_added',
      reason: '',
      ticketId,
      matchedBy: 'reply_token',
      attachments: 2,
    };
    expect(toInboundEmailDto(email)).toEqual({
      id: email.id,
      messageId: '<a@mail.example.com>',
      fromAddress: 'anna@example.com',
      subject: 'Re: INC-000123',
      receivedAt: iso,
      outcome: 'comment_added',
      reason: null,
      ticketId,
      matchedBy: 'reply_token',
      attachmentCount: 2,
    });
    expect(
      toInboundEmailDto({
        ...email,
        outcome: 'dropped',
        reason: 'auto_reply',
        ticketId: '',
        matchedBy: '',
      }),
    ).toMatchObject({ reason: 'auto_reply', ticketId: null, matchedBy: null });
  });
});

describe('field violations of the notifications service', () => {
  it.each([
    ['preferences.quiet_hours.start', 'quietHours.start'],
    ['trigger.template_key', 'templateKey'],
    ['audiences[2]', 'audiences[2]'],
    ['event_types[0]', 'eventTypes[0]'],
    ['body_html', 'bodyHtml'],
    ['bodyText', 'bodyText'],
    ['page_size', 'limit'],
    ['pageToken', 'cursor'],
  ])('%s is %s in REST', (field, rest) => {
    expect(notificationsFieldName(field)).toBe(rest);
  });

  it('are renamed in the error the filter answers with', async () => {
    const metadata = new Metadata();
    metadata.set(
      ErrorMetadata.violations,
      Buffer.from(JSON.stringify([{ field: 'preferences.quiet_hours.end', message: 'HH:MM' }])),
    );
    const refusal = { code: status.INVALID_ARGUMENT, details: 'invalid', metadata };
    await expect(withRestFieldNames(Promise.reject(refusal), notificationsFieldName)).rejects.toBe(
      refusal,
    );
    const [renamed] = metadata.get(ErrorMetadata.violations);
    expect(JSON.parse(String(renamed))).toEqual([{ field: 'quietHours.end', message: 'HH:MM' }]);
  });
});
