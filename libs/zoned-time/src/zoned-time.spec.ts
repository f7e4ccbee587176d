import {
  epochDayOf,
  fromLocalDateTime,
  HOUR_MS,
  isoWeekdayOf,
  isValidTimeZone,
  type LocalDate,
  localDateOf,
  localEpochDayAt,
  MINUTE_MS,
  nextInstantAtWallTime,
  offsetAt,
  parseLocalDate,
  toLocalDateTime,
  wallTimeAt,
} from './zoned-time';

/** `2026-03-29 02:30` in a zone. */
function local(timeZone: string, text: string): Date {
  const [year, month, day, hour, minute] = text.split(/[- :]/).map(Number);
  return fromLocalDateTime(timeZone, {
    year: year ?? 0,
    month: month ?? 0,
    day: day ?? 0,
    hour: hour ?? 0,
    minute: minute ?? 0,
  });
}

describe('the offset of a zone at an instant', () => {
  it.each([
    ['Europe/Berlin', '2026-01-15T12:00:00Z', 60],
    ['Europe/Berlin', '2026-07-15T12:00:00Z', 120],
    ['Europe/Berlin', '2026-03-29T00:59:59Z', 60],
    ['Europe/Berlin', '2026-03-29T01:00:00Z', 120],
    ['Europe/Berlin', '2026-10-25T00:59:59Z', 120],
    ['Europe/Berlin', '2026-10-25T01:00:00Z', 60],
    ['America/New_York', '2026-03-08T06:59:59Z', -300],
    ['America/New_York', '2026-03-08T07:00:00Z', -240],
    ['America/New_York', '2026-11-01T05:59:59Z', -240],
    ['America/New_York', '2026-11-01T06:00:00Z', -300],
    ['Europe/Moscow', '2026-01-15T12:00:00Z', 180],
    ['Europe/Moscow', '2026-07-15T12:00:00Z', 180],
    // From the zone database, not a fixed rule: Moscow kept summer time all year 2011–2014.
    ['Europe/Moscow', '2013-01-15T12:00:00Z', 240],
    ['Asia/Kolkata', '2026-01-15T12:00:00Z', 330],
    ['Asia/Kolkata', '2026-07-15T12:00:00.999Z', 330],
    ['Asia/Kathmandu', '2026-07-15T12:00:00Z', 345],
    ['UTC', '2026-07-15T12:00:00Z', 0],
  ])('%s at %s is %d min ahead of UTC', (timeZone, instant, minutes) => {
    expect(offsetAt(timeZone, new Date(instant))).toBe(minutes * MINUTE_MS);
    expect(offsetAt(timeZone, Date.parse(instant))).toBe(minutes * MINUTE_MS);
  });

  it('gives the wall-clock time of an instant', () => {
    const instant = '2026-01-15T21:30:15.250Z';
    for (const given of [new Date(instant), Date.parse(instant)]) {
      expect(new Date(wallTimeAt('Europe/Moscow', given)).toISOString()).toBe(
        '2026-01-16T00:30:15.250Z',
      );
    }
  });
});

describe('the instant of a local date and time', () => {
  it.each([
    ['Europe/Moscow', '2026-06-01 12:00', '2026-06-01T09:00:00.000Z', 'no DST'],
    ['Asia/Kolkata', '2026-01-15 09:00', '2026-01-15T03:30:00.000Z', 'half-hour offset'],
    ['Europe/Berlin', '2026-03-29 01:59', '2026-03-29T00:59:00.000Z', 'just before the jump'],
    ['Europe/Berlin', '2026-03-29 02:00', '2026-03-29T01:00:00.000Z', 'gap: the jump'],
    ['Europe/Berlin', '2026-03-29 02:30', '2026-03-29T01:00:00.000Z', 'gap: the jump'],
    ['Europe/Berlin', '2026-03-29 03:00', '2026-03-29T01:00:00.000Z', 'just after the jump'],
    ['Europe/Berlin', '2026-10-25 01:59', '2026-10-24T23:59:00.000Z', 'before the overlap'],
    ['Europe/Berlin', '2026-10-25 02:30', '2026-10-25T00:30:00.000Z', 'overlap: earlier'],
    ['Europe/Berlin', '2026-10-25 03:00', '2026-10-25T02:00:00.000Z', 'after the overlap'],
    ['America/New_York', '2026-03-08 01:59', '2026-03-08T06:59:00.000Z', 'before the jump'],
    ['America/New_York', '2026-03-08 02:30', '2026-03-08T07:00:00.000Z', 'gap: the jump'],
    ['America/New_York', '2026-03-08 03:00', '2026-03-08T07:00:00.000Z', 'after the jump'],
    ['America/New_York', '2026-11-01 01:30', '2026-11-01T05:30:00.000Z', 'overlap: earlier'],
    ['America/New_York', '2026-11-01 02:00', '2026-11-01T07:00:00.000Z', 'after the overlap'],
    ['Australia/Sydney', '2026-10-04 02:30', '2026-10-03T16:00:00.000Z', 'southern gap'],
    ['Australia/Sydney', '2026-04-05 02:30', '2026-04-04T15:30:00.000Z', 'southern overlap'],
    ['America/Santiago', '2026-09-06 00:00', '2026-09-06T04:00:00.000Z', 'midnight gap'],
  ])('%s %s is %s (%s)', (timeZone, text, instant) => {
    expect(local(timeZone, text).toISOString()).toBe(instant);
  });

  it('reads minute 1440 as the next midnight', () => {
    expect(
      fromLocalDateTime('Europe/Moscow', { year: 2026, month: 12, day: 31, minute: 1440 }),
    ).toEqual(new Date('2026-12-31T21:00:00Z'));
  });

  it.each(['Europe/Berlin', 'America/New_York', 'Europe/Moscow', 'Asia/Kolkata'])(
    'round-trips every 37 minutes of a DST year in %s, overlaps to their first occurrence',
    (timeZone) => {
      const mismatches: string[] = [];
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 37 * MINUTE_MS) {
        const instant = new Date(ms);
        const back = fromLocalDateTime(timeZone, toLocalDateTime(timeZone, instant)).getTime();
        const secondOccurrence =
          back === ms - HOUR_MS && offsetAt(timeZone, back) > offsetAt(timeZone, ms);
        if (back !== ms && !secondOccurrence) mismatches.push(instant.toISOString());
      }
      expect(mismatches).toEqual([]);
    },
  );

  it('gives the wall-clock fields of an instant', () => {
    expect(toLocalDateTime('Asia/Kolkata', new Date('2026-01-15T20:45:30.250Z'))).toEqual({
      year: 2026,
      month: 1,
      day: 16,
      hour: 2,
      minute: 15,
      second: 30,
      millisecond: 250,
    });
  });
});

