const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * An instant as ISO 8601 local time of an IANA zone, with the zone's offset at that instant:
 * `2026-11-23T12:30:00+03:00`. Milliseconds appear only when there are some.
 */
export function toLocalIso(instant: Date, timeZone: string): string {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  const wholeSecond = Math.floor(instant.getTime() / 1000) * 1000;
  const millisecond = instant.getTime() - wholeSecond;
  const offsetMinutes = Math.round(
    (Date.UTC(year, month - 1, day, hour, minute, second) - wholeSecond) / 60_000,
  );
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(offsetMinutes);
  return (
    `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}` +
    (millisecond > 0 ? `.${pad(millisecond, 3)}` : '') +
    `${sign}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`
  );
}
