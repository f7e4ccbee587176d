import { type SlaCalendar, type Weekday, WEEKDAYS } from '../api/admin-types';

export interface IntervalDraft {
  from: string;
  to: string;
}

export interface CalendarDraft {
  name: string;
  timeZone: string;
  /** Working intervals per weekday; an empty list is a day off. */
  days: Record<Weekday, IntervalDraft[]>;
  /** YYYY-MM-DD dates not worked. */
  holidays: string[];
  /** What holidays are called, by date, as typed; a blank one is no name. */
  holidayNames: Record<string, string>;
  /** Moved working days, kept as they are: the editor does not change them. */
  workingDays: unknown[];
}

/** What POST and PUT /api/v1/sla/calendars take. */
export interface CalendarBody {
  name: string;
  kind: 'working_hours';
  timeZone: string;
  workingHours: Record<Weekday, IntervalDraft[]>;
  holidays: string[];
  /** Trimmed names of listed holidays; a holiday left out has no name. */
  holidayNames: Record<string, string>;
  workingDays: unknown[];
}

export type CalendarProblem =
  'required' | 'time' | 'order' | 'overlap' | 'noHours' | 'date' | 'duplicate' | 'tooLong';

/** Longest holiday name the API takes, in characters. */
export const HOLIDAY_NAME_MAX_LENGTH = 100;

/**
 * Problems by field, named as the API names them: `name`, `workingHours.monday`, `holidays[0]`,
 * `holidayNames.2027-01-07`.
 */
export type CalendarErrors = Record<string, CalendarProblem>;

export const DEFAULT_HOURS: IntervalDraft = { from: '09:00', to: '18:00' };
const WORKWEEK: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

export function emptyDraft(timeZone: string): CalendarDraft {
  const days = Object.fromEntries(
    WEEKDAYS.map((day) => [day, WORKWEEK.includes(day) ? [{ ...DEFAULT_HOURS }] : []]),
  ) as Record<Weekday, IntervalDraft[]>;
  return { name: '', timeZone, days, holidays: [], holidayNames: {}, workingDays: [] };
}

export function draftOf(calendar: SlaCalendar & { workingDays?: unknown[] }): CalendarDraft {
  const days = Object.fromEntries(
    WEEKDAYS.map((day) => [
      day,
      (calendar.workingHours?.[day] ?? []).map(({ from, to }) => ({ from, to })),
    ]),
  ) as Record<Weekday, IntervalDraft[]>;
  return {
    name: calendar.name,
    timeZone: calendar.timeZone,
    days,
    holidays: (calendar.holidays ?? []).filter((date): date is string => typeof date === 'string'),
    holidayNames: Object.fromEntries(
      Object.entries(calendar.holidayNames ?? {}).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    ),
    workingDays: calendar.workingDays ?? [],
  };
}

export function bodyOf(draft: CalendarDraft): CalendarBody {
  return {
    name: draft.name.trim(),
    kind: 'working_hours',
    timeZone: draft.timeZone,
    workingHours: Object.fromEntries(
      WEEKDAYS.map((day) => [day, draft.days[day].map(({ from, to }) => ({ from, to }))]),
    ) as Record<Weekday, IntervalDraft[]>,
    holidays: [...draft.holidays].sort(),
    holidayNames: namedHolidays(draft),
    workingDays: draft.workingDays,
  };
}

/** The trimmed, not blank names of the draft's holidays, by date. */
export function namedHolidays(draft: Pick<CalendarDraft, 'holidays' | 'holidayNames'>) {
  const names: Record<string, string> = {};
  for (const date of draft.holidays) {
    const name = draft.holidayNames[date]?.trim();
    if (name) names[date] = name;
  }
  return names;
}

/** Minutes since midnight of "HH:mm" (24:00 ends the day), or null when it is not a time. */
export function minutesOf(time: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59 || minutes > 24 * 60) return null;
  return minutes;
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The problems the API would refuse the draft for, found before it is sent. */
export function validateDraft(draft: CalendarDraft): CalendarErrors {
  const errors: CalendarErrors = {};
  if (!draft.name.trim()) errors['name'] = 'required';
  if (!draft.timeZone) errors['timeZone'] = 'required';
  let worked = false;
  for (const day of WEEKDAYS) {
    const field = `workingHours.${day}`;
    const intervals = draft.days[day];
    if (intervals.length > 0) worked = true;
    let previousEnd = -1;
    for (const { from, to } of intervals) {
      const start = minutesOf(from);
      const end = minutesOf(to);
      if (start === null || end === null || start >= 24 * 60) {
        errors[field] ??= 'time';
      } else if (start >= end) {
        errors[field] ??= 'order';
      } else {
        if (start < previousEnd) errors[field] ??= 'overlap';
        previousEnd = Math.max(previousEnd, end);
      }
    }
  }
  if (!worked) errors['workingHours'] = 'noHours';
  const seen = new Set<string>();
  draft.holidays.forEach((date, index) => {
    if (!isDate(date)) errors[`holidays[${index}]`] = 'date';
    else if (seen.has(date)) errors[`holidays[${index}]`] = 'duplicate';
    seen.add(date);
    if ([...(draft.holidayNames[date]?.trim() ?? '')].length > HOLIDAY_NAME_MAX_LENGTH)
      errors[`holidayNames.${date}`] = 'tooLong';
  });
  return errors;
}

/**
 * The editor's field a problem+json error belongs to: `workingHours.monday[0].to` is shown
 * under Monday, `holidays[2]` under that holiday.
 */
export function editorFieldOf(apiField: string): string {
  const field = apiField.replace(/^(definition\.|fields\/)/, '');
  const day = /^workingHours\.(\w+)/.exec(field);
  if (day) return `workingHours.${day[1]}`;
  const holiday = /^holidays\[\d+\]/.exec(field);
  if (holiday) return holiday[0];
  const name = /^holidayNames\.\d{4}-\d{2}-\d{2}/.exec(field);
  if (name) return name[0];
  return field.split(/[.[]/)[0] ?? field;
}

/** Fifteen-minute steps of the day, for the from/to selects: 00:00 … 24:00. */
export function quarterHours(): string[] {
  const times: string[] = [];
  for (let minutes = 0; minutes <= 24 * 60; minutes += 15) {
    const hours = String(Math.floor(minutes / 60)).padStart(2, '0');
    times.push(`${hours}:${String(minutes % 60).padStart(2, '0')}`);
  }
  return times;
}
