import type { MessageEvent } from '@nestjs/common';
import { BehaviorSubject, Subject, type Subscription } from 'rxjs';
import { principalOf, type PrincipalClaims } from '@itsm/auth';
import {
  Delivery,
  DeliveryDead,
  InAppNotification,
  NotificationCreated,
  SlaClockMet,
  SlaClockWarning,
  SlaTarget,
  TicketCreated,
  Topics,
  toTimestamp,
} from '@itsm/contracts';
import { type LiveEvent, liveEventOf, liveMessageFor } from './live-event';
import { liveStreamFor } from './live-stream';

const at = new Date('2026-11-27T10:00:00.000Z');
const ticketId = '0194a000-0000-7000-8000-000000000001';

function principal(overrides: Partial<PrincipalClaims>) {
  return principalOf({
    kind: 'user',
    id: 'emp-1',
    name: 'Requester',
    roles: ['requester'],
    scopes: [],
    organizationId: 'org-acme',
    organizationWide: false,
    groupIds: [],
    ...overrides,
  });
}

const requester = principal({});
const colleague = principal({ id: 'emp-2' });
const supervisor = principal({ id: 'sup-1', roles: ['supervisor'], organizationId: null });
/** An integration that happens to carry the same id as a person. */
const integration = principal({
  kind: 'service_account',
  id: 'emp-1',
  roles: [],
  scopes: ['tickets:read'],
  organizationId: null,
});

function notificationJson(overrides: Partial<InAppNotification> = {}): unknown {
  return NotificationCreated.toJson({
    notification: InAppNotification.fromJSON({
      id: '0194a000-0000-7000-8000-0000000000e1',
      userId: 'emp-1',
      triggerKey: 'ticket-commented',
      eventType: 'itsm.tickets.v1.ticket.commented',
      ticketId,
      ticketNumber: 'INC-000001',
      title: 'INC-000001: new comment',
      body: 'The printer has been replaced.',
      createdAt: at.toISOString(),
      ...overrides,
    }),
  });
}

function event(value: LiveEvent | undefined): LiveEvent {
  if (!value) throw new Error('expected a live event');
  return value;
}

const notificationFor = (userId: string, id = `n-${userId}`) =>
  event(
    liveEventOf(
      Topics.notifications,
      { id: `e-${id}`, type: NotificationCreated.type, time: at },
      notificationJson({ id, userId }),
    ),
  );

/** The requester's own ticket: the requester and supervisors may read it, colleagues not. */
const ticketChange = event(
  liveEventOf(
    Topics.tickets,
    { id: 'e-ticket', type: TicketCreated.type, time: at },
    TicketCreated.toJson(
      TicketCreated.fromJson({
        ticket: {
          id: ticketId,
          number: 'INC-000001',
          type: 'TICKET_TYPE_INCIDENT',
          status: 'TICKET_STATUS_NEW',
          requesterId: 'emp-1',
          organizationId: 'org-acme',
          createdAt: at.toISOString(),
          version: 1,
        },
      }),
    ),
  ),
);

describe('live events: notifications', () => {
  it('tell the bell what it shows, and nothing of whom or why', () => {
    expect(liveMessageFor(requester, notificationFor('emp-1', 'n-1'))).toEqual({
      type: 'notification',
      id: 'n-1',
      data: {
        id: 'n-1',
        title: 'INC-000001: new comment',
        body: 'The printer has been replaced.',
        ticketId,
        ticketNumber: 'INC-000001',
        createdAt: at.toISOString(),
      },
    });
  });

  it('say null for a notification about no ticket', () => {
    const addressed = liveEventOf(
      Topics.notifications,
      { id: 'e-1', type: NotificationCreated.type, time: at },
      notificationJson({ ticketId: '', ticketNumber: '' }),
    );
    expect(addressed).toMatchObject({
      kind: 'notification',
      addressed: { userId: 'emp-1', notification: { ticketId: null, ticketNumber: null } },
    });
  });

  it.each<[string, ReturnType<typeof principal>, boolean]>([
    ['the person it is for', requester, true],
    ['a colleague in the same organisation', colleague, false],
    ['a supervisor, who sees every ticket', supervisor, false],
    ['a service account with the same id', integration, false],
  ])('reach %s: %s', (_who, caller, reached) => {
    expect(liveMessageFor(caller, notificationFor('emp-1')) !== undefined).toBe(reached);
  });

  it('skip the topic’s other events and what does not decode', () => {
    const attributes = { id: 'e-2', time: at };
    const dead = DeliveryDead.toJson({
      delivery: Delivery.fromJSON({ id: 'd-1', channel: 'webhook', status: 'dead' }),
    });
    expect(
      liveEventOf(Topics.notifications, { ...attributes, type: DeliveryDead.type }, dead),
    ).toBeUndefined();
    expect(
      liveEventOf(
        Topics.notifications,
        { ...attributes, type: NotificationCreated.type },
        { notification: { id: 'n-1' } },
      ),
    ).toBeUndefined();
    expect(
      liveEventOf(Topics.notifications, { ...attributes, type: NotificationCreated.type }, null),
    ).toBeUndefined();
    // A type is read only on its own topic.
    expect(
      liveEventOf(
        Topics.tickets,
        { ...attributes, type: NotificationCreated.type },
        notificationJson(),
      ),
    ).toBeUndefined();
    expect(
      liveEventOf(Topics.sla, { ...attributes, type: TicketCreated.type }, {}),
    ).toBeUndefined();
  });
});

