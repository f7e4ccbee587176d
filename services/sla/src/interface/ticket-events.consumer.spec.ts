import type { EntityManager } from 'typeorm';
import {
  type EventType,
  TicketCommented,
  TicketCreated,
  TicketResolved,
  TicketUpdated,
} from '@itsm/contracts';
import type { EventHandler } from '@itsm/messaging';
import type { ClockTransaction } from '../application/ports/clock-store';
import { SlaError, SlaErrorCode } from '../domain/sla-error';
import { type TicketEventUseCases, ticketEventHandlers } from './ticket-events.consumer';

const TOPIC = 'itsm.tickets.v1.mirror';
const transaction = {} as ClockTransaction;

const ticket = (overrides: Record<string, unknown> = {}) => ({
  id: '0194a000-0000-7000-8000-000000000001',
  number: 'INC-000001',
  type: 'TICKET_TYPE_INCIDENT',
  status: 'TICKET_STATUS_NEW',
  priority: 'PRIORITY_MEDIUM',
  createdAt: '2026-11-27T14:30:00Z',
  ...overrides,
});

function consumer() {
  const calls: string[] = [];
  const logged: string[] = [];
  const record =
    (name: string) =>
    async (command: unknown, used: ClockTransaction): Promise<never[]> => {
      expect(used).toBe(transaction);
      calls.push(`${name} ${JSON.stringify(command)}`);
      return [];
    };
  const useCases = {
    startClocks: { execute: record('startClocks') },
    trackTicketStatus: { execute: record('trackTicketStatus') },
    recordFirstResponse: { execute: record('recordFirstResponse') },
    changeClockTargets: { execute: record('changeClockTargets') },
  } as unknown as TicketEventUseCases;
  const log = (object: object, message: string) =>
    logged.push(`${message} ${(object as { code?: string }).code ?? ''}`.trim());
  const handlers = ticketEventHandlers(
    useCases,
    { transactionOn: () => transaction },
    { error: log, warn: log, info: log, debug: log },
    TOPIC,
  );
  const deliver = async <T>(eventType: EventType<T>, json: Record<string, unknown>) => {
    const handler = handlers.find(
      (candidate) => candidate.eventType.type === eventType.type,
    ) as EventHandler<T>;
    expect(handler.eventType.topic).toBe(TOPIC);
    await handler.handle(
      {
        attributes: {
          id: 'event-1',
          type: eventType.type,
          source: '/itsm/tickets',
          time: new Date(),
        },
        key: undefined,
        payload: eventType.fromJson(json),
      },
      {} as EntityManager,
    );
  };
  return { calls, logged, deliver, useCases };
}

describe('the ticket-event consumer', () => {
  it('starts clocks for a created ticket', async () => {
    const { calls, deliver } = consumer();
    await deliver(TicketCreated, { ticket: ticket() });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatch(/^startClocks .*"status":"new"/);
  });

  it('tracks the status of a resolved ticket', async () => {
    const { calls, deliver } = consumer();
    await deliver(TicketResolved, {
      ticket: ticket({ status: 'TICKET_STATUS_RESOLVED' }),
      fromStatus: 'TICKET_STATUS_IN_PROGRESS',
      action: 'TICKET_ACTION_RESOLVE',
    });
    expect(calls.map((call) => call.split(' ')[0])).toEqual(['trackTicketStatus']);
  });

  it('records the first response from a comment', async () => {
    const { calls, deliver } = consumer();
    await deliver(TicketCommented, {
      ticket: ticket({ firstRespondedAt: '2026-11-30T08:00:00Z' }),
      comment: { id: 'c-1', visibility: 'COMMENT_VISIBILITY_PUBLIC' },
      firstResponse: true,
    });
    expect(calls).toEqual([
      `recordFirstResponse ${JSON.stringify({
        ticketId: '0194a000-0000-7000-8000-000000000001',
        respondedAt: '2026-11-30T08:00:00.000Z',
      })}`,
    ]);
  });

  it('changes the targets when the priority, service or category changed, and only then', async () => {
    const { calls, deliver } = consumer();
    await deliver(TicketUpdated, {
      ticket: ticket({ priority: 'PRIORITY_HIGH' }),
      changes: [{ field: 'priority', oldValue: 'medium', newValue: 'high' }],
    });
    await deliver(TicketUpdated, {
      ticket: ticket(),
      changes: [{ field: 'title', oldValue: 'a', newValue: 'b' }],
    });
    await deliver(TicketUpdated, {
      ticket: ticket({ serviceId: '0194a000-0000-7000-8000-0000000000a1' }),
      changes: [
        { field: 'serviceId', oldValue: '', newValue: '0194a000-0000-7000-8000-0000000000a1' },
      ],
    });
    await deliver(TicketUpdated, {
      ticket: ticket({ categoryId: '0194a000-0000-7000-8000-0000000000c1' }),
      changes: [
        { field: 'categoryId', oldValue: '', newValue: '0194a000-0000-7000-8000-0000000000c1' },
      ],
    });
    expect(calls.map((call) => call.split(' ')[0])).toEqual([
      'changeClockTargets',
      'changeClockTargets',
      'changeClockTargets',
    ]);
  });

  it('ignores problems and changes', async () => {
    const { calls, deliver } = consumer();
    await deliver(TicketCreated, { ticket: ticket({ type: 'TICKET_TYPE_PROBLEM' }) });
    await deliver(TicketCreated, { ticket: ticket({ type: 'TICKET_TYPE_CHANGE' }) });
    expect(calls).toEqual([]);
  });

  it('skips an event the clocks refuse, and lets other failures be retried', async () => {
    const { deliver, logged, useCases } = consumer();
    useCases.startClocks.execute = () =>
      Promise.reject(new SlaError(SlaErrorCode.NotFound, 'calendar x does not exist'));
    await deliver(TicketCreated, { ticket: ticket() });
    expect(logged).toEqual(['ticket event skipped: the SLA clocks cannot apply it NOT_FOUND']);

    useCases.startClocks.execute = () => Promise.reject(new Error('connection terminated'));
    await expect(deliver(TicketCreated, { ticket: ticket() })).rejects.toThrow(
      'connection terminated',
    );
  });
});
