import type { EventType } from '@itsm/contracts';
import { nextEventAt } from '../../domain/sla-clock';
import type { ClockStore, ClockTransaction, EmittedEvent, TicketClock } from '../ports/clock-store';

export interface StoredEvent {
  type: string;
  event: EmittedEvent<unknown>;
}

/** A ClockStore in memory with all-or-nothing transactions, for use-case tests. */
export class InMemoryClockStore implements ClockStore {
  clocks: TicketClock[] = [];
  events: StoredEvent[] = [];

  async transaction<T>(work: (transaction: ClockTransaction) => Promise<T>): Promise<T> {
    const pending = { clocks: [...this.clocks], events: [...this.events] };
    const result = await work(this.transactionOn(pending));
    this.clocks = pending.clocks;
    this.events = pending.events;
    return result;
  }

  /** A transaction whose effects land at once, as the inbox consumer's does on commit. */
  direct(): ClockTransaction {
    return this.transactionOn(this);
  }

  async clocksOfTicket(ticketId: string): Promise<TicketClock[]> {
    return this.clocks
      .filter((clock) => clock.ticketId === ticketId)
      .sort((a, b) => a.target.localeCompare(b.target));
  }

  async upcomingEventInstants(until: Date, limit: number): Promise<Date[]> {
    const instants = new Set(
      this.clocks
        .map((clock) => nextEventAt(clock)?.getTime())
        .filter((ms): ms is number => ms !== undefined && ms <= until.getTime()),
    );
    return [...instants]
      .sort((a, b) => a - b)
      .slice(0, limit)
      .map((ms) => new Date(ms));
  }

  eventsOfType(eventType: EventType<unknown>): EmittedEvent<unknown>[] {
    return this.events.filter(({ type }) => type === eventType.type).map(({ event }) => event);
  }

  private transactionOn(state: { clocks: TicketClock[]; events: StoredEvent[] }): ClockTransaction {
    return {
      clocksOfTicketForUpdate: async (ticketId) =>
        state.clocks.filter((clock) => clock.ticketId === ticketId),
      claimDue: async (now, limit) =>
        state.clocks
          .map((clock) => ({ clock, at: nextEventAt(clock)?.getTime() }))
          .filter(({ at }) => at !== undefined && at <= now.getTime())
          .sort((a, b) => (a.at ?? 0) - (b.at ?? 0))
          .slice(0, limit)
          .map(({ clock }) => clock),
      insert: async (clock) => {
        const taken = state.clocks.some(
          (stored) => stored.ticketId === clock.ticketId && stored.target === clock.target,
        );
        if (taken) return 'exists';
        state.clocks.push(clock);
        return 'inserted';
      },
      update: async (clock) => {
        const index = state.clocks.findIndex(
          (stored) => stored.id === clock.id && stored.version === clock.version,
        );
        if (index < 0) throw new Error(`clock ${clock.id} is not at version ${clock.version}`);
        state.clocks[index] = { ...clock, version: clock.version + 1 };
      },
      emit: async (eventType, event) => {
        state.events.push({ type: eventType.type, event });
      },
    };
  }
}
