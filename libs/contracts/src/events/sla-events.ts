import { SlaClockEvent } from '../generated/itsm/sla/v1/events';
import { SlaTarget } from '../generated/itsm/sla/v1/sla';
import { defineEventType } from './event-type';
import { Topics } from './topics';

/** What every consumer may rely on in a clock event. */
function clockEventProblems(event: SlaClockEvent): string[] {
  const problems: string[] = [];
  if (!event.ticketId) problems.push('ticketId is empty');
  if (!event.ticketNumber) problems.push('ticketNumber is empty');
  if (
    event.target === SlaTarget.SLA_TARGET_UNSPECIFIED ||
    event.target === SlaTarget.UNRECOGNIZED
  ) {
    problems.push('target is unspecified');
  }
  if (!event.policyId) problems.push('policyId is empty');
  if (!event.reachedAt) problems.push('reachedAt is missing');
  if (!event.occurredAt) problems.push('occurredAt is missing');
  if (!Number.isFinite(event.elapsedMs) || event.elapsedMs < 0) {
    problems.push('elapsedMs is not a non-negative number');
  }
  return problems;
}

/** A share of the target was reached: e.g. 75 % of the resolution time is used up. */
export const SlaClockWarning = defineEventType<SlaClockEvent>({
  topic: Topics.sla,
  type: 'itsm.sla.v1.clock.warning',
  codec: SlaClockEvent,
  validate: (event) => [
    ...clockEventProblems(event),
    ...(event.threshold > 0 && event.threshold < 1 ? [] : ['threshold is not between 0 and 1']),
  ],
});

/** The target was reached while the clock still ran: the SLA (or OLA) is breached. */
export const SlaClockBreached = defineEventType<SlaClockEvent>({
  topic: Topics.sla,
  type: 'itsm.sla.v1.clock.breached',
  codec: SlaClockEvent,
  validate: (event) => [...clockEventProblems(event), ...(event.dueAt ? [] : ['dueAt is missing'])],
});

/** The clock stopped in time: the ticket got its first response or was resolved before due. */
export const SlaClockMet = defineEventType<SlaClockEvent>({
  topic: Topics.sla,
  type: 'itsm.sla.v1.clock.met',
  codec: SlaClockEvent,
  validate: clockEventProblems,
});
