import type { EventType } from '@itsm/contracts';
import type { Ticket, TicketType } from '../../domain/ticket';
import type {
  EmittedEvent,
  TicketHistoryEntry,
  TicketListQuery,
  TicketStore,
  TicketTransaction,
} from '../ports/ticket-store';

interface StoredEvent {
  type: string;
  event: EmittedEvent<unknown>;
}

/** A TicketStore in memory with all-or-nothing transactions, for use-case tests. */
export class InMemoryTicketStore implements TicketStore {
  tickets: { ticket: Ticket; idempotencyKey: string | null }[] = [];
  history: TicketHistoryEntry[] = [];
  events: StoredEvent[] = [];
  private sequences: Record<TicketType, number> = { incident: 0, service_request: 0 };

  async transaction<T>(work: (transaction: TicketTransaction) => Promise<T>): Promise<T> {
    const pending = {
      tickets: [...this.tickets],
      history: [...this.history],
      events: [...this.events],
    };
    const transaction: TicketTransaction = {
      nextSequence: async (type) => (this.sequences[type] += 1),
      insert: async (ticket, idempotencyKey) => {
        const taken = pending.tickets.some(
          (row) =>
            idempotencyKey !== null &&
            row.idempotencyKey === idempotencyKey &&
            row.ticket.requesterId === ticket.requesterId,
        );
        if (taken) return 'idempotency-key-taken';
        pending.tickets.push({ ticket, idempotencyKey });
        return 'inserted';
      },
      recordHistory: async (entry) => {
        pending.history.push(entry);
      },
      emit: async <E>(eventType: EventType<E>, event: EmittedEvent<E>) => {
        pending.events.push({ type: eventType.type, event: event as EmittedEvent<unknown> });
      },
    };
    const result = await work(transaction);
    Object.assign(this, pending);
    return result;
  }

  async findById(id: string): Promise<Ticket | undefined> {
    return this.tickets.find(({ ticket }) => ticket.id === id)?.ticket;
  }

  async findByIdempotencyKey(
    requesterId: string,
    idempotencyKey: string,
  ): Promise<Ticket | undefined> {
    return this.tickets.find(
      (row) => row.idempotencyKey === idempotencyKey && row.ticket.requesterId === requesterId,
    )?.ticket;
  }

  async list(query: TicketListQuery): Promise<Ticket[]> {
    const after = query.after;
    return this.tickets
      .map(({ ticket }) => ticket)
      .filter((ticket) => !query.type || ticket.type === query.type)
      .filter((ticket) => !query.status || ticket.status === query.status)
      .filter((ticket) => !query.requesterId || ticket.requesterId === query.requesterId)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id))
      .filter(
        (ticket) =>
          !after ||
          ticket.createdAt.getTime() < after.createdAt.getTime() ||
          (ticket.createdAt.getTime() === after.createdAt.getTime() && ticket.id < after.id),
      )
      .slice(0, query.limit);
  }
}

/** Deterministic clock and ids for tests. */
export function steppingClock(start: Date, stepMs = 1000) {
  let next = start.getTime();
  return { now: () => new Date((next += stepMs) - stepMs) };
}

export function sequentialIds() {
  let next = 0;
  return { newId: () => `00000000-0000-7000-8000-${String((next += 1)).padStart(12, '0')}` };
}
