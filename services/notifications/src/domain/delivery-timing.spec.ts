import {
  decideDelivery,
  DEFAULT_PREFERENCES,
  type DeliveryDecision,
  type DeliveryTimingInput,
  nextDigestAt,
  type NotificationPreferences,
  quietHoursEnd,
  validatePreferences,
} from './delivery-timing';
import { NotificationErrorCode } from './notification-error';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function preferences(overrides: Partial<NotificationPreferences> = {}): NotificationPreferences {
  return { ...DEFAULT_PREFERENCES('u-1'), ...overrides };
}

const night = { start: '22:00', end: '07:00' };

function decide(overrides: Partial<DeliveryTimingInput>): DeliveryDecision {
  return decideDelivery({
    channel: 'email',
    importance: 'normal',
    preferences: preferences({ quietHours: night }),
    timeZone: 'Europe/Moscow',
    // 23:30 in Moscow: inside the quiet hours.
    now: new Date('2026-03-10T20:30:00Z'),
    ...overrides,
  });
}

const morning = { kind: 'at', at: new Date('2026-03-11T04:00:00Z'), reason: 'quiet_hours' };

describe('the default preferences', () => {
  it('send everything at once and put the routine in a digest', () => {
    expect(DEFAULT_PREFERENCES('u-9')).toEqual({
      userId: 'u-9',
      emailEnabled: true,
      inAppEnabled: true,
      quietHours: null,
      digestLowPriority: true,
    });
  });
});

describe('deciding when to deliver', () => {
  it.each<[string, Partial<DeliveryTimingInput>, DeliveryDecision | typeof morning]>([
    [
      'email turned off',
      { preferences: preferences({ emailEnabled: false }) },
      { kind: 'skip', reason: 'channel_disabled' },
    ],
    [
      'routine email turned off',
      { importance: 'low', preferences: preferences({ emailEnabled: false }) },
      { kind: 'skip', reason: 'channel_disabled' },
    ],
    [
      'in-app turned off',
      { channel: 'in_app', preferences: preferences({ inAppEnabled: false }) },
      { kind: 'skip', reason: 'channel_disabled' },
    ],
    [
      'in-app with email turned off',
      { channel: 'in_app', preferences: preferences({ emailEnabled: false, quietHours: night }) },
      { kind: 'now' },
    ],
    ['in-app during quiet hours', { channel: 'in_app' }, { kind: 'now' }],
    ['routine in-app', { channel: 'in_app', importance: 'low' }, { kind: 'now' }],
    ['routine email with digests', { importance: 'low' }, { kind: 'digest' }],
    [
      'routine email without digests, in quiet hours',
      {
        importance: 'low',
        preferences: preferences({ quietHours: night, digestLowPriority: false }),
      },
      morning,
    ],
    [
      'routine email without digests, in the day',
      {
        importance: 'low',
        preferences: preferences({ quietHours: night, digestLowPriority: false }),
        now: new Date('2026-03-10T09:00:00Z'),
      },
      { kind: 'now' },
    ],
    ['email in quiet hours', {}, morning],
    ['email in the day', { now: new Date('2026-03-10T09:00:00Z') }, { kind: 'now' }],
    ['email without quiet hours', { preferences: preferences() }, { kind: 'now' }],
    [
      'email without quiet hours in an unknown zone',
      { preferences: preferences(), timeZone: 'Nowhere/Town' },
      { kind: 'now' },
    ],
  ])('%s', (_label, input, expected) => {
    expect(decide(input)).toEqual(expected);
  });

  it('refuses quiet hours in an unknown time zone', () => {
    expect(() => decide({ timeZone: 'Nowhere/Town' })).toThrow(
      expect.objectContaining({
        code: NotificationErrorCode.ValidationFailed,
        violations: [{ field: 'timeZone', message: '"Nowhere/Town" is not an IANA time zone' }],
      }),
    );
  });

  it('refuses malformed quiet hours', () => {
    expect(() =>
      decide({ preferences: preferences({ quietHours: { start: '25:00', end: '07:00' } }) }),
    ).toThrow(
      expect.objectContaining({
        code: NotificationErrorCode.ValidationFailed,
        violations: [
          { field: 'quietHours.start', message: 'must be a time from 00:00 to 23:59, not "25:00"' },
        ],
      }),
    );
  });
});

