import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import {
  Channel,
  CommentVisibility,
  PendingReason,
  Priority,
  type Ticket,
  TicketAction,
  TicketCommented,
  TicketCreated,
  TicketStateChanged,
  TicketStatus,
  TicketType,
  toTimestamp,
} from '@itsm/contracts';
import { createTestDatabase, eventually, type TestDatabase } from '@itsm/testing';
import { HOUR_MS, instantAtLocalMinute, isoWeekdayOf, localEpochDayAt } from '@itsm/zoned-time';
import {
  createTicketEventsTopic,
  deleteTicketEventsTopic,
  migrate,
  slaTestConfig,
  startSlaReplica,
  TicketEventsPublisher,
} from './testing/sla-service.harness';

const MOSCOW = 'Europe/Moscow';

/** A Friday at least a week ahead, so every instant of the scenario is still to come. */
function aFridayAhead(): number {
  let day = localEpochDayAt(MOSCOW, Date.now() + 7 * 24 * HOUR_MS);
  while (isoWeekdayOf(day) !== 5) day += 1;
  return day;
}

/** `HH:mm` Moscow time on the given local day. */
function moscowAt(epochDay: number, time: string): Date {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return instantAtLocalMinute(MOSCOW, epochDay, hours * 60 + minutes);
}

interface ClockRow {
  target: string;
  state: string;
  due_at: Date | null;
  elapsed_ms: string;
  version: number;
}

