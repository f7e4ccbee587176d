import { emptyCatalog } from '../testing/in-memory-catalog-store';
import { TicketCreated } from '@itsm/contracts';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import {
  InMemoryTicketStore,
  sequentialIds,
  steppingClock,
} from '../testing/in-memory-ticket-store';
import type { CreateTicketCommand } from './create-ticket.command';
import { CreateTicketUseCase } from './create-ticket.use-case';
import { SYSTEM_CALLER } from '../testing/test-callers';

const command: CreateTicketCommand = {
  caller: SYSTEM_CALLER,
  idempotencyKey: '',
  type: 'incident',
  title: 'Printer on floor 3 is jammed',
  description: '',
  impact: 'low',
  urgency: 'medium',
  channel: 'phone',
  requesterId: 'emp-1',
  organizationId: undefined,
};

function setup() {
  const store = new InMemoryTicketStore();
  const useCase = new CreateTicketUseCase(
    store,
    steppingClock(new Date('2026-11-27T09:00:00Z')),
    sequentialIds(),
    emptyCatalog(),
  );
  return { store, useCase };
}

describe('CreateTicketUseCase', () => {
  it('stores the ticket, its history entry and the ticket.created event together', async () => {
    const { store, useCase } = setup();
    const { ticket, created } = await useCase.execute(command);

    expect(created).toBe(true);
    expect(ticket).toMatchObject({
      number: 'INC-000001',
      status: 'new',
      priority: 'low',
      channel: 'phone',
    });
    expect(store.tickets.map((row) => row.ticket)).toEqual([ticket]);
    expect(store.historyEntries).toEqual([
      expect.objectContaining({ ticketId: ticket.id, action: 'created', actorId: 'emp-1' }),
    ]);
    expect(store.events).toHaveLength(1);
    expect(store.events[0]).toMatchObject({
      type: TicketCreated.type,
      event: {
        key: ticket.id,
        subject: 'INC-000001',
        payload: { ticket: { id: ticket.id, number: 'INC-000001' } },
      },
    });
  });

  it('numbers each type in its own sequence', async () => {
    const { useCase } = setup();
    const numbers = [];
    for (const type of ['incident', 'service_request', 'incident'] as const) {
      numbers.push((await useCase.execute({ ...command, type })).ticket.number);
    }
    expect(numbers).toEqual(['INC-000001', 'REQ-000001', 'INC-000002']);
  });

  it('returns the first ticket when retried with the same idempotency key', async () => {
    const { store, useCase } = setup();
    const first = await useCase.execute({ ...command, idempotencyKey: 'retry-1' });
    const retry = await useCase.execute({ ...command, idempotencyKey: 'retry-1' });

    expect(retry).toEqual({ ticket: first.ticket, created: false });
    expect(store.tickets).toHaveLength(1);
    expect(store.events).toHaveLength(1);
  });

  it('refuses the same idempotency key with a different request, writing nothing', async () => {
    const { store, useCase } = setup();
    await useCase.execute({ ...command, idempotencyKey: 'reused' });
    await expect(
      useCase.execute({ ...command, idempotencyKey: 'reused', title: 'another problem' }),
    ).rejects.toMatchObject({
      code: TicketErrorCode.IdempotencyKeyReused,
      message:
        'the idempotency key was already used for ticket INC-000001 with a different request',
    });
    expect(store.tickets).toHaveLength(1);
  });

  it('treats a key of a ticket stored before fingerprints were kept as a retry', async () => {
    const { store, useCase } = setup();
    const first = await useCase.execute({ ...command, idempotencyKey: 'legacy' });
    const [row] = store.tickets;
    if (row?.idempotency) row.idempotency.fingerprint = null;
    const retry = await useCase.execute({ ...command, idempotencyKey: 'legacy', title: 'edited' });
    expect(retry).toEqual({ ticket: first.ticket, created: false });
  });

  it('lets two requesters use the same idempotency key', async () => {
    const { store, useCase } = setup();
    await useCase.execute({ ...command, idempotencyKey: 'k' });
    const other = await useCase.execute({ ...command, requesterId: 'emp-2', idempotencyKey: 'k' });
    expect(other.created).toBe(true);
    expect(store.tickets).toHaveLength(2);
  });

  it('answers with the winner when a concurrent retry commits first', async () => {
    const { store, useCase } = setup();
    const racing = new CreateTicketUseCase(
      store,
      steppingClock(new Date('2026-11-27T10:00:00Z')),
      sequentialIds(),
      emptyCatalog(),
    );
    const winner = await racing.execute({ ...command, idempotencyKey: 'race' });
    // The second attempt passed the fast-path check before the winner committed.
    const findByKey = store.findByIdempotencyKey.bind(store);
    let calls = 0;
    store.findByIdempotencyKey = async (requesterId, key) =>
      calls++ === 0 ? undefined : findByKey(requesterId, key);
    const loser = await useCase.execute({ ...command, idempotencyKey: 'race' });

    expect(loser).toEqual({ ticket: winner.ticket, created: false });
    expect(store.tickets).toHaveLength(1);
    expect(store.events).toHaveLength(1);
  });

  it('writes nothing for an invalid request', async () => {
    const { store, useCase } = setup();
    await expect(useCase.execute({ ...command, title: '' })).rejects.toMatchObject({
      code: TicketErrorCode.ValidationFailed,
    });
    expect(store.tickets).toHaveLength(0);
    expect(store.events).toHaveLength(0);
  });

  it('refuses an overlong idempotency key', async () => {
    const { useCase } = setup();
    await expect(
      useCase.execute({ ...command, idempotencyKey: 'k'.repeat(201) }),
    ).rejects.toBeInstanceOf(TicketError);
  });
});
