import {
  CLOCK_STATES,
  type ClockState,
  nextEventAt,
  SLA_TARGETS,
  type SlaTarget,
} from '../domain/sla-clock';
import type { TicketClock } from '../application/ports/clock-store';
import type { SlaClockEntity } from './sla-clock.entity';

export function oneOf<T extends string>(allowed: readonly T[], value: string, column: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`sla_clocks.${column} holds an unknown value ${value}`);
  }
  return value as T;
}

const instant = (text: string | null): Date | null => (text === null ? null : new Date(text));

export function toTicketClock(row: SlaClockEntity): TicketClock {
  return {
    id: row.id,
    ticketId: row.ticketId,
    ticketNumber: row.ticketNumber,
    target: oneOf<SlaTarget>(SLA_TARGETS, row.target, 'target'),
    policyId: row.policyId,
    serviceId: row.serviceId,
    groupId: row.groupId,
    calendarId: row.calendarId,
    state: oneOf<ClockState>(CLOCK_STATES, row.state, 'state'),
    targetMs: row.targetMs,
    elapsedMs: row.elapsedMs,
    runningSince: row.runningSince,
    dueAt: row.dueAt,
    warnings: row.warnings.map((warning) => ({
      threshold: warning.threshold,
      dueAt: instant(warning.dueAt),
      firedAt: instant(warning.firedAt),
    })),
    breachedAt: row.breachedAt,
    startedAt: row.startedAt,
    stoppedAt: row.stoppedAt,
    version: row.version,
  };
}

/** The columns a write sets; `next_event_at` is derived here, so it never drifts from the clock. */
export function toClockRow(clock: TicketClock, updatedAt: Date): SlaClockEntity {
  return {
    id: clock.id,
    ticketId: clock.ticketId,
    ticketNumber: clock.ticketNumber,
    target: clock.target,
    policyId: clock.policyId,
    serviceId: clock.serviceId,
    groupId: clock.groupId,
    calendarId: clock.calendarId,
    state: clock.state,
    targetMs: clock.targetMs,
    elapsedMs: clock.elapsedMs,
    runningSince: clock.runningSince,
    startedAt: clock.startedAt,
    dueAt: clock.dueAt,
    nextEventAt: nextEventAt(clock),
    warnings: clock.warnings.map((warning) => ({
      threshold: warning.threshold,
      dueAt: warning.dueAt?.toISOString() ?? null,
      firedAt: warning.firedAt?.toISOString() ?? null,
    })),
    breachedAt: clock.breachedAt,
    stoppedAt: clock.stoppedAt,
    updatedAt,
    version: clock.version,
  };
}
