import { stopClock } from '../../domain/sla-clock';
import type { ClockChanges } from '../clock-changes';
import type { ClockAlarm } from '../ports/clock-alarm';
import type { ClockTransaction } from '../ports/clock-store';
import type { RecordFirstResponseCommand } from './record-first-response.command';

/** Stops the first-response clock at the first response: met, or breached if it came late. */
export class RecordFirstResponseUseCase {
  constructor(
    private readonly changes: ClockChanges,
    private readonly alarm: ClockAlarm,
  ) {}

  async execute(command: RecordFirstResponseCommand, transaction: ClockTransaction): Promise<void> {
    const clocks = (await transaction.clocksOfTicketForUpdate(command.ticketId)).filter(
      (clock) =>
        clock.target === 'first_response' &&
        (clock.state === 'running' || clock.state === 'paused'),
    );
    if (clocks.length === 0) return;
    const planned = await this.changes.plan(clocks, command.respondedAt, (clock, calendar, at) => ({
      ...clock,
      ...stopClock(clock, calendar, at),
    }));
    this.alarm.wakeAt(await this.changes.write(transaction, planned));
  }
}
