// Wall-clock time in an IANA time zone, from the runtime's own time-zone database (Intl),
// so no library and no bundled tzdata to keep current.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

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

/** How far the zone's wall clock is ahead of UTC at an instant, in ms (Moscow: +3 h). */
export function offsetAt(timeZone: string, instant: number): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  // The formatter has whole seconds; compare against the instant rounded down to its second.
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return Date.UTC(year, month - 1, day, hour, minute, second) - wholeSecond;
}

/** The wall-clock time of an instant, as ms since the epoch read as UTC. */
export function wallTimeAt(timeZone: string, instant: number): number {
  return instant + offsetAt(timeZone, instant);
}

/**
 * The first instant after `after` at which the zone's clock shows `wallMs` (ms since the epoch
 * read as UTC). A time the clock shows twice is the first showing after `after`; a time it
 * skips (the clock jumps forward) is the instant of the jump, when it first shows a later time.
 */
export function nextInstantAtWallTime(timeZone: string, wallMs: number, after: number): number {
  // No zone changes its offset twice within two days, so the offsets a day either side are the
  // only candidates.
  const before = offsetAt(timeZone, wallMs - DAY_MS);
  const later = offsetAt(timeZone, wallMs + DAY_MS);
  const shown = [wallMs - before, wallMs - later]
    .filter((instant) => instant > after && offsetAt(timeZone, instant) === wallMs - instant)
    .sort((a, b) => a - b);
  return shown[0] ?? jumpBetween(timeZone, wallMs - later, wallMs - before, later);
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
