import type { BusinessCalendar } from '../../domain/business-calendar';
import {
  cancelClock,
  pauseClock,
  reopenClock,
  resumeClock,
  type SlaClock,
  stopClock,
} from '../../domain/sla-clock';
import { isPausing, type SlaPolicy } from '../../domain/sla-policy';
import type { ClockChanges } from '../clock-changes';
import type { ClockAlarm } from '../ports/clock-alarm';
import type { ClockTransaction, TicketClock } from '../ports/clock-store';
import type { SlaCatalog } from '../ports/sla-catalog';
import { type TicketSnapshot, withReferences } from '../ticket-snapshot';
import type { TrackTicketStatusCommand } from './track-ticket-status.command';

/**
 * What a status does to a clock, from the status alone, so an event applied late or twice
 * still leaves the clock right:
 * - resolved stops every clock (met, or breached if it was due first);
 * - closed and cancelled cancel the clocks still counting;
 * - any other status reopens a stopped resolution clock (the ticket was reopened), then
 *   pauses or resumes each counting clock by its policy's pause rules.
 */
export function clockForStatus(
  clock: SlaClock,
  calendar: BusinessCalendar,
  at: Date,
  ticket: Pick<TicketSnapshot, 'status' | 'pendingReason'>,
  policy: SlaPolicy | undefined,
): SlaClock | null {
  const counting = clock.state === 'running' || clock.state === 'paused';
  switch (ticket.status) {
    case 'resolved':
      return counting ? stopClock(clock, calendar, at) : null;
    case 'closed':
    case 'cancelled':
      return counting ? cancelClock(clock, calendar, at) : null;
  }
  let next = clock;
  if (clock.target === 'resolution' && (clock.state === 'met' || clock.state === 'breached')) {
    next = reopenClock(next, calendar, at);
  }
  const pausing = policy ? isPausing(policy, ticket.status, ticket.pendingReason) : false;
  if (next.state === 'running' && pausing) next = pauseClock(next, calendar, at);
  else if (next.state === 'paused' && !pausing) next = resumeClock(next, calendar, at);
  return next === clock ? null : next;
}

/** Pauses, resumes, stops, cancels and reopens a ticket's clocks as its status changes. */
export class TrackTicketStatusUseCase {
  constructor(
    private readonly catalog: SlaCatalog,
    private readonly changes: ClockChanges,
    private readonly alarm: ClockAlarm,
  ) {}

  async execute(command: TrackTicketStatusCommand, transaction: ClockTransaction): Promise<void> {
    const { ticket } = command;
    const clocks = await transaction.clocksOfTicketForUpdate(ticket.id);
    if (clocks.length === 0) return;
    const policies = new Map<string, SlaPolicy | undefined>();
    for (const { policyId } of clocks) {
      if (!policies.has(policyId)) policies.set(policyId, await this.catalog.policy(policyId));
    }
    const planned = await this.changes.plan(clocks, ticket.updatedAt, (clock, calendar, at) => {
      const referenced = withReferences(clock, ticket) ?? clock;
      const next = clockForStatus(referenced, calendar, at, ticket, policies.get(clock.policyId));
      if (next) return { ...referenced, ...next } satisfies TicketClock;
      return referenced === clock ? null : referenced;
    });
    this.alarm.wakeAt(await this.changes.write(transaction, planned));
  }
}
