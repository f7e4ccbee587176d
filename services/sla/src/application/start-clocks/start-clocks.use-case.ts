import { startClock } from '../../domain/sla-clock';
import { selectPolicy } from '../../domain/sla-policy';
import type { ClockChange, ClockChanges } from '../clock-changes';
import type { ClockAlarm } from '../ports/clock-alarm';
import type { ClockTransaction, TicketClock } from '../ports/clock-store';
import type { IdGenerator } from '../ports/id-generator';
import type { SlaCatalog } from '../ports/sla-catalog';
import { factsOf, hasClocks, referencesOf } from '../ticket-snapshot';
import type { StartClocksCommand } from './start-clocks.command';

/** The targets a ticket's policy starts on creation; OLA clocks follow group assignments. */
const STARTED_TARGETS = ['first_response', 'resolution'] as const;

/**
 * Starts the first-response and resolution clocks of a new incident or service request by
 * the first policy (in order) that matches it, counted from when the requester reported it
 * (for a ticket logged after the fact that is before its creation, so targets it already
 * missed are announced at once).
 */
export class StartClocksUseCase {
  constructor(
    private readonly catalog: SlaCatalog,
    private readonly changes: ClockChanges,
    private readonly ids: IdGenerator,
    private readonly alarm: ClockAlarm,
  ) {}

  /** Returns the clocks started; none for a ticket without clocks or matching policy. */
  async execute(
    command: StartClocksCommand,
    transaction: ClockTransaction,
  ): Promise<TicketClock[]> {
    const { ticket } = command;
    if (!hasClocks(ticket)) return [];
    const policy = selectPolicy(await this.catalog.slaPolicies(), factsOf(ticket));
    if (!policy) return [];

    const planned: ClockChange[] = [];
    for (const target of STARTED_TARGETS) {
      const policyTarget = policy.targets[target];
      if (!policyTarget) continue;
      const clock = startClock({
        ticketId: ticket.id,
        target,
        targetMs: policyTarget.targetMs,
        warningThresholds: policy.warningThresholds,
        calendar: await this.catalog.calendar(policyTarget.calendarId),
        now: ticket.reportedAt,
      });
      planned.push(
        await this.changes.planStart({
          ...clock,
          id: this.ids.newId(),
          ticketNumber: ticket.number,
          policyId: policy.id,
          ...referencesOf(ticket),
          version: 1,
        }),
      );
    }
    this.alarm.wakeAt(await this.changes.write(transaction, planned));
    return planned.map(({ clock }) => clock);
  }
}
