import { SYSTEM_CALLER } from '../testing/test-callers';
import { CreateTicketUseCase } from '../create-ticket/create-ticket.use-case';
import { emptyCatalog } from '../testing/in-memory-catalog-store';
import {
  InMemoryTicketStore,
  sequentialIds,
  steppingClock,
} from '../testing/in-memory-ticket-store';
import { ListTicketHistoryUseCase } from '../ticket-history/list-ticket-history.use-case';
import type { RecordEscalationCommand } from './record-escalation.command';
import { RecordEscalationUseCase } from './record-escalation.use-case';

const occurredAt = new Date('2026-11-30T09:00:00Z');

async function setup() {
  const store = new InMemoryTicketStore();
  const { ticket } = await new CreateTicketUseCase(
    store,
    steppingClock(new Date('2026-11-30T08:00:00Z')),
    sequentialIds(),
    emptyCatalog(),
  ).execute({
    caller: SYSTEM_CALLER,
    idempotencyKey: '',
    type: 'incident',
    title: 'VPN drops every ten minutes',
    description: '',
    impact: 'medium',
    urgency: 'high',
    channel: 'phone',
    requesterId: 'emp-1',
    organizationId: undefined,
  });
  const record = (command: Partial<RecordEscalationCommand> = {}) =>
    new RecordEscalationUseCase(store).execute({
      escalationId: 'escalation-1',
      ticketId: ticket.id,
      kind: 'functional',
      trigger: 'sla_warning',
      fromGroupId: 'service-desk',
      toGroupId: 'network-l2',
      supervisorId: undefined,
      reason: '75 % of the resolution time is used up',
      actorId: undefined,
      occurredAt,
      ...command,
    });
  return { store, ticket, record };
}

describe('RecordEscalationUseCase', () => {
  it('adds an escalated entry to the history with why, from where and to where', async () => {
    const { store, ticket, record } = await setup();

    expect(await record()).toMatchObject({ recorded: true, ticket: { id: ticket.id } });

    const history = await new ListTicketHistoryUseCase(store).execute(ticket.id, SYSTEM_CALLER);
    expect(history.at(-1)).toMatchObject({
      action: 'escalated',
      actorId: 'system:routing',
      occurredAt,
      changes: {
        escalationId: { from: null, to: 'escalation-1' },
        kind: { from: null, to: 'functional' },
        trigger: { from: null, to: 'sla_warning' },
        fromGroupId: { from: null, to: 'service-desk' },
        toGroupId: { from: null, to: 'network-l2' },
        reason: { from: null, to: '75 % of the resolution time is used up' },
      },
    });
  });

  it('names the agent who asked for it and leaves the ticket as it is', async () => {
    const { store, ticket, record } = await setup();
    await record({
      kind: 'hierarchical',
      trigger: 'agent',
      toGroupId: undefined,
      supervisorId: 'supervisor-1',
      actorId: 'agent-7',
      reason: 'The customer asked for a manager',
    });
    const [, entry] = await store.history(ticket.id, SYSTEM_CALLER.access);
    expect(entry).toMatchObject({ action: 'escalated', actorId: 'agent-7' });
    expect(entry?.changes['supervisorId']).toEqual({ from: null, to: 'supervisor-1' });
    expect(entry?.changes['toGroupId']).toBeUndefined();
    expect(store.stored(ticket.id)).toEqual(ticket);
    expect(store.events).toHaveLength(1);
  });

  it('answers an unknown ticket without writing', async () => {
    const { store, record } = await setup();
    expect(await record({ ticketId: '0194a000-0000-7000-8000-00000000ffff' })).toEqual({
      recorded: false,
      reason: 'unknown_ticket',
    });
    expect(store.historyEntries).toHaveLength(1);
  });
});
