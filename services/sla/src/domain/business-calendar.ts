import {
  epochDayOf,
  type IsoWeekday,
  isoWeekdayOf,
  isValidTimeZone,
  parseLocalDate,
} from '@itsm/zoned-time';
import { type FieldViolation, SlaError, SlaErrorCode } from './sla-error';

export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const satisfies readonly IsoWeekday[];

/** A working interval of a local day, `HH:mm` to `HH:mm`; `24:00` ends at midnight. */
export interface WorkingHours {
  from: string;
  to: string;
}

/** A date that is worked with its own hours: a moved working Saturday, a shortened eve. */
export interface WorkingDay {
  /** `YYYY-MM-DD` in the calendar's time zone. */
  date: string;
  hours: readonly WorkingHours[];
}

/** How an administrator describes a calendar; `validateCalendar` turns it into one to count in. */
export type CalendarDefinition =
  | {
      kind: '24x7';
      id: string;
      /** Only for showing instants to people: every instant is working time. */
      timeZone: string;
    }
  | {
      kind: 'working_hours';
      id: string;
      /** IANA time zone the hours, holidays and working days are read in. */
      timeZone: string;
      /** Hours per ISO weekday (1 = Monday); a weekday left out is not worked. */
      week: Partial<Record<IsoWeekday, readonly WorkingHours[]>>;
      /** `YYYY-MM-DD` dates that are not worked whatever their weekday. */
      holidays: readonly string[];
      /**
       * What holidays are called, by date (`2027-01-07` → `Christmas (Orthodox)`); a holiday
       * without an entry has no name. Only for people: names never change working time.
       */
      holidayNames?: Readonly<Record<string, string>>;
      /** Dates worked with their own hours, replacing their weekday's hours. */
      workingDays: readonly WorkingDay[];
    };

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** A calendar definition without its id: what administrators write and the store keeps. */
export type CalendarRules = WithoutId<CalendarDefinition>;

/** Minutes since local midnight, `start` inclusive, `end` exclusive; 1440 is the next midnight. */
export interface MinuteInterval {
  readonly start: number;
  readonly end: number;
}

export type BusinessCalendar =
  | { readonly kind: '24x7'; readonly id: string; readonly timeZone: string }
  | {
      readonly kind: 'working_hours';
      readonly id: string;
      readonly timeZone: string;
      /** Index 0 is Monday; intervals sorted and disjoint. */
      readonly week: readonly (readonly MinuteInterval[])[];
      /** Epoch days (see `epochDayOf`). */
      readonly holidays: ReadonlySet<number>;
      readonly workingDays: ReadonlyMap<number, readonly MinuteInterval[]>;
    };

export type WorkingHoursCalendar = Extract<BusinessCalendar, { kind: 'working_hours' }>;

