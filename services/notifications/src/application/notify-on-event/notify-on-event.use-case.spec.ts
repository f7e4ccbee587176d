import type { NotifiableEvent, TicketFacts } from '../notifiable-event';
import type { GroupDirectory } from '../ports/group-directory';
import type { Recipient } from '../ports/recipient';
import { InMemoryNotificationStore } from '../testing/in-memory-notification.store';
import { NotifyOnEventUseCase } from './notify-on-event.use-case';

const NOW = new Date('2026-11-27T10:00:00Z');
const TICKET_ID = '0194a000-0000-7000-8000-000000000001';

function person(userId: string, overrides: Partial<Recipient> = {}): Recipient {
  return {
    userId,
    email: `${userId}@example.com`,
    displayName: userId,
    language: 'ru',
    timeZone: 'Europe/Moscow',
    roles: ['requester'],
    organizationId: null,
    active: true,
    version: 1,
    ...overrides,
  };
}

function ticket(overrides: Partial<TicketFacts> = {}): TicketFacts {
  return {
    id: TICKET_ID,
    number: 'INC-000001',
    type: 'incident',
    title: 'Не печатает принтер',
    description: 'Замятие в лотке 2',
    status: 'new',
    priority: 'moderate',
    requesterId: 'emp-1',
    assigneeId: null,
    groupId: null,
    watcherIds: [],
    version: 1,
    ...overrides,
  };
}

function event(overrides: Partial<NotifiableEvent> = {}): NotifiableEvent {
  return {
    id: 'event-1',
    type: 'itsm.tickets.v1.ticket.created',
    source: '/itsm/tickets',
    subject: 'INC-000001',
    occurredAt: NOW,
    ticket: ticket(),
    ticketId: TICKET_ID,
    actorId: null,
    comment: null,
    sla: null,
    approverIds: [],
    groupId: null,
    routedToAgent: false,
    data: { ticket: { id: TICKET_ID } },
    ...overrides,
  };
}

