import type { ClockCondition, ClockListPosition } from '../../domain/clock-listing';
import type { ClockState, SlaTarget } from '../../domain/sla-clock';

/** Which clocks a page or count reads; the condition decides which index serves it. */
export interface ClockListFilter {
  /** Inclusive; bounds the breached list only. */
  breachedSince: Date;
  /** Exclusive; null for no end. */
  breachedUntil: Date | null;
  /** Only clocks of tickets this assignment group holds; null for all. */
  groupId: string | null;
}

/** A clock as a supervisor's list shows it: enough to find the ticket and see how late it is. */
export interface ListedClock {
  id: string;
  ticketId: string;
  ticketNumber: string;
  target: SlaTarget;
  state: ClockState;
  /** When the target is (or was) reached; for a breached clock paused since, when it breached. */
  dueAt: Date;
  breachedAt: Date | null;
  /** When its latest warning was sent; null when none was. */
  warningIssuedAt: Date | null;
  policyId: string;
  /** Null for a policy since removed. */
  policyName: string | null;
  groupId: string | null;
}

/** Clocks at risk or breached, read from the stored clocks through indexes, never all of them. */
export interface ClockList {
  /** Up to `limit` clocks after `after`, earliest due first (then by clock id). */
  page(
    condition: ClockCondition,
    filter: ClockListFilter,
    after: ClockListPosition | null,
    limit: number,
  ): Promise<ListedClock[]>;
  count(filter: ClockListFilter): Promise<Record<ClockCondition, number>>;
}

export const CLOCK_LIST = Symbol('ClockList');
