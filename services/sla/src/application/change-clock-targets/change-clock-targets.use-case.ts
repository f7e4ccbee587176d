import type { BusinessCalendar } from '../../domain/business-calendar';
import { cancelClock, changeTarget, type ClockWarning } from '../../domain/sla-clock';
import { selectPolicy } from '../../domain/sla-policy';
import type { ClockChanges } from '../clock-changes';
import type { ClockAlarm } from '../ports/clock-alarm';
import type { ClockTransaction } from '../ports/clock-store';
import type { SlaCatalog } from '../ports/sla-catalog';
import { factsOf, hasClocks, withReferences } from '../ticket-snapshot';
import type { ChangeClockTargetsCommand } from './change-clock-targets.command';

function sameThresholds(warnings: readonly ClockWarning[], thresholds: readonly number[]): boolean {
  return (
    warnings.length === thresholds.length &&
    warnings.every((warning, index) => warning.threshold === thresholds[index])
  );
}

/**
 * Applies the policy that matches the ticket now (after a change of its priority, service or
 * category) to its counting clocks: the new target counts from the change and the business
 * time counted so far is kept. A target the new policy lacks is cancelled. When no policy matches any more, the
 * clocks keep the policy they had: an edit must not silently drop a ticket's SLA.
 */
export class ChangeClockTargetsUseCase {
  constructor(
    private readonly catalog: SlaCatalog,
    private readonly changes: ClockChanges,
    private readonly alarm: ClockAlarm,
  ) {}

  async execute(command: ChangeClockTargetsCommand, transaction: ClockTransaction): Promise<void> {
    const { ticket } = command;
    if (!hasClocks(ticket)) return;
    const policy = selectPolicy(await this.catalog.slaPolicies(), factsOf(ticket));
    if (!policy) return;
    const clocks = (await transaction.clocksOfTicketForUpdate(ticket.id)).filter(
      (clock) => clock.target !== 'ola' && (clock.state === 'running' || clock.state === 'paused'),
    );
    if (clocks.length === 0) return;
    const calendars = new Map<string, BusinessCalendar>();
    for (const { calendarId } of Object.values(policy.targets)) {
      calendars.set(calendarId, await this.catalog.calendar(calendarId));
    }

    const planned = await this.changes.plan(clocks, ticket.updatedAt, (current, calendar, at) => {
      const referenced = withReferences(current, ticket);
      const clock = referenced ?? current;
      const target = policy.targets[clock.target];
      if (!target) return { ...clock, ...cancelClock(clock, calendar, at) };
      const unchanged =
        clock.policyId === policy.id &&
        clock.targetMs === target.targetMs &&
        clock.calendarId === target.calendarId &&
        sameThresholds(clock.warnings, policy.warningThresholds);
      if (unchanged) return referenced;
      const changed = changeTarget(clock, calendar, at, {
        targetMs: target.targetMs,
        calendar: calendars.get(target.calendarId) ?? calendar,
        warningThresholds: policy.warningThresholds,
      });
      return { ...clock, ...changed, policyId: policy.id };
    });
    this.alarm.wakeAt(await this.changes.write(transaction, planned));
  }
}
