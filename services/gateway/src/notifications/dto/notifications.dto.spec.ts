import type { ArgumentMetadata } from '@nestjs/common';
import { apiValidationPipe } from '../../configure-http';
import { ValidationException } from '../../problem/validation.exception';
import { ListDeliveriesQueryDto } from './delivery.dto';
import {
  ListInAppNotificationsQueryDto,
  MarkNotificationsReadDto,
} from './in-app-notification.dto';
import { ListInboundEmailsQueryDto } from './inbound-email.dto';
import { WriteNotificationPreferencesDto } from './notification-preferences.dto';
import {
  NotificationTemplatePathDto,
  PreviewNotificationTemplateDto,
  WriteNotificationTemplateDto,
} from './notification-template.dto';
import {
  NotificationTriggerPathDto,
  UpdateNotificationTriggerDto,
} from './notification-trigger.dto';
import {
  CreateWebhookSubscriptionDto,
  UpdateWebhookSubscriptionDto,
} from './webhook-subscription.dto';

const pipe = apiValidationPipe();
const id = '0193a7a0-0000-7000-8000-0000000000e1';

function accept(
  metatype: ArgumentMetadata['metatype'],
  value: unknown,
  type: ArgumentMetadata['type'] = 'body',
): Promise<unknown> {
  return pipe.transform(value, { type, metatype });
}

async function refusals(
  metatype: ArgumentMetadata['metatype'],
  value: unknown,
  type: ArgumentMetadata['type'] = 'body',
): Promise<Record<string, string[]>> {
  try {
    await accept(metatype, value, type);
    return {};
  } catch (error) {
    if (!(error instanceof ValidationException)) throw error;
    const byField: Record<string, string[]> = {};
    for (const { field, message } of error.errors)
      byField[field] = [...(byField[field] ?? []), message];
    return byField;
  }
}

const refusedFields = async (...args: Parameters<typeof refusals>) =>
  Object.keys(await refusals(...args)).sort();

describe('in-app notification queries and bodies', () => {
  it('read booleans and numbers from the query', async () => {
    expect(
      await accept(ListInAppNotificationsQueryDto, { unreadOnly: 'true', limit: '5' }, 'query'),
    ).toEqual({ unreadOnly: true, limit: 5 });
  });

  it('refuse a page larger than the service gives, and unknown parameters', async () => {
    expect(
      await refusedFields(
        ListInAppNotificationsQueryDto,
        { limit: '101', unreadOnly: 'yes', userId: 'emp-2' },
        'query',
      ),
    ).toEqual(['limit', 'unreadOnly', 'userId']);
  });

  it('mark all (no ids) or the ones named; never somebody by user id', async () => {
    expect(await accept(MarkNotificationsReadDto, {})).toEqual({});
    expect(await accept(MarkNotificationsReadDto, { ids: [id] })).toEqual({ ids: [id] });
    expect(
      await refusedFields(MarkNotificationsReadDto, { ids: ['n-1'], userId: 'emp-2' }),
    ).toEqual(['ids', 'userId']);
  });
});

describe('notification preferences', () => {
  const preferences = {
    emailEnabled: true,
    inAppEnabled: true,
    quietHours: { start: '22:00', end: '07:00' },
    digestLowPriority: false,
  };

  it('take quiet hours that run past midnight, or none', async () => {
    expect(await accept(WriteNotificationPreferencesDto, preferences)).toEqual(preferences);
    expect(
      await accept(WriteNotificationPreferencesDto, { ...preferences, quietHours: null }),
    ).toMatchObject({ quietHours: null });
  });

  it('need quiet hours said, as null for none: PUT replaces everything', async () => {
    const { quietHours: _quietHours, ...withoutQuietHours } = preferences;
    expect(await refusals(WriteNotificationPreferencesDto, withoutQuietHours)).toEqual({
      quietHours: ['quietHours must be {start, end}, or null for none'],
    });
    expect(
      await refusedFields(WriteNotificationPreferencesDto, { ...preferences, quietHours: '22-07' }),
    ).toEqual(['quietHours']);
  });

  it('refuse a time that is not HH:mm, a missing switch and unknown fields', async () => {
    expect(
      await refusals(WriteNotificationPreferencesDto, {
        emailEnabled: 'yes',
        inAppEnabled: true,
        quietHours: { start: '24:00', end: '7:00' },
        smsEnabled: true,
      }),
    ).toEqual({
      emailEnabled: [expect.any(String)],
      digestLowPriority: [expect.any(String)],
      'quietHours.start': ['start must be a time of day HH:mm'],
      'quietHours.end': ['end must be a time of day HH:mm'],
      smsEnabled: [expect.any(String)],
    });
  });
});

describe('triggers', () => {
  it('take a partial change', async () => {
    expect(await accept(UpdateNotificationTriggerDto, { enabled: false })).toEqual({
      enabled: false,
    });
    expect(
      await accept(UpdateNotificationTriggerDto, {
        audiences: ['requester', 'watchers'],
        channels: ['in_app'],
        importance: 'low',
        templateKey: 'ticket-created',
      }),
    ).toMatchObject({ channels: ['in_app'] });
  });

  it('refuse audiences and channels the platform does not have, and a webhook channel', async () => {
    expect(
      await refusedFields(UpdateNotificationTriggerDto, {
        audiences: ['everyone'],
        channels: ['webhook'],
        importance: 'urgent',
        templateKey: 'Ticket Created',
        eventType: 'itsm.tickets.v1.ticket.created',
      }),
    ).toEqual(['audiences', 'channels', 'eventType', 'importance', 'templateKey']);
    expect(
      await refusedFields(UpdateNotificationTriggerDto, { channels: ['email', 'email'] }),
    ).toEqual(['channels']);
  });

  it('name a trigger by its key in the path', async () => {
    expect(await accept(NotificationTriggerPathDto, { key: 'ticket-created' }, 'param')).toEqual({
      key: 'ticket-created',
    });
    expect(await refusedFields(NotificationTriggerPathDto, { key: '../x' }, 'param')).toEqual([
      'key',
    ]);
  });
});

