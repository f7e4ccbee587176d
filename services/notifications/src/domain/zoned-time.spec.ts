import {
  isValidTimeZone,
  MINUTE_MS,
  nextInstantAtWallTime,
  offsetAt,
  wallTimeAt,
} from './zoned-time';

const at = (iso: string) => new Date(iso).getTime();
/** A wall-clock time written as ISO without a zone, as ms read as UTC. */
const wall = (text: string) => at(`${text}Z`);

describe('the offset of a zone', () => {
  it.each([
    ['Europe/Moscow', '2026-01-15T12:00:00Z', 180],
    ['Europe/Berlin', '2026-03-29T00:59:59Z', 60],
    ['Europe/Berlin', '2026-03-29T01:00:00Z', 120],
    ['America/New_York', '2026-11-01T06:00:00Z', -300],
    ['Asia/Kolkata', '2026-07-15T12:00:00.999Z', 330],
    ['UTC', '2026-07-15T12:00:00Z', 0],
  ])('%s at %s is %d min ahead of UTC', (timeZone, instant, minutes) => {
    expect(offsetAt(timeZone, at(instant))).toBe(minutes * MINUTE_MS);
  });

  it('gives the wall-clock time of an instant', () => {
    expect(
      new Date(wallTimeAt('Europe/Moscow', at('2026-01-15T21:30:15.250Z'))).toISOString(),
    ).toBe('2026-01-16T00:30:15.250Z');
  });

  it.each([
    ['Europe/Moscow', true],
    ['UTC', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
  ])('knows whether %p is a time zone: %s', (timeZone, valid) => {
    expect(isValidTimeZone(timeZone)).toBe(valid);
  });
});

describe('the next instant a wall-clock time is shown', () => {
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
    expect(new Date(nextInstantAtWallTime(timeZone, wall(wallText), at(after))).toISOString()).toBe(
      expected,
    );
  });
});
