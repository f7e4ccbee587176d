import type { SlaClockEvent } from '@itsm/contracts';
import type { ClockChanges } from '../clock-changes';
import type { ClockStore } from '../ports/clock-store';
import type { TimeSource } from '../ports/time-source';

export interface FiredBatch {
  /** A full batch was claimed and fired: more clocks may be due. */
  mayHaveMore: boolean;
  /** The warnings and breaches announced, each once. */
  events: SlaClockEvent[];
  /** When the claimed clocks next fall due. */
  nextInstants: Date[];
}

/**
 * Announces the warnings and breaches that are due: claims due clocks (skipping those another
 * replica holds), records each event on its clock and writes it to the outbox in the same
 * transaction. After a crash nothing was recorded, so everything missed is due again and
 * fires at once; once recorded, an event is never due again, so none fires twice.
 */
export class FireDueClockEventsUseCase {
  constructor(
    private readonly store: ClockStore,
    private readonly changes: ClockChanges,
    private readonly time: TimeSource,
    private readonly batchSize: number,
  ) {}

  async execute(): Promise<FiredBatch> {
    return this.store.transaction(async (transaction) => {
      const now = this.time.now();
      const clocks = await transaction.claimDue(now, this.batchSize);
      const planned = await this.changes.plan(clocks, now, () => null);
      const nextInstants = await this.changes.write(transaction, planned);
      const events = planned.flatMap((change) => change.events.map(({ payload }) => payload));
      return {
        mayHaveMore: clocks.length === this.batchSize && events.length > 0,
        events,
        nextInstants,
      };
    });
  }
}
