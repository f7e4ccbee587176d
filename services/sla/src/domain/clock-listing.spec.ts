import { fromLocalDateTime } from '@itsm/zoned-time';
import {
  type ClockListRequest,
  clockListingOf,
  clockPageToken,
  DEFAULT_CLOCK_PAGE_SIZE,
} from './clock-listing';
import { SlaErrorCode } from './sla-error';

/** 02:30 on 1 March 2026 in Moscow: still 28 February in UTC. */
const now = new Date('2026-02-28T23:30:00Z');
const clockId = '0194c000-0000-7000-8000-000000000001';

const request = (overrides: Partial<ClockListRequest> = {}): ClockListRequest => ({
  condition: 'breached',
  breachedSince: null,
  breachedUntil: null,
  timeZone: '',
  groupId: '',
  pageSize: 0,
  pageToken: '',
  ...overrides,
});

function violationsOf(overrides: Partial<ClockListRequest>): unknown {
  try {
    clockListingOf(request(overrides), now);
  } catch (error) {
    expect(error).toMatchObject({ code: SlaErrorCode.ValidationFailed });
    return (error as { violations: unknown }).violations;
  }
  throw new Error('expected the request to be refused');
}

describe('a request for a list of clocks', () => {
  it.each([
    ['UTC when no zone is named', '', '2026-02-28T00:00:00.000Z'],
    ['the caller’s zone', 'Europe/Moscow', '2026-02-28T21:00:00.000Z'],
    ['a zone behind UTC', 'America/New_York', '2026-02-28T05:00:00.000Z'],
  ])('counts breaches since the start of today in %s', (_label, timeZone, since) => {
    const listing = clockListingOf(request({ timeZone }), now);
    expect(listing.breachedSince.toISOString()).toBe(since);
    expect(listing.breachedUntil).toBeNull();
  });

  it('keeps an explicit period, group and page size, and trims the group', () => {
    const since = fromLocalDateTime('Europe/Moscow', { year: 2026, month: 2, day: 1 });
    const until = fromLocalDateTime('Europe/Moscow', { year: 2026, month: 3, day: 1 });
    expect(
      clockListingOf(
        request({ breachedSince: since, breachedUntil: until, groupId: ' desk ', pageSize: 100 }),
        now,
      ),
    ).toEqual({
      condition: 'breached',
      breachedSince: since,
      breachedUntil: until,
      groupId: 'desk',
      pageSize: 100,
      after: null,
    });
  });

  it('gives 25 clocks a page by default and no group filter for an empty group', () => {
    expect(clockListingOf(request({ condition: 'at_risk' }), now)).toMatchObject({
      condition: 'at_risk',
      pageSize: DEFAULT_CLOCK_PAGE_SIZE,
      groupId: null,
    });
  });

  it('continues after the position its page token names', () => {
    const dueAt = new Date('2026-02-28T12:00:00Z');
    const pageToken = clockPageToken('at_risk', { dueAt, id: clockId });
    expect(clockListingOf(request({ condition: 'at_risk', pageToken }), now).after).toEqual({
      dueAt,
      id: clockId,
    });
  });

  it.each<[string, Partial<ClockListRequest>, { field: string; message: string }[]]>([
    [
      'no condition',
      { condition: null },
      [{ field: 'condition', message: 'condition must be one of at_risk, breached' }],
    ],
    [
      'an unknown time zone',
      { timeZone: 'Europe/Atlantis' },
      [{ field: 'timeZone', message: '"Europe/Atlantis" is not an IANA time zone' }],
    ],
    [
      'an empty period',
      { breachedSince: now, breachedUntil: now },
      [{ field: 'until', message: 'until must be after since' }],
    ],
    [
      'an invalid instant',
      { breachedSince: new Date(Number.NaN) },
      [{ field: 'since', message: 'since must be a valid instant' }],
    ],
    [
      'a page of 101',
      { pageSize: 101 },
      [{ field: 'pageSize', message: 'pageSize must be a whole number from 1 to 100' }],
    ],
    [
      'a negative page size',
      { pageSize: -1 },
      [{ field: 'pageSize', message: 'pageSize must be a whole number from 1 to 100' }],
    ],
    [
      'a token of the other list',
      { pageToken: clockPageToken('at_risk', { dueAt: now, id: clockId }) },
      [{ field: 'pageToken', message: 'pageToken is not a token of this list' }],
    ],
    [
      'a token it did not issue',
      { pageToken: 'not-a-token' },
      [{ field: 'pageToken', message: 'pageToken is not a token of this list' }],
    ],
    [
      'a group name too long',
      { groupId: 'g'.repeat(201) },
      [{ field: 'groupId', message: 'groupId is at most 200 characters' }],
    ],
  ])('refuses %s, naming the field', (_label, overrides, violations) => {
    expect(violationsOf(overrides)).toEqual(violations);
  });

  it('reports every wrong field at once', () => {
    expect(violationsOf({ condition: null, timeZone: 'Mars/Olympus', pageSize: 500 })).toEqual([
      expect.objectContaining({ field: 'condition' }),
      expect.objectContaining({ field: 'timeZone' }),
      expect.objectContaining({ field: 'pageSize' }),
    ]);
  });
});
