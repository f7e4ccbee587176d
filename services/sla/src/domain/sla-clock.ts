import type { BusinessCalendar } from './business-calendar';
import { addBusinessTime, businessTimeBetween } from './business-time';
import { type FieldViolation, SlaError, SlaErrorCode } from './sla-error';

export const SLA_TARGETS = ['first_response', 'resolution', 'ola'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

export const CLOCK_STATES = ['running', 'paused', 'met', 'breached', 'cancelled'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

export const CLOCK_OPERATIONS = [
  'pause',
  'resume',
  'stop',
  'cancel',
  'change_target',
  'mark_warning_fired',
  'mark_breached',
  'reopen',
] as const;
export type ClockOperation = (typeof CLOCK_OPERATIONS)[number];

/**
 * The states each operation is allowed in. Met and breached clocks only run again when their
 * ticket is reopened; cancelled is final.
 */
export const CLOCK_RULES: Readonly<Record<ClockOperation, readonly ClockState[]>> = {
  pause: ['running'],
  resume: ['paused'],
  stop: ['running', 'paused'],
  cancel: ['running', 'paused'],
  change_target: ['running', 'paused'],
  mark_warning_fired: ['running', 'paused'],
  mark_breached: ['running', 'paused'],
  reopen: ['met', 'breached'],
};

export interface ClockWarning {
  /** The share of the target at which to warn, e.g. 0.75. */
  threshold: number;
  /** When the share is (or was) reached; null while paused before reaching it. */
  dueAt: Date | null;
  /** When the warning was sent; a sent warning is not due again. */
  firedAt: Date | null;
}

/**
 * The SLA clock of one target of one ticket. It counts business time in its calendar while
 * running; `dueAt` is when the target is (or was) reached. A breach is recorded while the
 * clock still runs, so the overrun keeps being measured until the ticket stops the clock.
 */
export interface SlaClock {
  ticketId: string;
  target: SlaTarget;
  calendarId: string;
  state: ClockState;
  targetMs: number;
  /** Business time counted before the current running segment. */
  elapsedMs: number;
  /** Start of the current running segment; null unless running. */
  runningSince: Date | null;
  /** When the target is (or was) reached; null while paused before reaching it. */
  dueAt: Date | null;
  /** Ascending by threshold. */
  warnings: readonly ClockWarning[];
  /** When the target was breached, once recorded; a recorded breach is never undone. */
  breachedAt: Date | null;
  startedAt: Date;
  /** When the clock was met, breached or cancelled. */
  stoppedAt: Date | null;
}

export type ClockEvent =
  { kind: 'warning'; threshold: number; dueAt: Date } | { kind: 'breach'; dueAt: Date };

export interface StartClockInput {
  ticketId: string;
  target: SlaTarget;
  targetMs: number;
  /** Shares of the target to warn at, ascending, each between 0 and 1. */
  warningThresholds: readonly number[];
  calendar: BusinessCalendar;
  now: Date;
}

export interface TargetChange {
  targetMs: number;
  /** The calendar the new target counts in; the clock's own by default. */
  calendar?: BusinessCalendar;
  /** Warnings of the new target; the clock's own by default. */
  warningThresholds?: readonly number[];
}

export function allowedOperations(state: ClockState): ClockOperation[] {
  return CLOCK_OPERATIONS.filter((operation) => CLOCK_RULES[operation].includes(state));
}

/** Violations of a list of warning thresholds, for clocks and policies alike. */
export function warningThresholdViolations(
  thresholds: readonly number[],
  field: string,
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  thresholds.forEach((threshold, index) => {
    if (!Number.isFinite(threshold) || threshold <= 0 || threshold >= 1) {
      violations.push({
        field: `${field}[${index}]`,
        message: `a warning threshold is a share of the target between 0 and 1, not ${threshold}`,
      });
    } else if (index > 0 && threshold <= (thresholds[index - 1] ?? 0)) {
      violations.push({
        field: `${field}[${index}]`,
        message: 'warning thresholds must be ascending without repeats',
      });
    }
  });
  return violations;
}

function targetViolations(targetMs: number, field: string): FieldViolation[] {
  return Number.isSafeInteger(targetMs) && targetMs > 0
    ? []
    : [{ field, message: `${field} must be a positive whole number of ms, not ${targetMs}` }];
}

function invalid(message: string, violations: FieldViolation[]): never {
  throw new SlaError(SlaErrorCode.ValidationFailed, message, violations);
}

function checkCalendar(clock: SlaClock, calendar: BusinessCalendar): void {
  if (calendar.id === clock.calendarId) return;
  invalid('the calendar is not the clock’s', [
    {
      field: 'calendar',
      message: `the clock counts in calendar ${clock.calendarId}, not ${calendar.id}`,
    },
  ]);
}

function refuse(clock: SlaClock, operation: ClockOperation, reason: string): never {
  throw new SlaError(
    SlaErrorCode.InvalidTransition,
    `cannot ${operation.replaceAll('_', ' ')} the ${clock.target} clock of ticket ${clock.ticketId}: ${reason}`,
    [],
    { currentState: clock.state, allowedOperations: allowedOperations(clock.state) },
  );
}

/** Refuses an operation the state does not allow, a foreign calendar, and time going back. */
function check(
  clock: SlaClock,
  operation: ClockOperation,
  now: Date,
  calendar?: BusinessCalendar,
): void {
  if (!CLOCK_RULES[operation].includes(clock.state)) {
    const allowed = allowedOperations(clock.state);
    refuse(clock, operation, `it is ${clock.state}; allowed: ${allowed.join(', ') || 'none'}`);
  }
  if (calendar) checkCalendar(clock, calendar);
  const since = clock.runningSince ?? clock.startedAt;
  if (now.getTime() < since.getTime()) {
    invalid('the clock cannot go back in time', [
      { field: 'now', message: `${now.toISOString()} is before ${since.toISOString()}` },
    ]);
  }
}

function pointOf(threshold: number, targetMs: number): number {
  return Math.round(threshold * targetMs);
}

function earlier(instant: Date | null, now: Date): Date {
  return instant && instant.getTime() <= now.getTime() ? instant : now;
}

/** The clock with the business time of its running segment counted up to now. */
function counted(clock: SlaClock, calendar: BusinessCalendar, now: Date): SlaClock {
  if (clock.runningSince === null) return clock;
  return {
    ...clock,
    elapsedMs: clock.elapsedMs + businessTimeBetween(calendar, clock.runningSince, now),
    runningSince: now,
  };
}

/**
 * Recomputes when the target and each unsent warning are reached, for a clock counted up to
 * now. A point already reached keeps the instant it was reached at when `keepReached` (the
 * target is the same), else it is reached now (a new target applies from its change).
 */
function planned(
  clock: SlaClock,
  calendar: BusinessCalendar,
  now: Date,
  keepReached: boolean,
): SlaClock {
  const reachedAt = (pointMs: number, previous: Date | null): Date | null => {
    if (clock.elapsedMs >= pointMs) return earlier(keepReached ? previous : null, now);
    if (clock.runningSince === null) return null;
    return addBusinessTime(calendar, clock.runningSince, pointMs - clock.elapsedMs);
  };
  return {
    ...clock,
    dueAt: reachedAt(clock.targetMs, clock.dueAt),
    warnings: clock.warnings.map((warning) =>
      warning.firedAt
        ? warning
        : {
            ...warning,
            dueAt: reachedAt(pointOf(warning.threshold, clock.targetMs), warning.dueAt),
          },
    ),
  };
}

export function startClock(input: StartClockInput): SlaClock {
  const violations = [
    ...(input.ticketId.trim().length === 0
      ? [{ field: 'ticketId', message: 'ticketId is required' }]
      : []),
    ...targetViolations(input.targetMs, 'targetMs'),
    ...warningThresholdViolations(input.warningThresholds, 'warningThresholds'),
  ];
  if (violations.length > 0) invalid('the clock is invalid', violations);
  const clock: SlaClock = {
    ticketId: input.ticketId,
    target: input.target,
    calendarId: input.calendar.id,
    state: 'running',
    targetMs: input.targetMs,
    elapsedMs: 0,
    runningSince: input.now,
    dueAt: null,
    warnings: input.warningThresholds.map((threshold) => ({
      threshold,
      dueAt: null,
      firedAt: null,
    })),
    breachedAt: null,
    startedAt: input.now,
    stoppedAt: null,
  };
  return planned(clock, input.calendar, input.now, true);
}

export function pauseClock(clock: SlaClock, calendar: BusinessCalendar, now: Date): SlaClock {
  check(clock, 'pause', now, calendar);
  const paused: SlaClock = {
    ...counted(clock, calendar, now),
    state: 'paused',
    runningSince: null,
  };
  return planned(paused, calendar, now, true);
}

export function resumeClock(clock: SlaClock, calendar: BusinessCalendar, now: Date): SlaClock {
  check(clock, 'resume', now, calendar);
  return planned({ ...clock, state: 'running', runningSince: now }, calendar, now, true);
}

/** Stops the clock because its target was achieved: met, or breached if it was reached first. */
export function stopClock(clock: SlaClock, calendar: BusinessCalendar, now: Date): SlaClock {
  check(clock, 'stop', now, calendar);
  const final = planned(counted(clock, calendar, now), calendar, now, true);
  const breachedAt =
    final.breachedAt ?? (final.elapsedMs >= final.targetMs ? earlier(final.dueAt, now) : null);
  return {
    ...final,
    state: breachedAt ? 'breached' : 'met',
    runningSince: null,
    breachedAt,
    stoppedAt: now,
  };
}

/** Stops the clock because it no longer applies (the ticket was cancelled, the target dropped). */
export function cancelClock(clock: SlaClock, calendar: BusinessCalendar, now: Date): SlaClock {
  check(clock, 'cancel', now, calendar);
  return {
    ...counted(clock, calendar, now),
    state: 'cancelled',
    runningSince: null,
    stoppedAt: now,
  };
}

/**
 * Applies a new target from now on: the business time counted so far is kept and `dueAt`
 * recomputed. A sent warning is sent again only if the new target puts it back in the
 * future; a recorded breach stays recorded.
 */
export function changeTarget(
  clock: SlaClock,
  calendar: BusinessCalendar,
  now: Date,
  change: TargetChange,
): SlaClock {
  check(clock, 'change_target', now, calendar);
  const thresholds = change.warningThresholds ?? clock.warnings.map((w) => w.threshold);
  const violations = [
    ...targetViolations(change.targetMs, 'targetMs'),
    ...warningThresholdViolations(thresholds, 'warningThresholds'),
  ];
  if (violations.length > 0) invalid('the new target is invalid', violations);
  const before = counted(clock, calendar, now);
  const warnings = thresholds.map((threshold): ClockWarning => {
    const existing = before.warnings.find((warning) => warning.threshold === threshold);
    const stillSent = existing?.firedAt && before.elapsedMs >= pointOf(threshold, change.targetMs);
    return stillSent ? existing : { threshold, dueAt: null, firedAt: null };
  });
  const next = change.calendar ?? calendar;
  return planned(
    { ...before, calendarId: next.id, targetMs: change.targetMs, warnings },
    next,
    now,
    false,
  );
}

/**
 * Runs a met or breached clock again from now because its ticket was reopened: the business
 * time counted before it stopped is kept, a recorded breach stays recorded and a sent warning
 * is not sent again.
 */
export function reopenClock(clock: SlaClock, calendar: BusinessCalendar, now: Date): SlaClock {
  check(clock, 'reopen', now, calendar);
  if (clock.stoppedAt && now.getTime() < clock.stoppedAt.getTime()) {
    invalid('the clock cannot go back in time', [
      {
        field: 'now',
        message: `${now.toISOString()} is before ${clock.stoppedAt.toISOString()}`,
      },
    ]);
  }
  return planned(
    { ...clock, state: 'running', runningSince: now, stoppedAt: null },
    calendar,
    now,
    true,
  );
}

/** Records that a due warning was sent. */
export function markWarningFired(clock: SlaClock, threshold: number, now: Date): SlaClock {
  check(clock, 'mark_warning_fired', now);
  const warning = clock.warnings.find((candidate) => candidate.threshold === threshold);
  if (!warning) {
    invalid('unknown warning', [
      { field: 'threshold', message: `the clock has no warning at ${threshold}` },
    ]);
  }
  if (warning.firedAt) refuse(clock, 'mark_warning_fired', `the ${threshold} warning was sent`);
  if (!warning.dueAt || warning.dueAt.getTime() > now.getTime()) {
    refuse(clock, 'mark_warning_fired', `the ${threshold} warning is not due`);
  }
  return {
    ...clock,
    warnings: clock.warnings.map((candidate) =>
      candidate === warning ? { ...candidate, firedAt: now } : candidate,
    ),
  };
}

/** Records the breach of a clock whose target is reached; `breachedAt` is when it was reached. */
export function markBreached(clock: SlaClock, now: Date): SlaClock {
  check(clock, 'mark_breached', now);
  if (clock.breachedAt) refuse(clock, 'mark_breached', 'the breach is already recorded');
  if (!clock.dueAt || clock.dueAt.getTime() > now.getTime()) {
    refuse(clock, 'mark_breached', 'the target is not reached');
  }
  return { ...clock, breachedAt: clock.dueAt };
}

/** The warnings and breach that are due and not yet recorded, oldest first. */
export function dueEvents(clock: SlaClock, now: Date): ClockEvent[] {
  if (clock.state !== 'running' && clock.state !== 'paused') return [];
  const due = (instant: Date | null): instant is Date =>
    instant !== null && instant.getTime() <= now.getTime();
  const events: ClockEvent[] = [];
  for (const { threshold, dueAt, firedAt } of clock.warnings) {
    if (firedAt === null && due(dueAt)) events.push({ kind: 'warning', threshold, dueAt });
  }
  if (clock.breachedAt === null && due(clock.dueAt)) {
    events.push({ kind: 'breach', dueAt: clock.dueAt });
  }
  return events.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** The next instant an event of the clock is due at, possibly past; null if none is pending. */
export function nextEventAt(clock: SlaClock): Date | null {
  if (clock.state !== 'running' && clock.state !== 'paused') return null;
  const pending = [
    ...clock.warnings.filter((warning) => warning.firedAt === null).map((w) => w.dueAt),
    clock.breachedAt === null ? clock.dueAt : null,
  ].filter((instant): instant is Date => instant !== null);
  if (pending.length === 0) return null;
  return new Date(Math.min(...pending.map((instant) => instant.getTime())));
}

/** Business time counted by the clock up to now. */
export function elapsedMsAt(clock: SlaClock, calendar: BusinessCalendar, now: Date): number {
  checkCalendar(clock, calendar);
  if (clock.runningSince === null || now.getTime() <= clock.runningSince.getTime()) {
    return clock.elapsedMs;
  }
  return clock.elapsedMs + businessTimeBetween(calendar, clock.runningSince, now);
}

/** Business time left until the target; negative once it is exceeded. */
export function remainingMs(clock: SlaClock, calendar: BusinessCalendar, now: Date): number {
  return clock.targetMs - elapsedMsAt(clock, calendar, now);
}
