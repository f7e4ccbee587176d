import type { SlaClockEvent } from '@itsm/contracts';
import type { FireDueClockEventsUseCase } from '../fire-due-clock-events/fire-due-clock-events.use-case';
import type { ClockAlarm } from '../ports/clock-alarm';
import type { ClockStore } from '../ports/clock-store';
import type { TimeSource } from '../ports/time-source';
import { InstantQueue } from './instant-queue';

export interface ClockSchedulerOptions {
  /** How far ahead each look at the database reaches; must exceed `pollMs`. */
  lookaheadMs: number;
  /** How often the scheduler looks at the database for instants coming up. */
  pollMs: number;
  /** Most instants taken from one look; the next look takes the rest. */
  maxInstantsPerPoll: number;
}

export interface SchedulerLogger {
  error(object: object, message: string): void;
  warn(object: object, message: string): void;
}

/** Sees every warning and breach announced, e.g. to measure how late it was. */
export interface FiredEventsObserver {
  fired(events: readonly SlaClockEvent[]): void;
}

/**
 * Fires clock events on time. The database is the schedule of record: every `pollMs` the
 * scheduler reads, through the partial index on `next_event_at`, the instants due within
 * `lookaheadMs` into an in-memory min-heap, and sets one timer for the earliest. Clocks changed
 * in this process add their instants at once (`wakeAt`). When an instant passes, due clocks are
 * claimed and fired in batches by `FireDueClockEventsUseCase`, which is what makes it safe to
 * run on every replica: the heap only decides when to look, never what fires.
 */
export class ClockScheduler implements ClockAlarm {
  private readonly queue = new InstantQueue();
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private armedFor: number | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private firing: Promise<void> | undefined;
  private fireAgain = false;

  constructor(
    private readonly store: ClockStore,
    private readonly fireDue: FireDueClockEventsUseCase,
    private readonly time: TimeSource,
    private readonly logger: SchedulerLogger,
    private readonly options: ClockSchedulerOptions,
    private readonly observer?: FiredEventsObserver,
  ) {}

  /** Starts looking; whatever fell due while no scheduler ran fires at once. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.polling = this.poll();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    clearTimeout(this.pollTimer);
    this.timer = undefined;
    this.armedFor = undefined;
    await this.polling;
    await this.firing;
  }

  /** Instants queued for this process, for tests and diagnostics. */
  get queuedInstants(): number {
    return this.queue.size;
  }

  wakeAt(instants: readonly Date[]): void {
    const horizon = this.time.now().getTime() + this.options.lookaheadMs;
    for (const instant of instants) {
      const ms = instant.getTime();
      if (ms <= horizon) this.queue.push(ms);
    }
    this.arm();
  }

  private async poll(): Promise<void> {
    try {
      const until = new Date(this.time.now().getTime() + this.options.lookaheadMs);
      const instants = await this.store.upcomingEventInstants(
        until,
        this.options.maxInstantsPerPoll,
      );
      this.wakeAt(instants);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not read the upcoming clock events; trying again');
    } finally {
      if (this.running) {
        this.pollTimer = setTimeout(() => {
          this.polling = this.poll();
        }, this.options.pollMs);
      }
    }
  }

  private arm(): void {
    if (!this.running) return;
    const next = this.queue.peek();
    if (next === undefined || (this.timer && this.armedFor === next)) return;
    clearTimeout(this.timer);
    this.armedFor = next;
    this.timer = setTimeout(() => this.ring(), Math.max(0, next - this.time.now().getTime()));
  }

  private ring(): void {
    this.timer = undefined;
    this.armedFor = undefined;
    if (!this.running) return;
    const now = this.time.now().getTime();
    // Timers may fire a millisecond early; an instant is only due once it has passed.
    if (this.queue.popUntil(now).length === 0) {
      this.arm();
      return;
    }
    this.fire();
  }

  private fire(): void {
    if (this.firing) {
      this.fireAgain = true;
      return;
    }
    this.firing = this.fireAll().finally(() => {
      this.firing = undefined;
      if (this.fireAgain && this.running) {
        this.fireAgain = false;
        this.fire();
      } else {
        this.arm();
      }
    });
  }

  private async fireAll(): Promise<void> {
    for (;;) {
      try {
        const batch = await this.fireDue.execute();
        if (batch.events.length > 0) this.observer?.fired(batch.events);
        this.wakeAt(batch.nextInstants);
        if (!batch.mayHaveMore) return;
      } catch (error) {
        // Nothing was recorded: the clocks stay due and the next look at the database fires them.
        this.logger.error({ err: error }, 'could not fire due clock events; trying again');
        return;
      }
    }
  }
}