describe('NotifyOnEventUseCase', () => {
  let store: InMemoryNotificationStore;
  let groups: GroupDirectory & { lookups: string[] };
  let ids: number;
  let useCase: NotifyOnEventUseCase;

  beforeEach(() => {
    store = new InMemoryNotificationStore();
    store.people.set('emp-1', person('emp-1', { displayName: 'Светлана Иванова' }));
    store.people.set('john', person('john', { language: 'en', displayName: 'John Smith' }));
    store.people.set('agent-1', person('agent-1', { roles: ['agent'] }));
    store.people.set('agent-2', person('agent-2', { roles: ['agent'] }));
    store.people.set('sup-1', person('sup-1', { roles: ['supervisor'] }));
    groups = {
      lookups: [],
      async peopleOf(groupId) {
        this.lookups.push(groupId);
        return { memberIds: ['agent-1', 'agent-2'], supervisorId: 'sup-1' };
      },
    };
    ids = 0;
    useCase = new NotifyOnEventUseCase(
      groups,
      { now: () => NOW },
      () => `00000000-0000-7000-8000-${String(++ids).padStart(12, '0')}`,
      {
        publicBaseUrl: 'https://desk.example.com/',
        mailbox: 'support@desk.example.com',
        replySecret: 'x'.repeat(32),
        maxAttempts: 5,
      },
    );
  });

  it('confirms a new ticket to its requester by email and in the app, in their language', async () => {
    await useCase.handle(event(), store);

    const email = store.deliveries.find(({ channel }) => channel === 'email');
    expect(email).toMatchObject({
      status: 'pending',
      recipientId: 'emp-1',
      address: 'emp-1@example.com',
      triggerKey: 'ticket-created',
      nextAttemptAt: NOW,
    });
    expect(email?.subject).toContain('[INC-000001]');
    expect(email?.subject).toMatch(/[а-я]/i);
    expect(email?.content).toMatchObject({
      kind: 'email',
      references: [`<ticket-${TICKET_ID}@desk.example.com>`],
      headers: { 'Auto-Submitted': 'auto-generated', 'X-ITSM-Ticket': 'INC-000001' },
    });
    expect(store.inApp).toEqual([
      expect.objectContaining({
        userId: 'emp-1',
        ticketNumber: 'INC-000001',
        triggerKey: 'ticket-created',
      }),
    ]);
    expect(store.tickets.get(TICKET_ID)?.title).toBe('Не печатает принтер');
    // The Message-ID is remembered, so a reply to it finds the ticket.
    expect(email?.content.kind === 'email' && store.threads.get(email.content.messageId)).toBe(
      TICKET_ID,
    );
  });

  it('writes to English speakers in English', async () => {
    await useCase.handle(
      event({ ticket: ticket({ requesterId: 'john', title: 'Printer jams' }) }),
      store,
    );
    const email = store.deliveries.find(({ channel }) => channel === 'email');
    expect(email?.subject).toMatch(/^\[INC-000001\] /);
    expect(email?.subject).not.toMatch(/[а-я]/i);
    expect(email?.content.kind === 'email' && email.content.text).toContain('John Smith');
  });

  it('sends nothing twice for a replayed event', async () => {
    await useCase.handle(event(), store);
    const first = store.deliveries.length;
    await useCase.handle(event(), store);
    expect(store.deliveries).toHaveLength(first);
    expect(store.inApp).toHaveLength(1);
  });

  it('never tells people about their own change', async () => {
    await useCase.handle(
      event({
        type: 'itsm.tickets.v1.ticket.commented',
        ticket: ticket({ assigneeId: 'agent-1' }),
        actorId: 'emp-1',
        comment: { visibility: 'public', body: 'Всё ещё не печатает', authorId: 'emp-1' },
      }),
      store,
    );
    expect(store.deliveries.map(({ recipientId }) => recipientId)).not.toContain('emp-1');
    expect(new Set(store.deliveries.map(({ recipientId }) => recipientId))).toEqual(
      new Set(['agent-1']),
    );
  });

  it('keeps internal notes from requesters and watchers', async () => {
    await useCase.handle(
      event({
        type: 'itsm.tickets.v1.ticket.commented',
        ticket: ticket({ assigneeId: 'agent-1', watcherIds: ['john'] }),
        actorId: 'agent-2',
        comment: { visibility: 'internal', body: 'Похоже на драйвер', authorId: 'agent-2' },
      }),
      store,
    );
    const told = new Set(store.deliveries.map(({ recipientId }) => recipientId));
    expect(told).toEqual(new Set(['agent-1']));
  });

  it('tells the group queue about a routed ticket unless routing chose an agent', async () => {
    store.tickets.set(TICKET_ID, ticket());
    const routed = event({
      type: 'itsm.routing.v1.ticket.routed',
      ticket: null,
      groupId: 'group-network',
    });
    await useCase.handle(routed, store);
    expect(groups.lookups).toEqual(['group-network']);
    expect(new Set(store.deliveries.map(({ recipientId }) => recipientId))).toEqual(
      new Set(['agent-1', 'agent-2']),
    );

    const other = new InMemoryNotificationStore();
    other.people.clear();
    for (const [id, recipient] of store.people) other.people.set(id, recipient);
    other.tickets.set(TICKET_ID, ticket());
    await useCase.handle({ ...routed, id: 'event-2', routedToAgent: true }, other);
    expect(other.deliveries).toEqual([]);
  });

  it('holds low-importance email for the digest and email inside quiet hours until they end', async () => {
    store.preferencesByUser.set('agent-1', {
      userId: 'agent-1',
      emailEnabled: true,
      inAppEnabled: true,
      quietHours: { start: '12:00', end: '14:00' },
      digestLowPriority: true,
    });
    // 13:00 in Moscow: inside the quiet hours.
    await useCase.handle(
      event({
        type: 'itsm.tickets.v1.ticket.assigned',
        ticket: ticket({ assigneeId: 'agent-1', status: 'assigned' }),
        actorId: 'sup-1',
      }),
      store,
    );
    const email = store.deliveries.find(({ channel }) => channel === 'email');
    expect(email).toMatchObject({ status: 'pending', reason: 'quiet_hours' });
    expect(email?.nextAttemptAt?.toISOString()).toBe('2026-11-27T11:00:00.000Z');
    // In the app at once: quiet hours hold back email only.
    expect(store.inApp).toHaveLength(1);

    await useCase.handle(
      event({
        id: 'event-3',
        type: 'itsm.tickets.v1.ticket.commented',
        ticket: ticket({ assigneeId: 'agent-1' }),
        actorId: 'emp-1',
        comment: { visibility: 'public', body: 'Добавила фото', authorId: 'emp-1' },
      }),
      store,
    );
    const held = store.deliveries.find(
      ({ eventId, channel }) => eventId === 'event-3' && channel === 'email',
    );
    expect(held).toMatchObject({ status: 'held_for_digest', recipientId: 'agent-1' });
  });

  it('records email a person switched off as suppressed, and sends no in-app notification they switched off', async () => {
    store.preferencesByUser.set('emp-1', {
      userId: 'emp-1',
      emailEnabled: false,
      inAppEnabled: false,
      quietHours: null,
      digestLowPriority: false,
    });
    await useCase.handle(event(), store);
    expect(store.deliveries).toEqual([
      expect.objectContaining({
        channel: 'email',
        status: 'suppressed',
        reason: 'channel_disabled',
      }),
    ]);
    expect(store.inApp).toEqual([]);
  });

  it('posts every subscribed event to its webhooks as a CloudEvent, tickets or not', async () => {
    store.webhooks = [
      { id: 'hook-all', url: 'https://crm.example.com/all', secret: 's1', eventTypes: [] },
      {
        id: 'hook-ci',
        url: 'https://crm.example.com/ci',
        secret: 's2',
        eventTypes: ['itsm.cmdb.v1.item.created'],
      },
    ];
    await useCase.handle(
      event({
        type: 'itsm.cmdb.v1.item.created',
        source: '/itsm/cmdb',
        ticket: null,
        ticketId: null,
        subject: 'LT-0042',
        data: { item: { name: 'LT-0042' } },
      }),
      store,
    );
    expect(
      store.deliveries.map(({ recipientId, channel, status }) => [recipientId, channel, status]),
    ).toEqual([
      ['hook-all', 'webhook', 'pending'],
      ['hook-ci', 'webhook', 'pending'],
    ]);
    const content = store.deliveries[0]?.content;
    expect(content?.kind === 'webhook' && JSON.parse(content.body)).toEqual({
      specversion: '1.0',
      id: 'event-1',
      type: 'itsm.cmdb.v1.item.created',
      source: '/itsm/cmdb',
      subject: 'LT-0042',
      time: NOW.toISOString(),
      datacontenttype: 'application/json',
      data: { item: { name: 'LT-0042' } },
    });
  });

  it('notifies nobody who is unknown to the directory or inactive', async () => {
    store.people.set('emp-1', person('emp-1', { active: false }));
    await useCase.handle(event(), store);
    await useCase.handle(event({ id: 'event-9', ticket: ticket({ requesterId: 'ghost' }) }), store);
    expect(store.deliveries).toEqual([]);
  });

  it('tells a person created a moment ago once their directory entry arrives', async () => {
    await useCase.handle(event({ ticket: ticket({ requesterId: 'new-user' }) }), store);
    expect(store.deliveries).toEqual([]);

    store.people.set('new-user', person('new-user', { language: 'en', displayName: 'New User' }));
    await useCase.recipientArrived('new-user', store);
    expect(store.deliveries.map(({ recipientId, channel }) => [recipientId, channel])).toEqual([
      ['new-user', 'email'],
      ['new-user', 'in_app'],
    ]);
    // Nothing is kept any more: a second arrival (a later profile change) sends nothing.
    await useCase.recipientArrived('new-user', store);
    expect(store.deliveries).toHaveLength(2);
  });

  it('does not keep old events for ids that are not people', async () => {
    await useCase.handle(
      event({
        occurredAt: new Date(NOW.getTime() - 2 * 60 * 60_000),
        ticket: ticket({ requesterId: 'imported-42' }),
      }),
      store,
    );
    expect(store.awaiting.size).toBe(0);
  });
});
