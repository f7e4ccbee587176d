import { SYSTEM_CALLER } from '../testing/test-callers';
import { emptyCatalog } from '../testing/in-memory-catalog-store';
import { TicketAssigned, TicketResolved, TicketStateChanged } from '@itsm/contracts';
import { TicketErrorCode } from '../../domain/ticket-error';
import { CreateTicketUseCase } from '../create-ticket/create-ticket.use-case';
import { ListTicketHistoryUseCase } from '../ticket-history/list-ticket-history.use-case';
import {
  InMemoryTicketStore,
  sequentialIds,
  steppingClock,
} from '../testing/in-memory-ticket-store';
import { TransitionTicketUseCase } from './transition-ticket.use-case';

async function setup() {
  const store = new InMemoryTicketStore();
  const clock = steppingClock(new Date('2026-11-27T09:00:00Z'), 60_000);
  const { ticket } = await new CreateTicketUseCase(
    store,
    clock,
    sequentialIds(),
    emptyCatalog(),
  ).execute({
    caller: SYSTEM_CALLER,
    idempotencyKey: '',
    type: 'incident',
    title: 'Printer jams',
    description: '',
    impact: 'low',
    urgency: 'low',
    channel: 'phone',
    requesterId: 'emp-1',
    organizationId: undefined,
  });
  const transition = new TransitionTicketUseCase(store, clock, sequentialIds(), {
    reopenWindowMs: 3_600_000,
  });
  return { store, ticket, transition };
}

describe('TransitionTicketUseCase', () => {
  it('changes the ticket, records history and emits one event named by the action', async () => {
    const { store, ticket, transition } = await setup();
    const assigned = await transition.execute({
      caller: SYSTEM_CALLER,
      ticketId: ticket.id,
      expectedVersion: 1,
      action: 'assign',
      actorId: 'dispatcher-1',
      assignmentGroupId: 'service-desk',
    });
    expect(assigned).toMatchObject({
      status: 'assigned',
      assignmentGroupId: 'service-desk',
      version: 2,
    });
    expect(store.stored(ticket.id)).toEqual(assigned);
    expect(store.events.map(({ type }) => type)).toEqual([
      'itsm.tickets.v1.ticket.created',
      TicketAssigned.type,
    ]);
    expect(store.events[1]?.event).toMatchObject({
      key: ticket.id,
      subject: 'INC-000001',
      payload: {
        fromStatus: 'TICKET_STATUS_NEW',
        action: 'TICKET_ACTION_ASSIGN',
        actorId: 'dispatcher-1',
        changes: [
          { field: 'status', oldValue: 'new', newValue: 'assigned' },
          { field: 'assignmentGroupId', oldValue: '', newValue: 'service-desk' },
        ],
      },
    });
    const history = await new ListTicketHistoryUseCase(store).execute(ticket.id, SYSTEM_CALLER);
    expect(history.map(({ action, actorId }) => [action, actorId])).toEqual([
      ['created', 'emp-1'],
      ['assign', 'dispatcher-1'],
    ]);
  });

  it('walks a ticket to resolution with the matching events', async () => {
    const { store, ticket, transition } = await setup();
    await transition.execute({
      caller: SYSTEM_CALLER,
      ticketId: ticket.id,
      expectedVersion: undefined,
      action: 'assign',
      actorId: 'a',
      assigneeId: 'a',
    });
    await transition.execute({
      caller: SYSTEM_CALLER,
      ticketId: ticket.id,
      expectedVersion: undefined,
      action: 'start',
      actorId: 'a',
    });
    const resolved = await transition.execute({
      caller: SYSTEM_CALLER,
      ticketId: ticket.id,
      expectedVersion: 3,
      action: 'resolve',
      actorId: 'a',
      resolutionCode: 'fixed',
    });
    expect(resolved).toMatchObject({ status: 'resolved', version: 4, resolutionCode: 'fixed' });
    expect(store.events.slice(2).map(({ type }) => type)).toEqual([
      TicketStateChanged.type,
      TicketResolved.type,
    ]);
  });

  it('refuses a stale version and changes nothing', async () => {
    const { store, ticket, transition } = await setup();
    await transition.execute({
      caller: SYSTEM_CALLER,
      ticketId: ticket.id,
      expectedVersion: 1,
      action: 'assign',
      actorId: 'a',
      assigneeId: 'a',
    });
    await expect(
      transition.execute({
        caller: SYSTEM_CALLER,
        ticketId: ticket.id,
        expectedVersion: 1,
        action: 'cancel',
        actorId: 'b',
      }),
    ).rejects.toMatchObject({
      code: TicketErrorCode.VersionConflict,
      details: { currentVersion: 2 },
    });
    expect(store.stored(ticket.id)?.status).toBe('assigned');
    expect(store.events).toHaveLength(2);
  });

  it('refuses a transition the state does not allow and changes nothing', async () => {
    const { store, ticket, transition } = await setup();
    await expect(
      transition.execute({
        caller: SYSTEM_CALLER,
        ticketId: ticket.id,
        expectedVersion: undefined,
        action: 'close',
        actorId: 'a',
      }),
    ).rejects.toMatchObject({
      code: TicketErrorCode.InvalidTransition,
      details: { currentStatus: 'new', allowedActions: ['assign', 'cancel'] },
    });
    expect(store.historyEntries).toHaveLength(1);
    expect(store.events).toHaveLength(1);
  });

  it('answers an unknown ticket with not found', async () => {
    const { transition } = await setup();
    await expect(
      transition.execute({
        caller: SYSTEM_CALLER,
        ticketId: '00000000-0000-7000-8000-00000000ffff',
        expectedVersion: undefined,
        action: 'start',
        actorId: 'a',
      }),
    ).rejects.toMatchObject({ code: TicketErrorCode.NotFound });
  });
});
