import { DAY_MS, fromLocalDateTime, HOUR_MS } from '@itsm/zoned-time';
import {
  type BusinessCalendar,
  type CalendarDefinition,
  validateCalendar,
  type WorkingHours,
} from './business-calendar';
import { addBusinessTime, businessTimeBetween, MAX_DAYS_WITHOUT_WORK } from './business-time';
import { SlaErrorCode } from './sla-error';

const nineToSix: WorkingHours[] = [{ from: '09:00', to: '18:00' }];
const withLunch: WorkingHours[] = [
  { from: '09:00', to: '13:00' },
  { from: '14:00', to: '18:00' },
];
const weekdays = (hours: WorkingHours[]) => ({ 1: hours, 2: hours, 3: hours, 4: hours, 5: hours });

function calendar(definition: Partial<CalendarDefinition> & { id: string }): BusinessCalendar {
  return validateCalendar({
    kind: 'working_hours',
    timeZone: 'Europe/Moscow',
    week: weekdays(nineToSix),
    holidays: [],
    workingDays: [],
    ...definition,
  } as CalendarDefinition);
}

/** Moscow office with November 2025 of the Russian production calendar. */
const moscow = calendar({
  id: 'moscow',
  holidays: ['2025-11-03', '2025-11-04'],
  workingDays: [{ date: '2025-11-01', hours: [{ from: '09:00', to: '17:00' }] }],
});
const kolkataLunch = calendar({
  id: 'kolkata',
  timeZone: 'Asia/Kolkata',
  week: weekdays(withLunch),
});
const berlinOffice = calendar({ id: 'berlin', timeZone: 'Europe/Berlin' });
// Sunday 00:00–06:00 contains the European and American DST transitions.
const berlinNightDesk = calendar({
  id: 'berlin-night',
  timeZone: 'Europe/Berlin',
  week: { 7: [{ from: '00:00', to: '06:00' }] },
});
const newYorkNightDesk = calendar({
  id: 'new-york-night',
  timeZone: 'America/New_York',
  week: { 7: [{ from: '00:00', to: '06:00' }] },
});
const alwaysOn = validateCalendar({ kind: '24x7', id: 'always', timeZone: 'Europe/Moscow' });

/** `2026-11-27 17:30` in the calendar's zone, or an ISO instant ending in Z. */
function at(cal: BusinessCalendar, text: string): Date {
  if (text.endsWith('Z')) return new Date(text);
  const [year, month, day, hour, minute] = text.split(/[- :]/).map(Number);
  return fromLocalDateTime(cal.timeZone, {
    year: year ?? 0,
    month: month ?? 0,
    day: day ?? 0,
    hour: hour ?? 0,
    minute: minute ?? 0,
  });
}

const hours = (count: number) => count * HOUR_MS;

