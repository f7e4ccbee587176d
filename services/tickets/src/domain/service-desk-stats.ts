import { DAY_MS, isValidTimeZone, localDateOf, localEpochDayAt } from '@itsm/zoned-time';
import type { TicketType } from './ticket';
import { TicketError, TicketErrorCode, type FieldViolation } from './ticket-error';

/** A quarter and a day: the longest period one service desk report covers. */
export const MAX_STATS_DAYS = 92;
export const DEFAULT_STATS_TIME_ZONE = 'UTC';

/** What a service desk report asks for, as the caller sent it. */
export interface ServiceDeskStatsRequest {
  from: Date | undefined;
  to: Date | undefined;
  /** Empty: UTC. */
  timeZone: string;
  assignmentGroupId: string | undefined;
  type: TicketType | undefined;
}

/** A valid report period: [from, to), cut into the days of `timeZone`. */
export interface StatsPeriod {
  from: Date;
  to: Date;
  timeZone: string;
  assignmentGroupId: string | undefined;
  type: TicketType | undefined;
}

/** Minutes from a ticket's creation to an event, over the tickets that reached it. */
export interface DurationFigures {
  count: number;
  /** Null when no ticket reached the event. */
  meanMinutes: number | null;
  medianMinutes: number | null;
}

export interface SatisfactionFigures {
  ratings: number;
  /** 1–5; null when nobody rated. */
  average: number | null;
  /** Ratings of 4 or 5. */
  satisfied: number;
}

/** What happened in one stretch of time: a day, or the whole period. */
export interface ServiceDeskFigures {
  created: number;
  resolved: number;
  /** Time to first response (MTTA), of the tickets first responded to in the stretch. */
  firstResponse: DurationFigures;
  /** Time to resolve (MTTR), of the tickets resolved in the stretch. */
  resolution: DurationFigures;
  /** CSAT, of the ratings given in the stretch. */
  satisfaction: SatisfactionFigures;
}

export interface ServiceDeskDay {
  /** The local date, YYYY-MM-DD. */
  date: string;
  figures: ServiceDeskFigures;
}

export interface ServiceDeskStats {
  period: StatsPeriod;
  /** Every local day the period touches, oldest first. */
  days: ServiceDeskDay[];
  total: ServiceDeskFigures;
}

export const NO_FIGURES: ServiceDeskFigures = {
  created: 0,
  resolved: 0,
  firstResponse: { count: 0, meanMinutes: null, medianMinutes: null },
  resolution: { count: 0, meanMinutes: null, medianMinutes: null },
  satisfaction: { ratings: 0, average: null, satisfied: 0 },
};

/**
 * Checks the period of a report: both ends given, `from` before `to`, at most
 * {@link MAX_STATS_DAYS} days, and a time zone the runtime knows (empty means UTC).
 */
export function validateStatsRequest(request: ServiceDeskStatsRequest): StatsPeriod {
  const violations: FieldViolation[] = [];
  const { from, to } = request;
  const timeZone = request.timeZone.trim() || DEFAULT_STATS_TIME_ZONE;
  if (!from || Number.isNaN(from.getTime()))
    violations.push({ field: 'from', message: 'from must be an instant' });
  if (!to || Number.isNaN(to.getTime()))
    violations.push({ field: 'to', message: 'to must be an instant' });
  if (from && to && violations.length === 0) {
    const span = to.getTime() - from.getTime();
    if (span <= 0) violations.push({ field: 'to', message: 'to must be after from' });
    else if (span > MAX_STATS_DAYS * DAY_MS)
      violations.push({ field: 'to', message: `a report covers at most ${MAX_STATS_DAYS} days` });
  }
  if (!isValidTimeZone(timeZone))
    violations.push({ field: 'timeZone', message: `${timeZone} is not an IANA time zone` });
  if (violations.length > 0 || !from || !to) {
    throw new TicketError(
      TicketErrorCode.ValidationFailed,
      'the report period is invalid',
      violations,
    );
  }
  return {
    from,
    to,
    timeZone,
    assignmentGroupId: request.assignmentGroupId?.trim() || undefined,
    type: request.type,
  };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The local dates (YYYY-MM-DD) of the period's zone from its first instant to its last. */
export function localDatesOf(period: Pick<StatsPeriod, 'from' | 'to' | 'timeZone'>): string[] {
  const first = localEpochDayAt(period.timeZone, period.from);
  const last = localEpochDayAt(period.timeZone, period.to.getTime() - 1);
  const dates: string[] = [];
  for (let day = first; day <= last; day += 1) {
    const { year, month, day: dayOfMonth } = localDateOf(day);
    dates.push(`${pad(year, 4)}-${pad(month)}-${pad(dayOfMonth)}`);
  }
  return dates;
}

/** Every day of the period, in order, with the figures counted for it or none. */
export function statsOf(
  period: StatsPeriod,
  counted: { days: ReadonlyMap<string, ServiceDeskFigures>; total: ServiceDeskFigures },
): ServiceDeskStats {
  return {
    period,
    days: localDatesOf(period).map((date) => ({
      date,
      figures: counted.days.get(date) ?? NO_FIGURES,
    })),
    total: counted.total,
  };
}