describe('templates', () => {
  const draft = { subject: 'S', bodyText: 'T', bodyHtml: '<p>H</p>' };

  it('are named by key and one of the two languages', async () => {
    expect(
      await accept(NotificationTemplatePathDto, { key: 'ticket-created', locale: 'ru' }, 'param'),
    ).toEqual({ key: 'ticket-created', locale: 'ru' });
    expect(
      await refusedFields(
        NotificationTemplatePathDto,
        { key: 'ticket-created', locale: 'de' },
        'param',
      ),
    ).toEqual(['locale']);
  });

  it('are written whole', async () => {
    expect(await accept(WriteNotificationTemplateDto, draft)).toEqual(draft);
    expect(
      await refusedFields(WriteNotificationTemplateDto, {
        subject: '',
        bodyText: 'x'.repeat(20_001),
        version: 2,
      }),
    ).toEqual(['bodyHtml', 'bodyText', 'subject', 'version']);
  });

  it('are previewed as stored, or as a draft of all three parts', async () => {
    expect(await accept(PreviewNotificationTemplateDto, {})).toEqual({});
    expect(await accept(PreviewNotificationTemplateDto, { ticketId: id, ...draft })).toEqual({
      ticketId: id,
      ...draft,
    });
    expect(await refusals(PreviewNotificationTemplateDto, { subject: 'S' })).toEqual({
      bodyText: [
        'bodyText is missing: a draft has subject, bodyText and bodyHtml, or none of them',
      ],
      bodyHtml: [
        'bodyHtml is missing: a draft has subject, bodyText and bodyHtml, or none of them',
      ],
    });
    expect(
      await refusals(PreviewNotificationTemplateDto, {
        ...draft,
        bodyHtml: 3,
        subject: 'x'.repeat(251),
      }),
    ).toEqual({
      bodyHtml: ['bodyHtml must be a string of at most 20000 characters'],
      subject: ['subject must be a string of at most 250 characters'],
    });
    expect(await refusedFields(PreviewNotificationTemplateDto, { ticketId: 'INC-1' })).toEqual([
      'ticketId',
    ]);
  });
});

describe('webhook subscriptions', () => {
  it('take http and https URLs, internal hosts too', async () => {
    for (const url of [
      'https://hooks.example.com/itsm?team=ops',
      'http://monitoring.internal:8080/hook',
      'http://10.0.0.7/hook',
    ])
      expect(await accept(CreateWebhookSubscriptionDto, { name: 'Bridge', url })).toEqual({
        name: 'Bridge',
        url,
      });
  });

  it.each([
    'ftp://files.example.com/x',
    'javascript:alert(1)',
    'hooks.example.com/itsm',
    'file:///etc/passwd',
  ])('refuse %s', async (url) => {
    expect(await refusals(CreateWebhookSubscriptionDto, { name: 'Bridge', url })).toEqual({
      url: ['url must be an http or https URL'],
    });
  });

  it('refuse a blank name, event types that are no CloudEvents types, and unknown fields', async () => {
    expect(
      await refusedFields(CreateWebhookSubscriptionDto, {
        name: '  ',
        url: 'https://x.example.com',
        eventTypes: ['itsm.tickets.v1.ticket.created', 'Ticket Created'],
        secret: 'mine',
      }),
    ).toEqual(['eventTypes', 'name', 'secret']);
  });

  it('change only what a PATCH names; the URL stays http(s)', async () => {
    expect(await accept(UpdateWebhookSubscriptionDto, { active: false })).toEqual({
      active: false,
    });
    expect(
      await refusedFields(UpdateWebhookSubscriptionDto, { url: 'gopher://x', active: 'no' }),
    ).toEqual(['active', 'url']);
  });
});

describe('log filters', () => {
  it('take the channels, statuses and outcomes the logs have', async () => {
    expect(
      await accept(
        ListDeliveriesQueryDto,
        { channel: 'webhook', status: 'held_for_digest', ticketId: id, limit: '200' },
        'query',
      ),
    ).toEqual({ channel: 'webhook', status: 'held_for_digest', ticketId: id, limit: 200 });
    expect(
      await accept(ListInboundEmailsQueryDto, { outcome: 'rejected', limit: '1' }, 'query'),
    ).toEqual({ outcome: 'rejected', limit: 1 });
  });

  it('refuse others', async () => {
    expect(
      await refusedFields(
        ListDeliveriesQueryDto,
        { channel: 'sms', status: 'lost', ticketId: 'INC-1', limit: '201' },
        'query',
      ),
    ).toEqual(['channel', 'limit', 'status', 'ticketId']);
    expect(
      await refusedFields(ListInboundEmailsQueryDto, { outcome: 'spam', limit: '0' }, 'query'),
    ).toEqual(['limit', 'outcome']);
  });
});