describe('adding business time', () => {
  it.each<[string, BusinessCalendar, string, number, string]>([
    // 2026-11-27 is a Friday.
    ['acceptance: Friday 17:30 + 4 h', moscow, '2026-11-27 17:30', hours(4), '2026-11-30 12:30'],
    ['acceptance, as UTC', moscow, '2026-11-27T14:30:00Z', hours(4), '2026-11-30T09:30:00Z'],
    ['within a day', moscow, '2026-11-24 10:00', hours(2), '2026-11-24 12:00'],
    ['overnight', moscow, '2026-11-24 16:00', hours(4), '2026-11-25 11:00'],
    ['over the weekend', moscow, '2026-11-27 16:00', hours(3), '2026-11-30 10:00'],
    [
      'to the end of a day, not the next morning',
      moscow,
      '2026-11-27 17:30',
      hours(0.5),
      '2026-11-27 18:00',
    ],
    ['nothing', moscow, '2026-11-28 10:00', 0, '2026-11-28 10:00'],
    ['one ms', moscow, '2026-11-28 10:00', 1, '2026-11-30T06:00:00.001Z'],
    ['from before opening', moscow, '2026-11-24 07:00', hours(1), '2026-11-24 10:00'],
    ['from after closing', moscow, '2026-11-24 20:00', hours(1), '2026-11-25 10:00'],
    ['from a Saturday', moscow, '2026-11-28 10:00', hours(1), '2026-11-30 10:00'],
    ['onto a moved working Saturday', moscow, '2025-10-31 17:00', hours(4), '2025-11-01 12:00'],
    ['over two holidays', moscow, '2025-11-01 16:00', hours(4), '2025-11-05 12:00'],
    ['from a Sunday before holidays', moscow, '2025-11-02 10:00', hours(1), '2025-11-05 10:00'],
    ['60 h: more than a week', moscow, '2026-11-23 09:00', hours(60), '2026-12-01 15:00'],
    ['450 h: ten weeks', moscow, '2026-11-23 09:00', hours(450), '2027-01-29 18:00'],
    ['across lunch', kolkataLunch, '2026-11-23 12:30', hours(1), '2026-11-23 14:30'],
    ['from lunch', kolkataLunch, '2026-11-23 13:15', hours(1), '2026-11-23 15:00'],
    ['a full day with lunch', kolkataLunch, '2026-11-23 09:00', hours(8), '2026-11-23 18:00'],
    [
      'overnight, to the start of lunch',
      kolkataLunch,
      '2026-11-23 17:00',
      hours(5),
      '2026-11-24 13:00',
    ],
    ['overnight, past lunch', kolkataLunch, '2026-11-23 17:00', hours(6), '2026-11-24 15:00'],
    ['24×7', alwaysOn, '2026-11-28T10:00:00Z', hours(60), '2026-11-30T22:00:00Z'],
    // Berlin: 2026-03-29 02:00 CET → 03:00 CEST; 2026-10-25 03:00 CEST → 02:00 CET.
    [
      'Berlin spring forward: 6 wall hours are 5',
      berlinNightDesk,
      '2026-03-29 00:00',
      hours(5),
      '2026-03-29T04:00:00Z',
    ],
    [
      'Berlin spring forward, from 01:30',
      berlinNightDesk,
      '2026-03-29 01:30',
      hours(1),
      '2026-03-29 03:30',
    ],
    [
      'Berlin spring forward, one more hour',
      berlinNightDesk,
      '2026-03-29 00:00',
      hours(6),
      '2026-04-05 01:00',
    ],
    [
      'Berlin fall back: 6 wall hours are 7',
      berlinNightDesk,
      '2026-10-25 00:00',
      hours(7),
      '2026-10-25T05:00:00Z',
    ],
    [
      'Berlin fall back, from 01:30',
      berlinNightDesk,
      '2026-10-25 01:30',
      hours(2),
      '2026-10-25T01:30:00Z',
    ],
    [
      'Berlin office over the DST weekend',
      berlinOffice,
      '2026-03-27 17:00',
      hours(2),
      '2026-03-30T08:00:00Z',
    ],
    // New York: 2026-03-08 02:00 EST → 03:00 EDT; 2026-11-01 02:00 EDT → 01:00 EST.
    [
      'New York spring forward: 6 wall hours are 5',
      newYorkNightDesk,
      '2026-03-08 00:00',
      hours(5),
      '2026-03-08T10:00:00Z',
    ],
    [
      'New York spring forward, from 01:30',
      newYorkNightDesk,
      '2026-03-08 01:30',
      hours(1),
      '2026-03-08 03:30',
    ],
    [
      'New York fall back: 6 wall hours are 7',
      newYorkNightDesk,
      '2026-11-01 00:00',
      hours(7),
      '2026-11-01T11:00:00Z',
    ],
    [
      'New York fall back, through the repeated hour',
      newYorkNightDesk,
      '2026-11-01 00:30',
      hours(2),
      '2026-11-01T06:30:00Z',
    ],
  ])('%s', (_label, cal, start, duration, due) => {
    expect(addBusinessTime(cal, at(cal, start), duration)).toEqual(at(cal, due));
  });

  it.each([
    ['negative', -1],
    ['fractional', 1.5],
    ['not a number', Number.NaN],
  ])('refuses a %s duration', (_label, duration) => {
    expect(() => addBusinessTime(moscow, new Date(), duration)).toThrow(
      expect.objectContaining({ code: SlaErrorCode.ValidationFailed }),
    );
  });

  it('refuses an invalid start', () => {
    expect(() => addBusinessTime(moscow, new Date(Number.NaN), 1)).toThrow(
      expect.objectContaining({
        code: SlaErrorCode.ValidationFailed,
        violations: [{ field: 'start', message: 'start is not a valid instant' }],
      }),
    );
  });

  it('gives up on a calendar without working time for ten years instead of looping', () => {
    const everyMonday: string[] = [];
    for (let day = Date.UTC(2026, 0, 5); day < Date.UTC(2038, 0, 1); day += 7 * DAY_MS) {
      everyMonday.push(new Date(day).toISOString().slice(0, 10));
    }
    const mondaysOff = calendar({
      id: 'mondays-off',
      week: { 1: nineToSix },
      holidays: everyMonday,
    });
    expect(() => addBusinessTime(mondaysOff, at(mondaysOff, '2026-01-01 00:00'), 1)).toThrow(
      expect.objectContaining({
        code: SlaErrorCode.NoWorkingTime,
        message: `calendar mondays-off has no working time for ${MAX_DAYS_WITHOUT_WORK} days in a row`,
      }),
    );
  });
});