describe('SLA clocks driven by ticket events on real PostgreSQL and Kafka', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let publisher: TicketEventsPublisher;
  let topic: string;

  beforeAll(async () => {
    database = await createTestDatabase('itsm_sla');
    topic = await createTicketEventsTopic();
    const config = slaTestConfig(database, topic);
    await migrate(config);
    app = await startSlaReplica(config);
    publisher = new TicketEventsPublisher(topic);
  });

  afterAll(async () => {
    await publisher?.close();
    await app?.close();
    await database?.drop();
    if (topic) await deleteTicketEventsTopic(topic);
  });

  const clocksOf = (ticketId: string) =>
    database.query<ClockRow>(
      `SELECT target, state, due_at, elapsed_ms, version FROM sla_clocks
        WHERE ticket_id = $1 ORDER BY target`,
      [ticketId],
    );

  const clockWhere = (ticketId: string, target: string, matches: (row: ClockRow) => boolean) =>
    eventually(`the ${target} clock of ${ticketId} to change`, async () => {
      const row = (await clocksOf(ticketId)).find((candidate) => candidate.target === target);
      return row && matches(row) ? row : undefined;
    });

  const applied = (eventId: string) =>
    eventually(`event ${eventId} to be applied`, async () => {
      const rows = await database.query('SELECT 1 FROM inbox_events WHERE event_id = $1', [
        eventId,
      ]);
      return rows.length > 0 ? rows : undefined;
    });

  /** A medium incident opened on a Friday at 17:30 Moscow time. */
  function aTicket(friday: number): Ticket {
    const id = randomUUID();
    return TicketCreated.fromJson({
      ticket: {
        id,
        number: `INC-${id.slice(0, 6)}`,
        type: TicketType.TICKET_TYPE_INCIDENT,
        status: TicketStatus.TICKET_STATUS_NEW,
        priority: Priority.PRIORITY_MEDIUM,
        channel: Channel.CHANNEL_PORTAL,
        createdAt: moscowAt(friday, '17:30').toISOString(),
      },
    }).ticket as Ticket;
  }

  const opened = (ticket: Ticket) =>
    publisher.publish(TicketCreated, { ticket }, { key: ticket.id, subject: ticket.number });

  function stateChange(
    ticket: Ticket,
    at: Date,
    change: Pick<Ticket, 'status' | 'pendingReason'>,
    fromStatus: TicketStatus,
    action: TicketAction,
    id?: string,
  ) {
    return publisher.publish(
      TicketStateChanged,
      {
        ticket: { ...ticket, ...change, updatedAt: toTimestamp(at) },
        fromStatus,
        action,
        actorId: 'agent-1',
        changes: [],
      },
      { key: ticket.id, subject: ticket.number, ...(id ? { id } : {}) },
    );
  }

  const pend = (ticket: Ticket, at: Date, id?: string) =>
    stateChange(
      ticket,
      at,
      {
        status: TicketStatus.TICKET_STATUS_PENDING,
        pendingReason: PendingReason.PENDING_REASON_AWAITING_CUSTOMER,
      },
      TicketStatus.TICKET_STATUS_IN_PROGRESS,
      TicketAction.TICKET_ACTION_PEND,
      id,
    );

  const resume = (ticket: Ticket, at: Date) =>
    stateChange(
      ticket,
      at,
      {
        status: TicketStatus.TICKET_STATUS_IN_PROGRESS,
        pendingReason: PendingReason.PENDING_REASON_UNSPECIFIED,
      },
      TicketStatus.TICKET_STATUS_PENDING,
      TicketAction.TICKET_ACTION_RESUME,
    );

  it('starts two clocks on the Moscow calendar, and a pause for the customer moves them', async () => {
    const friday = aFridayAhead();
    const monday = friday + 3;
    const wednesday = friday + 5;
    const thursday = friday + 6;
    const ticket = aTicket(friday);

    await opened(ticket);
    const started = await eventually('two clocks', async () => {
      const rows = await clocksOf(ticket.id);
      return rows.length === 2 ? rows : undefined;
    });
    // Medium incidents: first response in 4 business hours, resolution in 3 business days.
    expect(started.map(({ target, state, due_at }) => [target, state, due_at])).toEqual([
      ['first_response', 'running', moscowAt(monday, '12:30')],
      ['resolution', 'running', moscowAt(wednesday, '17:30')],
    ]);

    await pend(ticket, moscowAt(monday, '10:00'));
    const paused = await clockWhere(ticket.id, 'first_response', (row) => row.state === 'paused');
    expect(paused).toMatchObject({ due_at: null, elapsed_ms: String(1.5 * HOUR_MS) });

    await resume(ticket, moscowAt(monday, '11:00'));
    const resumed = await clockWhere(ticket.id, 'first_response', (row) => row.state === 'running');
    expect(resumed.due_at).toEqual(moscowAt(monday, '13:30'));
    const resolution = await clockWhere(ticket.id, 'resolution', (row) => row.state === 'running');
    expect(resolution.due_at).toEqual(moscowAt(thursday, '09:30'));
  });

  it('applies a redelivered event once, even after a later event of the ticket', async () => {
    const friday = aFridayAhead();
    const monday = friday + 3;
    const ticket = aTicket(friday);
    await opened(ticket);
    const pendId = await pend(ticket, moscowAt(monday, '10:00'));
    await resume(ticket, moscowAt(monday, '11:00'));
    const before = await clockWhere(ticket.id, 'first_response', (row) => row.version === 3);

    // The pause again, as a broker redelivers it after a rebalance: it must not pause the clock.
    await pend(ticket, moscowAt(monday, '10:00'), pendId);
    const marker = await publisher.publish(
      TicketCommented,
      {
        ticket: { ...ticket, updatedAt: toTimestamp(moscowAt(monday, '11:05')) },
        comment: {
          id: randomUUID(),
          ticketId: ticket.id,
          authorId: 'agent-1',
          visibility: CommentVisibility.COMMENT_VISIBILITY_INTERNAL,
          body: 'Asked the customer for the VPN client log.',
          createdAt: toTimestamp(moscowAt(monday, '11:05')),
        },
        firstResponse: false,
      },
      { key: ticket.id, subject: ticket.number },
    );
    // Events of a ticket are applied in order: once this one is, the redelivery was seen.
    await applied(marker);

    const after = await clocksOf(ticket.id);
    expect(after.find((row) => row.target === 'first_response')).toEqual(before);
    expect(
      await database.query(
        'SELECT count(*)::int AS applied FROM inbox_events WHERE event_id = $1',
        [pendId],
      ),
    ).toEqual([{ applied: 1 }]);
  });
});