describe('the end of quiet hours', () => {
  it.each<[string, string, string, string, string | null]>([
    // Moscow is UTC+3 all year.
    [
      'Europe/Moscow',
      '22:00-07:00',
      '2026-03-10T20:30:00Z',
      'late evening',
      '2026-03-11T04:00:00.000Z',
    ],
    [
      'Europe/Moscow',
      '22:00-07:00',
      '2026-03-10T23:00:00Z',
      'after midnight',
      '2026-03-11T04:00:00.000Z',
    ],
    [
      'Europe/Moscow',
      '22:00-07:00',
      '2026-03-10T19:00:00Z',
      'at the start',
      '2026-03-11T04:00:00.000Z',
    ],
    ['Europe/Moscow', '22:00-07:00', '2026-03-10T18:59:59Z', 'a second before', null],
    [
      'Europe/Moscow',
      '22:00-07:00',
      '2026-03-11T03:59:59Z',
      'a second before the end',
      '2026-03-11T04:00:00.000Z',
    ],
    ['Europe/Moscow', '22:00-07:00', '2026-03-11T04:00:00Z', 'at the end', null],
    ['Europe/Moscow', '22:00-07:00', '2026-03-11T09:00:00Z', 'midday', null],
    [
      'Europe/Moscow',
      '13:00-14:00',
      '2026-03-11T10:30:00Z',
      'a lunch break',
      '2026-03-11T11:00:00.000Z',
    ],
    ['Europe/Moscow', '13:00-14:00', '2026-03-11T09:30:00Z', 'before lunch', null],
    [
      'Europe/Moscow',
      '00:00-23:59',
      '2026-03-11T20:00:00Z',
      'almost all day',
      '2026-03-11T20:59:00.000Z',
    ],
    [
      'Europe/Moscow',
      '23:59-00:00',
      '2026-03-11T20:59:30Z',
      'one minute',
      '2026-03-11T21:00:00.000Z',
    ],
    [
      'Asia/Kolkata',
      '22:00-06:00',
      '2026-01-15T17:00:00Z',
      'a half-hour offset',
      '2026-01-16T00:30:00.000Z',
    ],
    // The night the clocks go forward: 07:00 summer time is an hour earlier in UTC.
    [
      'Europe/Berlin',
      '22:00-07:00',
      '2026-03-28T22:00:00Z',
      'into summer time',
      '2026-03-29T05:00:00.000Z',
    ],
    [
      'Europe/Berlin',
      '22:00-07:00',
      '2026-10-24T21:00:00Z',
      'out of summer time',
      '2026-10-25T06:00:00.000Z',
    ],
    [
      'America/New_York',
      '21:00-08:00',
      '2026-03-08T03:00:00Z',
      'a US night into DST',
      '2026-03-08T12:00:00.000Z',
    ],
    [
      'Europe/Berlin',
      '23:00-02:30',
      '2026-03-28T23:00:00Z',
      'an end the clock skips',
      '2026-03-29T01:00:00.000Z',
    ],
    [
      'Europe/Berlin',
      '22:00-02:30',
      '2026-10-25T00:15:00Z',
      'an end shown twice, first pass',
      '2026-10-25T00:30:00.000Z',
    ],
    [
      'Europe/Berlin',
      '22:00-02:30',
      '2026-10-25T01:15:00Z',
      'an end shown twice, second pass',
      '2026-10-25T01:30:00.000Z',
    ],
  ])('%s %s at %s (%s) ends at %s', (timeZone, range, now, _label, expected) => {
    const [start = '', end = ''] = range.split('-');
    expect(quietHoursEnd({ start, end }, timeZone, new Date(now))?.toISOString() ?? null).toBe(
      expected,
    );
  });
});

describe('validating preferences', () => {
  it.each<[NotificationPreferences['quietHours'], string[]]>([
    [null, []],
    [{ start: '22:00', end: '07:00' }, []],
    [{ start: '00:00', end: '23:59' }, []],
    [
      { start: '7:00', end: '22:00' },
      ['quietHours.start: must be a time from 00:00 to 23:59, not "7:00"'],
    ],
    [
      { start: '22:00', end: '24:00' },
      ['quietHours.end: must be a time from 00:00 to 23:59, not "24:00"'],
    ],
    [
      { start: '22:60', end: '' },
      [
        'quietHours.start: must be a time from 00:00 to 23:59, not "22:60"',
        'quietHours.end: must be a time from 00:00 to 23:59, not ""',
      ],
    ],
    [
      { start: '22:00 ', end: '07:00' },
      ['quietHours.start: must be a time from 00:00 to 23:59, not "22:00 "'],
    ],
    [
      { start: '08:00', end: '08:00' },
      ['quietHours: quiet hours must not start and end at the same time'],
    ],
  ])('quiet hours %j: %j', (quietHours, expected) => {
    expect(
      validatePreferences(preferences({ quietHours })).map(
        ({ field, message }) => `${field}: ${message}`,
      ),
    ).toEqual(expected);
  });

  it('needs a user', () => {
    expect(validatePreferences(preferences({ userId: ' ' }))).toEqual([
      { field: 'userId', message: 'userId is required' },
    ]);
  });
});

describe('the next digest', () => {
  const now = new Date('2026-03-10T12:00:00Z');

  it.each<[string, string | null, string]>([
    ['the first one, an interval away', null, '2026-03-10T13:00:00.000Z'],
    ['one interval after a recent one', '2026-03-10T11:20:00Z', '2026-03-10T12:20:00.000Z'],
    ['now, when a slot falls on now', '2026-03-10T10:00:00Z', '2026-03-10T12:00:00.000Z'],
    ['the next slot after a long pause', '2026-03-07T09:30:00Z', '2026-03-10T12:30:00.000Z'],
    [
      'one interval after the last, sent just now',
      '2026-03-10T12:00:00Z',
      '2026-03-10T13:00:00.000Z',
    ],
    [
      'one interval after a last one in the future',
      '2026-03-10T12:10:00Z',
      '2026-03-10T13:10:00.000Z',
    ],
  ])('is %s', (_label, last, expected) => {
    expect(nextDigestAt(last ? new Date(last) : null, now, HOUR).toISOString()).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses an interval of %p', (interval) => {
    expect(() => nextDigestAt(null, now, interval)).toThrow(
      expect.objectContaining({ code: NotificationErrorCode.ValidationFailed }),
    );
  });
});