const clockWarning = event(
  liveEventOf(
    Topics.sla,
    { id: 'e-warning', type: SlaClockWarning.type, time: at },
    SlaClockWarning.toJson({
      ticketId,
      ticketNumber: 'INC-000001',
      target: SlaTarget.SLA_TARGET_RESOLUTION,
      policyId: '5a1a9011-0000-4000-8000-000000000030',
      dueAt: toTimestamp(new Date('2026-11-27T12:00:00.000Z')),
      threshold: 0.75,
      reachedAt: toTimestamp(at),
      elapsedMs: 10_800_000,
      occurredAt: toTimestamp(at),
    }),
  ),
);

describe('live events: SLA clocks', () => {
  it('say which ticket’s clock warned, for which target and when it is due', () => {
    expect(liveMessageFor(supervisor, clockWarning)).toEqual({
      type: 'sla',
      id: 'e-warning',
      data: {
        id: 'e-warning',
        type: 'clock.warning',
        ticketId,
        number: 'INC-000001',
        target: 'resolution',
        dueAt: '2026-11-27T12:00:00.000Z',
        occurredAt: at.toISOString(),
      },
    });
  });

  it('say null for the due time of a met clock that was paused when it stopped', () => {
    const met = liveEventOf(
      Topics.sla,
      { id: 'e-met', type: SlaClockMet.type, time: at },
      {
        ticketId,
        ticketNumber: 'INC-000001',
        target: 'SLA_TARGET_OLA',
        policyId: '5a1a9011-0000-4000-8000-000000000030',
        reachedAt: at.toISOString(),
        elapsedMs: 3_600_000,
        occurredAt: at.toISOString(),
      },
    );
    expect(met).toMatchObject({
      kind: 'sla',
      change: { type: 'clock.met', target: 'ola', dueAt: null },
    });
  });

  it.each<[string, ReturnType<typeof principal>, boolean]>([
    ['a supervisor, who oversees every clock', supervisor, true],
    ['an agent', principal({ id: 'agent-1', roles: ['agent'], organizationId: null }), false],
    ['the ticket’s requester', requester, false],
    ['an integration reading tickets only', integration, false],
  ])('reach %s: %s', (_who, caller, reached) => {
    expect(liveMessageFor(caller, clockWarning) !== undefined).toBe(reached);
  });

  it('skip what does not decode and a target the API does not know', () => {
    const attributes = { id: 'e-3', type: SlaClockWarning.type, time: at };
    expect(liveEventOf(Topics.sla, attributes, { ticketId: 42 })).toBeUndefined();
    expect(
      liveEventOf(Topics.sla, attributes, { ticketId, target: 'SLA_TARGET_UNSPECIFIED' }),
    ).toBeUndefined();
  });
});

describe('live streams', () => {
  let subscriptions: Subscription[] = [];

  afterEach(() => {
    for (const subscription of subscriptions) subscription.unsubscribe();
    subscriptions = [];
  });

  /** Streams of several callers on one replica's feed, and what each received. */
  function streams(callers: Record<string, ReturnType<typeof principal>>) {
    const source = { events: new Subject<LiveEvent>(), ready: new BehaviorSubject(false) };
    const received: Record<string, MessageEvent[]> = {};
    for (const [name, caller] of Object.entries(callers)) {
      received[name] = [];
      subscriptions.push(
        // No heartbeat within a test.
        liveStreamFor(caller, source, 3_600_000).subscribe((message) =>
          received[name]?.push(message),
        ),
      );
    }
    return { source, received };
  }

  const summary = (messages: MessageEvent[] | undefined) =>
    (messages ?? []).map(({ type, id }) => (id === undefined ? type : `${String(type)} ${id}`));

  it('give each caller the ticket changes they may read, their own notifications, SLA clocks to supervisors', () => {
    const { source, received } = streams({ requester, colleague, supervisor, integration });
    source.ready.next(true);
    source.events.next(ticketChange);
    source.events.next(notificationFor('emp-1', 'n-1'));
    source.events.next(notificationFor('emp-2', 'n-2'));
    source.events.next(notificationFor('sup-1', 'n-3'));
    source.events.next(clockWarning);

    expect(summary(received['requester'])).toEqual([
      'ready',
      'ticket e-ticket',
      'notification n-1',
    ]);
    expect(summary(received['colleague'])).toEqual(['ready', 'notification n-2']);
    expect(summary(received['supervisor'])).toEqual([
      'ready',
      'ticket e-ticket',
      'notification n-3',
      'sla e-warning',
    ]);
    expect(summary(received['integration'])).toEqual(['ready', 'ticket e-ticket']);
  });

  it('say ready once, when the feed first reads, and not again after a rejoin', () => {
    const { source, received } = streams({ requester });
    expect(summary(received['requester'])).toEqual([]);
    source.ready.next(true);
    source.ready.next(false);
    source.ready.next(true);
    expect(summary(received['requester'])).toEqual(['ready']);
  });
});
