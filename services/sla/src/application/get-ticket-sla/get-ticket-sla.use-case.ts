import { elapsedMsAt } from '../../domain/sla-clock';
import { SlaError, SlaErrorCode } from '../../domain/sla-error';
import type { ClockStore, TicketClock } from '../ports/clock-store';
import type { SlaCatalog } from '../ports/sla-catalog';
import type { TimeSource } from '../ports/time-source';
import { isUuid } from '../uuid';

/** One target's clock as of `asOf`, with what a person needs to read it. */
export interface ClockReading {
  clock: TicketClock;
  /** Null when the policy no longer exists. */
  policyName: string | null;
  /** The time zone of the clock's calendar, to show its instants in. */
  timeZone: string;
  /** Business time counted up to `asOf`. */
  elapsedMs: number;
  /** Business time left until the target; negative once it is exceeded. */
  remainingMs: number;
}

export interface TicketSla {
  ticketId: string;
  asOf: Date;
  /** By target; none for a ticket without SLA (problems, changes, no matching policy). */
  clocks: ClockReading[];
}

/** The SLA of a ticket as its view shows it: each target's due time, remaining time and state. */
export class GetTicketSlaUseCase {
  constructor(
    private readonly store: ClockStore,
    private readonly catalog: SlaCatalog,
    private readonly time: TimeSource,
  ) {}

  async execute(ticketId: string): Promise<TicketSla> {
    if (!isUuid(ticketId)) {
      throw new SlaError(SlaErrorCode.ValidationFailed, 'the ticket id is invalid', [
        { field: 'ticketId', message: `${ticketId} is not a UUID` },
      ]);
    }
    const clocks = await this.store.clocksOfTicket(ticketId);
    const asOf = this.time.now();
    const readings: ClockReading[] = [];
    for (const clock of clocks) {
      const calendar = await this.catalog.calendar(clock.calendarId);
      const policy = await this.catalog.policy(clock.policyId);
      // A clock whose state changed after `asOf` was read (clocks of the same ticket change
      // while this runs) counts up to its own last change, never backwards.
      const elapsedMs = elapsedMsAt(clock, calendar, asOf);
      readings.push({
        clock,
        policyName: policy?.name ?? null,
        timeZone: calendar.timeZone,
        elapsedMs,
        remainingMs: clock.targetMs - elapsedMs,
      });
    }
    return { ticketId, asOf, clocks: readings };
  }
}
