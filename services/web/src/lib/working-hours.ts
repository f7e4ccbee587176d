import { type SlaCalendar, type Weekday, WEEKDAYS } from '../api/admin-types';

/** Working hours in short: "Mon–Fri 09:00–18:00"; days in a row with the same hours run together. */
export function workingHoursSummary(
  calendar: Pick<SlaCalendar, 'workingHours'>,
  dayName: (day: Weekday) => string,
): string[] {
  const runs: { first: Weekday; last: Weekday; text: string }[] = [];
  WEEKDAYS.forEach((day, index) => {
    const text = (calendar.workingHours?.[day] ?? [])
      .map(({ from, to }) => `${from}–${to}`)
      .join(', ');
    if (!text) return;
    const last = runs[runs.length - 1];
    if (last && last.text === text && last.last === WEEKDAYS[index - 1]) last.last = day;
    else runs.push({ first: day, last: day, text });
  });
  return runs.map(({ first, last, text }) =>
    first === last ? `${dayName(first)} ${text}` : `${dayName(first)}–${dayName(last)} ${text}`,
  );
}

/**
 * Holidays in date order, each with its name when it has one: "1 Jan 2027 — New Year".
 * `dayText` writes a `YYYY-MM-DD` date in the reader's language.
 */
export function holidaysSummary(
  holidays: readonly string[],
  names: Readonly<Record<string, string>>,
  dayText: (date: string) => string,
): string[] {
  return [...new Set(holidays)].sort().map((date) => {
    const name = names[date]?.trim();
    return name ? `${dayText(date)} — ${name}` : dayText(date);
  });
}