/** Longest holiday name, in characters. */
export const HOLIDAY_NAME_MAX_LENGTH = 100;

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minuteOf(text: string): number | null {
  if (text === '24:00') return 24 * 60;
  const match = TIME_OF_DAY.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Parses one day's hours, reporting bad, inverted and overlapping intervals. */
function parseHours(
  hours: readonly WorkingHours[],
  field: string,
  violations: FieldViolation[],
): MinuteInterval[] {
  const intervals: (MinuteInterval & { field: string; text: string })[] = [];
  hours.forEach((interval, index) => {
    const at = `${field}[${index}]`;
    const start = minuteOf(interval.from);
    const end = minuteOf(interval.to);
    if (start === null || start === 24 * 60) {
      violations.push({ field: `${at}.from`, message: `"${interval.from}" is not a time HH:mm` });
    }
    if (end === null) {
      violations.push({ field: `${at}.to`, message: `"${interval.to}" is not a time HH:mm` });
    }
    if (start === null || end === null || start === 24 * 60) return;
    const text = `${interval.from}–${interval.to}`;
    if (end <= start) {
      violations.push({ field: at, message: `${text} ends before it starts` });
      return;
    }
    intervals.push({ start, end, field: at, text });
  });
  intervals.sort((a, b) => a.start - b.start);
  for (let i = 1; i < intervals.length; i++) {
    const previous = intervals[i - 1];
    const current = intervals[i];
    if (previous && current && current.start < previous.end) {
      violations.push({
        field: current.field,
        message: `${current.text} overlaps ${previous.text}`,
      });
    }
  }
  return intervals.map(({ start, end }) => ({ start, end }));
}

function parseDate(text: string, field: string, violations: FieldViolation[]): number | null {
  const date = parseLocalDate(text);
  if (date) return epochDayOf(date);
  violations.push({ field, message: `"${text}" is not a date YYYY-MM-DD` });
  return null;
}

/** Refuses a name for a date that is not a holiday, a blank name and a too long one. */
function checkHolidayNames(
  names: Readonly<Record<string, string>>,
  holidays: readonly string[],
  violations: FieldViolation[],
): void {
  const listed = new Set(holidays);
  for (const [date, name] of Object.entries(names)) {
    const field = `holidayNames.${date}`;
    const trimmed = name.trim();
    if (!listed.has(date)) {
      violations.push({ field, message: `${date} is not one of the holidays` });
    } else if (trimmed.length === 0) {
      violations.push({ field, message: `the name of ${date} is blank` });
    } else if ([...trimmed].length > HOLIDAY_NAME_MAX_LENGTH) {
      violations.push({
        field,
        message: `the name of ${date} is longer than ${HOLIDAY_NAME_MAX_LENGTH} characters`,
      });
    }
  }
}

/**
 * The definition with its holiday names trimmed, as it is kept; a calendar without names has
 * no `holidayNames`.
 */
export function withTrimmedHolidayNames<D extends CalendarDefinition | CalendarRules>(
  definition: D,
): D {
  if (definition.kind === '24x7') return definition;
  const { holidayNames, ...rest } = definition;
  const entries = Object.entries(holidayNames ?? {});
  if (entries.length === 0) return rest as D;
  return {
    ...rest,
    holidayNames: Object.fromEntries(entries.map(([date, name]) => [date, name.trim()])),
  } as D;
}

/**
 * Checks a calendar definition and reports every problem at once; the result is what
 * business-time arithmetic counts in. Night shifts are two intervals on consecutive days.
 */
export function validateCalendar(definition: CalendarDefinition): BusinessCalendar {
  const violations: FieldViolation[] = [];
  if (definition.id.trim().length === 0) {
    violations.push({ field: 'id', message: 'id is required' });
  }
  if (!isValidTimeZone(definition.timeZone)) {
    violations.push({
      field: 'timeZone',
      message: `"${definition.timeZone}" is not an IANA time zone`,
    });
  }
  if (definition.kind === '24x7') {
    if (violations.length > 0) invalid(violations);
    return { kind: '24x7', id: definition.id, timeZone: definition.timeZone };
  }

  const week = ISO_WEEKDAYS.map((weekday) =>
    parseHours(definition.week[weekday] ?? [], `week.${weekday}`, violations),
  );
  if (ISO_WEEKDAYS.every((weekday) => (definition.week[weekday] ?? []).length === 0)) {
    violations.push({ field: 'week', message: 'no weekday has working hours' });
  }

  const holidays = new Set<number>();
  definition.holidays.forEach((text, index) => {
    const day = parseDate(text, `holidays[${index}]`, violations);
    if (day === null) return;
    if (holidays.has(day)) {
      violations.push({ field: `holidays[${index}]`, message: `${text} is listed twice` });
    }
    holidays.add(day);
  });
  checkHolidayNames(definition.holidayNames ?? {}, definition.holidays, violations);

  const workingDays = new Map<number, readonly MinuteInterval[]>();
  definition.workingDays.forEach((workingDay, index) => {
    const field = `workingDays[${index}]`;
    const day = parseDate(workingDay.date, `${field}.date`, violations);
    const hours = parseHours(workingDay.hours, `${field}.hours`, violations);
    if (workingDay.hours.length === 0) {
      violations.push({
        field: `${field}.hours`,
        message: `${workingDay.date} has no hours; a day without work is a holiday`,
      });
    }
    if (day === null) return;
    if (holidays.has(day)) {
      violations.push({
        field: `${field}.date`,
        message: `${workingDay.date} is both a holiday and a working day`,
      });
    }
    if (workingDays.has(day)) {
      violations.push({ field: `${field}.date`, message: `${workingDay.date} is listed twice` });
    }
    workingDays.set(day, hours);
  });

  if (violations.length > 0) invalid(violations);
  return {
    kind: 'working_hours',
    id: definition.id,
    timeZone: definition.timeZone,
    week,
    holidays,
    workingDays,
  };
}

function invalid(violations: FieldViolation[]): never {
  throw new SlaError(SlaErrorCode.ValidationFailed, 'the calendar is invalid', violations);
}

const NO_HOURS: readonly MinuteInterval[] = [];

/** The working intervals of a local date (an epoch day): its own hours, none, or its weekday's. */
export function workingIntervalsOn(
  calendar: WorkingHoursCalendar,
  epochDay: number,
): readonly MinuteInterval[] {
  const special = calendar.workingDays.get(epochDay);
  if (special) return special;
  if (calendar.holidays.has(epochDay)) return NO_HOURS;
  return calendar.week[isoWeekdayOf(epochDay) - 1] ?? NO_HOURS;
}
