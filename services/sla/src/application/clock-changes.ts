import {
  type EventType,
  fromTimestamp,
  SlaClockBreached,
  type SlaClockEvent,
  SlaClockMet,
  SlaClockWarning,
  SlaTarget as SlaTargetMessage,
  toTimestamp,
} from '@itsm/contracts';
import type { BusinessCalendar } from '../domain/business-calendar';
import {
  dueEvents,
  elapsedMsAt,
  markBreached,
  markWarningFired,
  nextEventAt,
  type SlaClock,
  type SlaTarget,
} from '../domain/sla-clock';
import type { ClockTransaction, TicketClock } from './ports/clock-store';
import type { SlaCatalog } from './ports/sla-catalog';
import type { TimeSource } from './ports/time-source';

export interface ClockEventToEmit {
  eventType: EventType<SlaClockEvent>;
  payload: SlaClockEvent;
}

/** A clock as a use case leaves it, with the SLA events that announce what happened to it. */
export interface ClockChange {
  /** For an update, `clock.version` is the version it was read at. */
  clock: TicketClock;
  write: 'insert' | 'update';
  events: ClockEventToEmit[];
}

/**
 * What one ticket event does to one clock at the instant `at`, counted in `calendar` (the
 * clock's own); null when it leaves the clock as it is.
 */
export type ClockStep = (
  clock: TicketClock,
  calendar: BusinessCalendar,
  at: Date,
) => TicketClock | null;

const TARGET_KINDS: Readonly<Record<SlaTarget, SlaTargetMessage>> = {
  first_response: SlaTargetMessage.SLA_TARGET_FIRST_RESPONSE,
  resolution: SlaTargetMessage.SLA_TARGET_RESOLUTION,
  ola: SlaTargetMessage.SLA_TARGET_OLA,
};

function later(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/**
 * The earliest instant a clock can change at. Ticket events carry the time of the change as
 * the tickets service saw it; a clock skewed a little behind must not make a clock count
 * backwards, so such an instant is moved up to the clock's last change.
 */
export function earliestChangeOf(clock: SlaClock): Date {
  return clock.runningSince ?? clock.stoppedAt ?? clock.startedAt;
}

function payloadOf(
  clock: TicketClock,
  event: { threshold: number; reachedAt: Date; elapsedMs: number; occurredAt: Date },
): SlaClockEvent {
  return {
    ticketId: clock.ticketId,
    ticketNumber: clock.ticketNumber,
    target: TARGET_KINDS[clock.target],
    policyId: clock.policyId,
    dueAt: clock.dueAt ? toTimestamp(clock.dueAt) : undefined,
    threshold: event.threshold,
    reachedAt: toTimestamp(event.reachedAt),
    elapsedMs: event.elapsedMs,
    occurredAt: toTimestamp(event.occurredAt),
  };
}

/**
 * Records every warning and breach of the clock that is due at `at` and the events announcing
 * them. Each is recorded exactly once: a recorded one is never due again (`dueEvents`).
 */
export function announceDue(
  clock: TicketClock,
  calendar: BusinessCalendar,
  at: Date,
  occurredAt: Date,
): { clock: TicketClock; events: ClockEventToEmit[] } {
  const due = dueEvents(clock, at);
  if (due.length === 0) return { clock, events: [] };
  const recordedAt = later(at, earliestChangeOf(clock));
  let current = clock;
  const events: ClockEventToEmit[] = [];
  for (const event of due) {
    if (event.kind === 'warning') {
      current = { ...current, ...markWarningFired(current, event.threshold, recordedAt) };
    } else {
      current = { ...current, ...markBreached(current, recordedAt) };
    }
    events.push({
      eventType: event.kind === 'warning' ? SlaClockWarning : SlaClockBreached,
      payload: payloadOf(current, {
        threshold: event.kind === 'warning' ? event.threshold : 0,
        reachedAt: event.dueAt,
        elapsedMs: elapsedMsAt(current, calendar, recordedAt),
        occurredAt,
      }),
    });
  }
  return { clock: current, events };
}

/** Plans clock changes without writing (so a refused change writes nothing), then writes them. */
export class ClockChanges {
  constructor(
    private readonly catalog: SlaCatalog,
    private readonly time: TimeSource,
  ) {}

  /**
   * What `step` does to each clock at `at`. Whatever fell due before `at` is announced first,
   * so stopping a clock late never swallows its breach; whatever the step makes due by now
   * (a target lowered below the time counted) is announced after it.
   */
  async plan(clocks: readonly TicketClock[], at: Date, step: ClockStep): Promise<ClockChange[]> {
    const now = this.time.now();
    const changes: ClockChange[] = [];
    for (const clock of clocks) {
      const calendar = await this.catalog.calendar(clock.calendarId);
      const when = later(at, earliestChangeOf(clock));
      const before = announceDue(clock, calendar, when, now);
      const stepped = step(before.clock, calendar, when);
      const events = [...before.events];
      let current = before.clock;
      if (stepped) {
        if (stepped.state === 'met' && current.state !== 'met') {
          events.push({
            eventType: SlaClockMet,
            payload: payloadOf(stepped, {
              threshold: 0,
              reachedAt: stepped.stoppedAt ?? when,
              elapsedMs: stepped.elapsedMs,
              occurredAt: now,
            }),
          });
        }
        current = stepped;
      }
      const counting =
        current.calendarId === calendar.id
          ? calendar
          : await this.catalog.calendar(current.calendarId);
      const after = announceDue(current, counting, now, now);
      events.push(...after.events);
      if (stepped || events.length > 0) {
        changes.push({ clock: after.clock, write: 'update', events });
      }
    }
    return changes;
  }

  /** A clock started now: what is already due (it may start in the past) is announced. */
  async planStart(clock: TicketClock): Promise<ClockChange> {
    const now = this.time.now();
    const calendar = await this.catalog.calendar(clock.calendarId);
    const { clock: announced, events } = announceDue(clock, calendar, now, now);
    return { clock: announced, write: 'insert', events };
  }

  /** Writes clocks and events; returns when the written clocks next fall due. */
  async write(transaction: ClockTransaction, changes: readonly ClockChange[]): Promise<Date[]> {
    const instants: Date[] = [];
    for (const { clock, write, events } of changes) {
      if (write === 'insert') {
        if ((await transaction.insert(clock)) === 'exists') continue;
      } else {
        await transaction.update(clock);
      }
      for (const { eventType, payload } of events) {
        await transaction.emit(eventType, {
          key: clock.ticketId,
          subject: clock.ticketNumber,
          payload,
          occurredAt: payload.occurredAt ? fromTimestamp(payload.occurredAt) : this.time.now(),
        });
      }
      const next = nextEventAt(clock);
      if (next) instants.push(next);
    }
    return instants;
  }
}