describe('the next instant a wall-clock time is shown', () => {
  /** A wall-clock time written as ISO without a zone, as ms read as UTC. */
  const wall = (text: string) => Date.parse(`${text}Z`);

  it.each([
    [
      'Europe/Moscow',
      '2026-06-02T07:00:00',
      '2026-06-01T20:00:00Z',
      '2026-06-02T04:00:00.000Z',
      'no DST',
    ],
    [
      'Europe/Berlin',
      '2026-03-29T02:30:00',
      '2026-03-28T23:00:00Z',
      '2026-03-29T01:00:00.000Z',
      'skipped: the jump',
    ],
    [
      'Europe/Berlin',
      '2026-03-29T03:00:00',
      '2026-03-28T23:00:00Z',
      '2026-03-29T01:00:00.000Z',
      'after the jump',
    ],
    [
      'Europe/Berlin',
      '2026-10-25T02:30:00',
      '2026-10-24T22:00:00Z',
      '2026-10-25T00:30:00.000Z',
      'shown twice: first',
    ],
    [
      'Europe/Berlin',
      '2026-10-25T02:30:00',
      '2026-10-25T01:15:00Z',
      '2026-10-25T01:30:00.000Z',
      'shown twice: second',
    ],
    [
      'America/New_York',
      '2026-03-08T02:30:00',
      '2026-03-08T05:00:00Z',
      '2026-03-08T07:00:00.000Z',
      'skipped: the jump',
    ],
    [
      'Australia/Sydney',
      '2026-10-04T02:30:00',
      '2026-10-03T14:00:00Z',
      '2026-10-03T16:00:00.000Z',
      'southern jump',
    ],
  ])('%s %s after %s is %s (%s)', (timeZone, wallText, after, expected) => {
    for (const given of [new Date(after), Date.parse(after)]) {
      expect(nextInstantAtWallTime(timeZone, wall(wallText), given).toISOString()).toBe(expected);
    }
  });
});

describe('time zone names', () => {
  it.each([
    ['Europe/Moscow', true],
    ['America/New_York', true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
    ['+03:00 Moscow', false],
  ])('%j is valid: %s', (timeZone, valid) => {
    expect(isValidTimeZone(timeZone)).toBe(valid);
  });
});

describe('local dates', () => {
  it.each<[string, LocalDate | null]>([
    ['2026-11-27', { year: 2026, month: 11, day: 27 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2026-02-29', null],
    ['2026-13-01', null],
    ['2026-04-31', null],
    ['2026-1-5', null],
    ['26-01-05', null],
    ['2026-01-05T00:00', null],
  ])('%s parses to %j', (text, date) => {
    expect(parseLocalDate(text)).toEqual(date);
  });

  it.each([
    ['1970-01-01', 4],
    ['2026-11-23', 1],
    ['2026-11-27', 5],
    ['2026-11-29', 7],
    ['1969-12-29', 1],
  ])('%s is ISO weekday %d', (text, weekday) => {
    const date = parseLocalDate(text);
    expect(date && isoWeekdayOf(epochDayOf(date))).toBe(weekday);
  });

  it('steps through days across month, year and leap-day ends', () => {
    const start = epochDayOf({ year: 2028, month: 2, day: 28 });
    expect([0, 1, 2, 307, 308].map((days) => localDateOf(start + days))).toEqual([
      { year: 2028, month: 2, day: 28 },
      { year: 2028, month: 2, day: 29 },
      { year: 2028, month: 3, day: 1 },
      { year: 2028, month: 12, day: 31 },
      { year: 2029, month: 1, day: 1 },
    ]);
  });

  it.each([
    ['Europe/Moscow', '2026-11-27T20:59:59Z', '2026-11-27'],
    ['Europe/Moscow', '2026-11-27T21:00:00Z', '2026-11-28'],
    ['America/New_York', '2026-11-28T03:00:00Z', '2026-11-27'],
  ])('in %s, %s falls on %s', (timeZone, instant, date) => {
    const expected = parseLocalDate(date);
    expect(expected && localEpochDayAt(timeZone, new Date(instant))).toBe(
      expected && epochDayOf(expected),
    );
  });
});