describe('business time between two instants', () => {
  it.each<[string, BusinessCalendar, string, string, number]>([
    [
      'acceptance: Friday 17:30 to Monday 12:30',
      moscow,
      '2026-11-27 17:30',
      '2026-11-30 12:30',
      hours(4),
    ],
    ['nothing', moscow, '2026-11-24 10:00', '2026-11-24 10:00', 0],
    ['a weekend', moscow, '2026-11-27 18:00', '2026-11-30 09:00', 0],
    ['a working week', moscow, '2026-11-23 00:00', '2026-11-30 00:00', hours(45)],
    ['a week with two holidays', moscow, '2025-11-03 00:00', '2025-11-10 00:00', hours(27)],
    ['a moved working Saturday', moscow, '2025-11-01 00:00', '2025-11-02 00:00', hours(8)],
    ['lunch does not count', kolkataLunch, '2026-11-23 12:00', '2026-11-23 15:00', hours(2)],
    ['24×7', alwaysOn, '2026-11-27T10:00:00Z', '2026-11-30T10:00:00Z', hours(72)],
    [
      'Berlin, an ordinary Sunday night',
      berlinNightDesk,
      '2026-03-21 12:00',
      '2026-03-23 00:00',
      hours(6),
    ],
    [
      'Berlin, spring-forward Sunday',
      berlinNightDesk,
      '2026-03-28 12:00',
      '2026-03-30 00:00',
      hours(5),
    ],
    ['Berlin, fall-back Sunday', berlinNightDesk, '2026-10-24 12:00', '2026-10-26 00:00', hours(7)],
    [
      'Berlin, in the repeated hour',
      berlinNightDesk,
      '2026-10-25T00:15:00Z',
      '2026-10-25T01:15:00Z',
      hours(1),
    ],
    [
      'New York, spring-forward Sunday',
      newYorkNightDesk,
      '2026-03-07 12:00',
      '2026-03-09 00:00',
      hours(5),
    ],
    [
      'New York, fall-back Sunday',
      newYorkNightDesk,
      '2026-10-31 12:00',
      '2026-11-02 00:00',
      hours(7),
    ],
  ])('%s', (_label, cal, from, to, business) => {
    expect(businessTimeBetween(cal, at(cal, from), at(cal, to))).toBe(business);
  });

  it('refuses an end before the start', () => {
    expect(() =>
      businessTimeBetween(
        moscow,
        new Date('2026-11-27T10:00:00Z'),
        new Date('2026-11-27T09:00:00Z'),
      ),
    ).toThrow(expect.objectContaining({ code: SlaErrorCode.ValidationFailed }));
  });
});

/** mulberry32: a small seeded generator, so a failure is reproducible. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('adding and measuring agree', () => {
  // Lunch, holidays, moved Saturdays on both DST weekends and a Sunday night desk over the jumps.
  const busy = calendar({
    id: 'busy',
    timeZone: 'Europe/Berlin',
    week: { ...weekdays(withLunch), 7: [{ from: '00:00', to: '06:00' }] },
    holidays: ['2026-04-03', '2026-04-06', '2026-12-24', '2026-12-25'],
    workingDays: [
      { date: '2026-03-28', hours: [{ from: '10:00', to: '14:00' }] },
      { date: '2026-10-24', hours: [{ from: '22:00', to: '24:00' }] },
    ],
  });
  const cases = [busy, moscow, kolkataLunch, newYorkNightDesk, alwaysOn].flatMap((cal) => {
    const random = seeded(20261127);
    return Array.from({ length: 60 }, () => {
      const start = new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 365 * DAY_MS));
      const duration = Math.floor(random() * hours(80));
      const split = Math.floor(random() * duration);
      return [cal.id, start.toISOString(), duration, split, cal] as const;
    });
  });

  it.each(cases)('%s from %s, %d ms', (_id, startIso, duration, split, cal) => {
    const start = new Date(startIso);
    const due = addBusinessTime(cal, start, duration);
    expect(businessTimeBetween(cal, start, due)).toBe(duration);
    // The earliest such instant: a ms before, the duration has not elapsed yet.
    const justBefore = Math.min(duration, 1);
    expect(businessTimeBetween(cal, start, new Date(due.getTime() - justBefore))).toBe(
      duration - justBefore,
    );
    // Counting in two parts gives the same instant.
    expect(addBusinessTime(cal, addBusinessTime(cal, start, split), duration - split)).toEqual(due);
    // Measuring to any later instant and adding back never overshoots it.
    const later = new Date(start.getTime() + (duration % (9 * DAY_MS)));
    const measured = businessTimeBetween(cal, start, later);
    expect(addBusinessTime(cal, start, measured).getTime()).toBeLessThanOrEqual(later.getTime());
  });

  it('measures a year and adds it back in well under a second', () => {
    const started = Date.now();
    const newYear = new Date('2026-01-01T00:00:00Z');
    const yearly = businessTimeBetween(busy, newYear, new Date('2027-01-01T00:00:00Z'));
    const due = addBusinessTime(busy, newYear, yearly);
    expect(businessTimeBetween(busy, newYear, due)).toBe(yearly);
    // The last working interval of 2026 ends on Thursday 31 December at 18:00 CET.
    expect(due).toEqual(new Date('2026-12-31T17:00:00Z'));
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
