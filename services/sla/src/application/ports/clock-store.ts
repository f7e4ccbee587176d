import type { EventType } from '@itsm/contracts';
import type { SlaClock } from '../../domain/sla-clock';

/** The clock of one target of one ticket, as the service stores it. */
export interface TicketClock extends SlaClock {
  id: string;
  ticketNumber: string;
  /** The policy that set the clock's target: recorded, so reports can say which one applied. */
  policyId: string;
  /** The ticket's business service, for compliance per service; null when none. */
  serviceId: string | null;
  /** The assignment group holding the ticket while the clock counted, for compliance per group. */
  groupId: string | null;
  /** Incremented by every write; a write at a stale version fails instead of losing an update. */
  version: number;
}

export interface EmittedEvent<T> {
  key: string;
  subject: string;
  payload: T;
  occurredAt: Date;
}

/** What a use case may do inside one database transaction. */
export interface ClockTransaction {
  /** The ticket's clocks, locked until the transaction ends. */
  clocksOfTicketForUpdate(ticketId: string): Promise<TicketClock[]>;
  /**
   * Up to `limit` clocks with an event due at or before `now`, earliest first, locked until the
   * transaction ends. Clocks another transaction holds are skipped, so schedulers on several
   * replicas never claim the same clock.
   */
  claimDue(now: Date, limit: number): Promise<TicketClock[]>;
  /** Inserts unless the ticket already has a clock for the target. */
  insert(clock: TicketClock): Promise<'inserted' | 'exists'>;
  /** Writes a changed clock whose stored version is `clock.version`; the stored one is then +1. */
  update(clock: TicketClock): Promise<void>;
  /** Appends an event to the outbox; it is published if and only if the transaction commits. */
  emit<T>(eventType: EventType<T>, event: EmittedEvent<T>): Promise<void>;
}

export interface ClockStore {
  transaction<T>(work: (transaction: ClockTransaction) => Promise<T>): Promise<T>;
  /** The ticket's clocks as committed, by target, without locking them: for showing. */
  clocksOfTicket(ticketId: string): Promise<TicketClock[]>;
  /** Distinct instants of pending clock events up to `until` (past ones too), earliest first. */
  upcomingEventInstants(until: Date, limit: number): Promise<Date[]>;
}

export const CLOCK_STORE = Symbol('ClockStore');
