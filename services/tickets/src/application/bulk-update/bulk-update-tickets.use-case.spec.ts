import { SYSTEM_CALLER } from '../testing/test-callers';
import { emptyCatalog } from '../testing/in-memory-catalog-store';
import { TicketAssigned } from '@itsm/contracts';
import { TicketErrorCode } from '../../domain/ticket-error';
import { CreateTicketUseCase } from '../create-ticket/create-ticket.use-case';
import {
  InMemoryTicketStore,
  sequentialIds,
  steppingClock,
} from '../testing/in-memory-ticket-store';
import { TransitionTicketUseCase } from '../transition-ticket/transition-ticket.use-case';
import { UpdateTicketUseCase } from '../update-ticket/update-ticket.use-case';
import { BulkUpdateTicketsUseCase, MAX_BULK_TICKETS } from './bulk-update-tickets.use-case';

async function setup(count: number) {
  const store = new InMemoryTicketStore();
  const clock = steppingClock(new Date('2026-11-27T09:00:00Z'));
  const ids = sequentialIds();
  const settings = { reopenWindowMs: 0 };
  const transitions = new TransitionTicketUseCase(store, clock, ids, settings);
  const bulk = new BulkUpdateTicketsUseCase(
    store,
    transitions,
    new UpdateTicketUseCase(store, clock),
  );
  const tickets = [];
  for (let index = 0; index < count; index += 1) {
    const { ticket } = await new CreateTicketUseCase(store, clock, ids, emptyCatalog()).execute({
      caller: SYSTEM_CALLER,
      idempotencyKey: '',
      type: 'incident',
      title: `Wi-Fi in meeting room ${index}`,
      description: '',
      impact: undefined,
      urgency: undefined,
      channel: undefined,
      requesterId: 'emp-1',
      organizationId: undefined,
    });
    tickets.push(ticket);
  }
  return { store, bulk, transitions, tickets };
}

describe('BulkUpdateTicketsUseCase', () => {
  it('assigns every ticket to a group, each with its history and event', async () => {
    const { store, bulk, tickets } = await setup(3);
    const updated = await bulk.execute({
      caller: SYSTEM_CALLER,
      ticketIds: tickets.map((ticket) => ticket.id),
      actorId: 'lead-1',
      operation: {
        kind: 'transition',
        transition: { action: 'assign', assignmentGroupId: 'network' },
      },
    });
    expect(updated.map((ticket) => [ticket.status, ticket.assignmentGroupId])).toEqual([
      ['assigned', 'network'],
      ['assigned', 'network'],
      ['assigned', 'network'],
    ]);
    expect(store.events.filter(({ type }) => type === TicketAssigned.type)).toHaveLength(3);
  });

  it('changes nothing when one ticket refuses, and names that ticket', async () => {
    const { store, bulk, transitions, tickets } = await setup(3);
    const [, second] = tickets;
    await transitions.execute({
      caller: SYSTEM_CALLER,
      ticketId: second?.id ?? '',
      expectedVersion: undefined,
      actorId: 'a',
      action: 'cancel',
    });
    const events = store.events.length;
    await expect(
      bulk.execute({
        caller: SYSTEM_CALLER,
        ticketIds: tickets.map((ticket) => ticket.id),
        actorId: 'lead-1',
        operation: { kind: 'transition', transition: { action: 'assign', assigneeId: 'agent-2' } },
      }),
    ).rejects.toMatchObject({
      code: TicketErrorCode.InvalidTransition,
      message: expect.stringMatching(/^INC-000002: cannot assign/) as string,
      details: { ticketNumber: 'INC-000002' },
    });
    expect(store.tickets.map(({ ticket }) => ticket.assigneeId)).toEqual([null, null, null]);
    expect(store.events.length).toBe(events);
  });

  it('edits every ticket the same way', async () => {
    const { bulk, tickets } = await setup(2);
    const updated = await bulk.execute({
      caller: SYSTEM_CALLER,
      ticketIds: tickets.map((ticket) => ticket.id),
      actorId: 'lead-1',
      operation: { kind: 'edit', edit: { urgency: 'high' } },
    });
    expect(updated.map((ticket) => [ticket.urgency, ticket.priority, ticket.version])).toEqual([
      ['high', 'high', 2],
      ['high', 'high', 2],
    ]);
  });

  it.each([
    [[], 'a bulk update takes 1 to 100 tickets, not 0'],
    [Array.from({ length: MAX_BULK_TICKETS + 1 }, (_, index) => `id-${index}`), 'not 101'],
    [['a', 'a'], 'each ticket may appear once'],
  ])('refuses the ticket list %#', async (ticketIds, message) => {
    const { bulk } = await setup(0);
    await expect(
      bulk.execute({
        caller: SYSTEM_CALLER,
        ticketIds,
        actorId: 'x',
        operation: { kind: 'edit', edit: {} },
      }),
    ).rejects.toMatchObject({
      code: TicketErrorCode.ValidationFailed,
      message: expect.stringContaining(message) as string,
    });
  });
});
