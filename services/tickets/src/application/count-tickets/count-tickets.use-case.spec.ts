import { SYSTEM_CALLER } from '../testing/test-callers';
import { emptyCatalog } from '../testing/in-memory-catalog-store';
import { TICKET_STATUSES } from '../../domain/ticket';
import { CreateTicketUseCase } from '../create-ticket/create-ticket.use-case';
import {
  InMemoryTicketStore,
  NO_FILTERS,
  sequentialIds,
  steppingClock,
} from '../testing/in-memory-ticket-store';
import { TransitionTicketUseCase } from '../transition-ticket/transition-ticket.use-case';
import { CountTicketsUseCase } from './count-tickets.use-case';

const noFilters = NO_FILTERS;

describe('CountTicketsUseCase', () => {
  it('counts tickets per state, zeros included, under the filters', async () => {
    const store = new InMemoryTicketStore();
    const clock = steppingClock(new Date('2026-11-27T09:00:00Z'));
    const create = new CreateTicketUseCase(store, clock, sequentialIds(), emptyCatalog());
    const transition = new TransitionTicketUseCase(store, clock, sequentialIds(), {
      reopenWindowMs: 0,
    });
    const ids: string[] = [];
    for (const requesterId of ['emp-1', 'emp-1', 'emp-2']) {
      const { ticket } = await create.execute({
        caller: SYSTEM_CALLER,
        idempotencyKey: '',
        type: 'incident',
        title: 'x',
        description: '',
        impact: undefined,
        urgency: undefined,
        channel: undefined,
        requesterId,
        organizationId: undefined,
      });
      ids.push(ticket.id);
    }
    await transition.execute({
      caller: SYSTEM_CALLER,
      ticketId: ids[0] ?? '',
      expectedVersion: undefined,
      action: 'cancel',
      actorId: 'a',
    });

    const counts = await new CountTicketsUseCase(store).execute(noFilters, SYSTEM_CALLER);
    expect(counts.total).toBe(3);
    expect(counts.byStatus).toMatchObject({ new: 2, assigned: 0, cancelled: 1, draft: 0 });
    expect(Object.keys(counts.byStatus)).toEqual(TICKET_STATUSES);
    const forOne = await new CountTicketsUseCase(store).execute(
      {
        ...noFilters,
        requesterId: 'emp-2',
      },
      SYSTEM_CALLER,
    );
    expect(forOne.total).toBe(1);
    expect(forOne.byStatus.new).toBe(1);
  });
});
