import { instantAtLocalMinute, localEpochDayAt } from '@itsm/zoned-time';
import {
  type BusinessCalendar,
  type WorkingHoursCalendar,
  workingIntervalsOn,
} from './business-calendar';
import { SlaError, SlaErrorCode } from './sla-error';

/** Days in a row without working time after which a search gives up: about ten years. */
export const MAX_DAYS_WITHOUT_WORK = 3_660;

/** A local day's working intervals as instants, [start, end) in ms, in order. */
function periodsOn(calendar: WorkingHoursCalendar, epochDay: number): [number, number][] {
  const periods: [number, number][] = [];
  for (const { start, end } of workingIntervalsOn(calendar, epochDay)) {
    const from = instantAtLocalMinute(calendar.timeZone, epochDay, start).getTime();
    const to = instantAtLocalMinute(calendar.timeZone, epochDay, end).getTime();
    // An interval inside a forward clock jump never happens.
    if (to > from) periods.push([from, to]);
  }
  return periods;
}

function instantOf(value: Date, field: string): number {
  const ms = value.getTime();
  if (Number.isNaN(ms)) invalid(field, `${field} is not a valid instant`);
  return ms;
}

function invalid(field: string, message: string): never {
  throw new SlaError(SlaErrorCode.ValidationFailed, message, [{ field, message }]);
}

/**
 * The instant at which `durationMs` of business time has elapsed from `start`: the earliest
 * instant `t` with `businessTimeBetween(calendar, start, t) === durationMs`. Counting begins at
 * the next working instant when `start` is outside working hours, and a target that runs out
 * at the end of a working interval is due then, not at the start of the next one.
 */
export function addBusinessTime(calendar: BusinessCalendar, start: Date, durationMs: number): Date {
  const from = instantOf(start, 'start');
  if (!Number.isSafeInteger(durationMs) || durationMs < 0) {
    invalid('durationMs', `durationMs must be a whole number of ms, not negative: ${durationMs}`);
  }
  if (calendar.kind === '24x7' || durationMs === 0) return new Date(from + durationMs);

  let remaining = durationMs;
  let daysWithoutWork = 0;
  for (let day = localEpochDayAt(calendar.timeZone, from); ; day++) {
    const periods = periodsOn(calendar, day);
    for (const [periodStart, periodEnd] of periods) {
      const counted = Math.max(periodStart, from);
      if (periodEnd <= counted) continue;
      if (periodEnd - counted >= remaining) return new Date(counted + remaining);
      remaining -= periodEnd - counted;
    }
    daysWithoutWork = periods.length > 0 ? 0 : daysWithoutWork + 1;
    if (daysWithoutWork > MAX_DAYS_WITHOUT_WORK) {
      throw new SlaError(
        SlaErrorCode.NoWorkingTime,
        `calendar ${calendar.id} has no working time for ${MAX_DAYS_WITHOUT_WORK} days in a row`,
        [],
        { calendarId: calendar.id, searchedFrom: start.toISOString() },
      );
    }
  }
}

/** Business time in [from, to), in ms. */
export function businessTimeBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const start = instantOf(from, 'from');
  const end = instantOf(to, 'to');
  if (end < start) invalid('to', `to (${to.toISOString()}) is before from (${from.toISOString()})`);
  if (calendar.kind === '24x7') return end - start;

  let total = 0;
  // A clock that goes back over midnight shows the next date before `to`'s own: one day more.
  const lastDay = localEpochDayAt(calendar.timeZone, end) + 1;
  for (let day = localEpochDayAt(calendar.timeZone, start); day <= lastDay; day++) {
    for (const [periodStart, periodEnd] of periodsOn(calendar, day)) {
      total += Math.max(0, Math.min(periodEnd, end) - Math.max(periodStart, start));
    }
  }
  return total;
}
