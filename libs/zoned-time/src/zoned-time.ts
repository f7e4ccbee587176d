// Wall-clock time in an IANA time zone, from the runtime's own time-zone database (Intl),
// so no library and no bundled tzdata to keep current.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** A local date and time to convert; the time fields default to zero and overflow like `Date.UTC`. */
export type LocalDateTimeInput = LocalDate & Partial<Omit<LocalDateTime, keyof LocalDate>>;

/** ISO 8601 weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds since the epoch of a wall-clock time read as if it were UTC. */
function utcMs(year: number, month: number, day: number, h = 0, m = 0, s = 0, ms = 0): number {
  // Date.UTC reads years 0–99 as 1900–1999.
  if (year >= 0 && year < 100) {
    const date = new Date(Date.UTC(2000, month - 1, day, h, m, s, ms));
    date.setUTCFullYear(year + date.getUTCFullYear() - 2000);
    return date.getTime();
  }
  return Date.UTC(year, month - 1, day, h, m, s, ms);
}

function epochMsOf(instant: Date | number): number {
  return typeof instant === 'number' ? instant : instant.getTime();
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms (Moscow: +3 h). */
export function offsetAt(timeZone: string, instant: Date | number): number {
  const ms = epochMsOf(instant);
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  // The formatter has whole seconds; compare against the instant rounded down to its second.
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return utcMs(year, month, day, hour, minute, second) - wholeSecond;
}

/** The wall-clock time of an instant, as ms since the epoch read as UTC. */
export function wallTimeAt(timeZone: string, instant: Date | number): number {
  const ms = epochMsOf(instant);
  return ms + offsetAt(timeZone, ms);
}

/**
 * The instant a wall-clock time (ms since the epoch read as UTC) happens in a zone: the earliest
 * instant the zone's clock shows that time or later. So a time that happens twice (the clock
 * goes back) is its first occurrence, and a time that never happens (the clock jumps forward)
 * is the instant of the jump: 02:30 on a 02:00→03:00 night is 03:00. Later wall times never
 * give earlier instants, which keeps working intervals in order across a jump.
 */
export function instantAtWallTime(timeZone: string, wallMs: number): Date {
  return new Date(firstShownAfter(timeZone, wallMs, -Infinity));
}

/**
 * The first instant after `after` at which the zone's clock shows a wall-clock time (ms since
 * the epoch read as UTC). A time the clock shows twice is the first showing after `after`; a
 * time it skips (the clock jumps forward) is the instant of the jump, when it first shows a
 * later time.
 */
export function nextInstantAtWallTime(
  timeZone: string,
  wallMs: number,
  after: Date | number,
): Date {
  return new Date(firstShownAfter(timeZone, wallMs, epochMsOf(after)));
}

function firstShownAfter(timeZone: string, wallMs: number, after: number): number {
  // No zone changes its offset twice within two days, so the offsets a day either side
  // are the only candidates.
  const offsetBefore = offsetAt(timeZone, wallMs - DAY_MS);
  const offsetAfter = offsetAt(timeZone, wallMs + DAY_MS);
  const candidates =
    offsetBefore === offsetAfter
      ? [wallMs - offsetBefore]
      : [wallMs - offsetBefore, wallMs - offsetAfter];
  const shown = candidates
    .filter((instant) => instant > after && offsetAt(timeZone, instant) === wallMs - instant)
    .sort((a, b) => a - b);
  return (
    shown[0] ?? jumpBetween(timeZone, wallMs - offsetAfter, wallMs - offsetBefore, offsetAfter)
  );
}

/** The first instant in (low, high] with the offset after a forward jump, to the second. */
function jumpBetween(timeZone: string, low: number, high: number, after: number): number {
  let lowSecond = Math.floor(low / 1000);
  let highSecond = Math.ceil(high / 1000);
  while (highSecond - lowSecond > 1) {
    const middle = Math.floor((lowSecond + highSecond) / 2);
    if (offsetAt(timeZone, middle * 1000) === after) highSecond = middle;
    else lowSecond = middle;
  }
  return highSecond * 1000;
}

export function toLocalDateTime(timeZone: string, instant: Date | number): LocalDateTime {
  const wall = new Date(wallTimeAt(timeZone, instant));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
  };
}

export function fromLocalDateTime(timeZone: string, local: LocalDateTimeInput): Date {
  const { year, month, day, hour, minute, second, millisecond } = local;
  return instantAtWallTime(timeZone, utcMs(year, month, day, hour, minute, second, millisecond));
}

/** Days since 1970-01-01 of a local date: a number to step through days with. */
export function epochDayOf({ year, month, day }: LocalDate): number {
  return Math.floor(utcMs(year, month, day) / DAY_MS);
}

export function localDateOf(epochDay: number): LocalDate {
  const date = new Date(epochDay * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function isoWeekdayOf(epochDay: number): IsoWeekday {
  // 1970-01-01 was a Thursday.
  return (((((epochDay + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/** The local date (as an epoch day) an instant falls on in a zone. */
export function localEpochDayAt(timeZone: string, instant: Date | number): number {
  return Math.floor(wallTimeAt(timeZone, instant) / DAY_MS);
}

/** The instant of a minute of a local day; minute 1440 is the next midnight. */
export function instantAtLocalMinute(timeZone: string, epochDay: number, minute: number): Date {
  return instantAtWallTime(timeZone, epochDay * DAY_MS + minute * MINUTE_MS);
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A strict `YYYY-MM-DD` calendar date, or null for anything else (2026-02-30 included). */
export function parseLocalDate(text: string): LocalDate | null {
  const match = LOCAL_DATE.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const roundTrip = localDateOf(epochDayOf(date));
  return roundTrip.year === date.year &&
    roundTrip.month === date.month &&
    roundTrip.day === date.day
    ? date
    : null;
}
