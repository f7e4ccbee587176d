import { SYSTEM_CALLER } from '../testing/test-callers';
import { emptyCatalog } from '../testing/in-memory-catalog-store';
import { TicketUpdated } from '@itsm/contracts';
import { TicketErrorCode } from '../../domain/ticket-error';
import { CreateTicketUseCase } from '../create-ticket/create-ticket.use-case';
import {
  InMemoryTicketStore,
  sequentialIds,
  steppingClock,
} from '../testing/in-memory-ticket-store';
import { UpdateTicketUseCase } from './update-ticket.use-case';

async function setup() {
  const store = new InMemoryTicketStore();
  const clock = steppingClock(new Date('2026-11-27T09:00:00Z'));
  const { ticket } = await new CreateTicketUseCase(
    store,
    clock,
    sequentialIds(),
    emptyCatalog(),
  ).execute({
    caller: SYSTEM_CALLER,
    idempotencyKey: '',
    type: 'incident',
    title: 'Slow network',
    description: '',
    impact: 'low',
    urgency: 'low',
    channel: undefined,
    requesterId: 'emp-1',
    organizationId: undefined,
  });
  return { store, ticket, update: new UpdateTicketUseCase(store, clock) };
}

describe('UpdateTicketUseCase', () => {
  it('applies the edit with a history entry and one ticket.updated event listing the changes', async () => {
    const { store, ticket, update } = await setup();
    const updated = await update.execute({
      caller: SYSTEM_CALLER,
      ticketId: ticket.id,
      expectedVersion: 1,
      actorId: 'agent-7',
      edit: { priority: { value: 'critical', reason: 'Whole floor is down' } },
    });
    expect(updated).toMatchObject({
      priority: 'critical',
      priorityReason: 'Whole floor is down',
      version: 2,
    });
    expect(store.historyEntries.at(-1)).toMatchObject({ action: 'update', actorId: 'agent-7' });
    expect(store.events.at(-1)).toMatchObject({
      type: TicketUpdated.type,
      event: {
        payload: {
          actorId: 'agent-7',
          changes: [
            { field: 'priority', oldValue: 'planning', newValue: 'critical' },
            { field: 'priorityReason', oldValue: '', newValue: 'Whole floor is down' },
          ],
        },
      },
    });
  });

  it('writes nothing for an edit that changes nothing', async () => {
    const { store, ticket, update } = await setup();
    const same = await update.execute({
      caller: SYSTEM_CALLER,
      ticketId: ticket.id,
      expectedVersion: 1,
      actorId: 'a',
      edit: { title: 'Slow network' },
    });
    expect(same.version).toBe(1);
    expect(store.events).toHaveLength(1);
  });

  it('refuses a stale version', async () => {
    const { ticket, update } = await setup();
    await expect(
      update.execute({
        caller: SYSTEM_CALLER,
        ticketId: ticket.id,
        expectedVersion: 7,
        actorId: 'a',
        edit: { title: 'x' },
      }),
    ).rejects.toMatchObject({ code: TicketErrorCode.VersionConflict });
  });
});
