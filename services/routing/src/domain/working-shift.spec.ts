import { type ShiftWindow, type WorkingShift } from './routing-model';
import { isOnShift, MAX_SHIFT_WINDOWS, validateWorkingShift } from './working-shift';

// 2025-11-24 is a Monday; Moscow is UTC+3 all year.
const moscow = (windows: ShiftWindow[]): WorkingShift => ({ timeZone: 'Europe/Moscow', windows });
const officeHours = moscow([1, 2, 3, 4, 5].map((weekday) => day(weekday, '09:00', '18:00')));
const nightDesk = moscow([day(1, '22:00', '06:00')]);
const weekendNight = moscow([day(7, '20:00', '08:00')]);
const untilMidnight = moscow([day(3, '18:00', '24:00')]);
const newYork = { timeZone: 'America/New_York', windows: [day(1, '09:00', '17:00')] };

function day(weekday: number, start: string, end: string): ShiftWindow {
  return { weekday: weekday as ShiftWindow['weekday'], start, end };
}

describe('being on shift', () => {
  it.each<[string, WorkingShift | null, string, boolean]>([
    ['no shift is always on', null, '2025-11-30T03:00:00Z', true],
    ['Monday 09:00 Moscow opens the office day', officeHours, '2025-11-24T06:00:00Z', true],
    ['Monday 08:59 Moscow is before it', officeHours, '2025-11-24T05:59:00Z', false],
    ['Monday 17:59 Moscow is still in it', officeHours, '2025-11-24T14:59:00Z', true],
    [
      'Monday 18:00 Moscow has ended it (end exclusive)',
      officeHours,
      '2025-11-24T15:00:00Z',
      false,
    ],
    ['Saturday noon has no window', officeHours, '2025-11-29T09:00:00Z', false],
    ['UTC Sunday 22:00 is Moscow Monday 01:00', officeHours, '2025-11-23T22:00:00Z', false],
    ['a night window starts on its weekday', nightDesk, '2025-11-24T19:00:00Z', true],
    ['…and runs past midnight (Tuesday 03:00)', nightDesk, '2025-11-25T00:00:00Z', true],
    ['…up to its end, exclusive (Tuesday 06:00)', nightDesk, '2025-11-25T03:00:00Z', false],
    ['…but not into the night before (Monday 03:00)', nightDesk, '2025-11-24T00:00:00Z', false],
    [
      '…nor past midnight of another day (Wednesday 03:00)',
      nightDesk,
      '2025-11-26T00:00:00Z',
      false,
    ],
    ['a Sunday night window wraps into Monday', weekendNight, '2025-11-24T04:00:00Z', true],
    ['…and covers Sunday evening', weekendNight, '2025-11-30T17:00:00Z', true],
    ['…but not Monday evening', weekendNight, '2025-11-24T17:00:00Z', false],
    ['24:00 runs to the very end of the day', untilMidnight, '2025-11-26T20:59:00Z', true],
    ['…and not into the next one', untilMidnight, '2025-11-26T21:00:00Z', false],
    ['New York in winter (EST) at 09:00', newYork, '2025-03-03T14:00:00Z', true],
    ['New York in winter (EST) at 08:00', newYork, '2025-03-03T13:00:00Z', false],
    ['New York after the clocks moved (EDT) at 09:00', newYork, '2025-03-10T13:00:00Z', true],
    [
      'an unknown time zone counts as off shift',
      { timeZone: 'Europe/Atlantis', windows: [day(1, '00:00', '24:00')] },
      '2025-11-24T12:00:00Z',
      false,
    ],
    [
      'a malformed window covers nothing',
      moscow([day(1, '9:00', '18:00')]),
      '2025-11-24T10:00:00Z',
      false,
    ],
  ])('%s', (_name, shift, at, expected) => {
    expect(isOnShift(shift, new Date(at))).toBe(expected);
  });

  it('reads each zone at its own instant when the same instant is asked for twice', () => {
    const at = new Date('2025-11-24T06:30:00Z');
    // Moscow 09:30 Monday is on; Vladivostok (UTC+10) 16:30 Monday is on; Kaliningrad 08:30 off.
    const zones = ['Europe/Moscow', 'Asia/Vladivostok', 'Europe/Kaliningrad', 'Europe/Moscow'];
    const answers = zones.map((timeZone) =>
      isOnShift({ timeZone, windows: [day(1, '09:00', '18:00')] }, at),
    );
    expect(answers).toEqual([true, true, false, true]);
  });
});

describe('validating a shift', () => {
  it.each<[string, unknown, string[]]>([
    ['a valid night shift', nightDesk, []],
    ['an end at 24:00', untilMidnight, []],
    [
      'an unknown time zone',
      { timeZone: 'Mars/Olympus', windows: [] },
      ['shift.timeZone: "Mars/Olympus" is not an IANA time zone'],
    ],
    [
      'a weekday out of range',
      moscow([day(0, '09:00', '18:00'), day(8, '09:00', '18:00')]),
      [
        'shift.windows[0].weekday: 0 is not a weekday 1 (Monday) … 7 (Sunday)',
        'shift.windows[1].weekday: 8 is not a weekday 1 (Monday) … 7 (Sunday)',
      ],
    ],
    [
      'times not in HH:MM',
      moscow([day(2, '9:00', '18:60'), day(3, '24:00', '25:00')]),
      [
        'shift.windows[0].start: "9:00" is not a time HH:MM',
        'shift.windows[0].end: "18:60" is not a time HH:MM',
        'shift.windows[1].start: "24:00" is not a time HH:MM',
        'shift.windows[1].end: "25:00" is not a time HH:MM',
      ],
    ],
    [
      'a window that starts when it ends',
      moscow([day(4, '10:00', '10:00')]),
      ['shift.windows[0]: a window must not start when it ends'],
    ],
    [
      'too many windows',
      moscow(Array.from({ length: MAX_SHIFT_WINDOWS + 1 }, () => day(1, '09:00', '10:00'))),
      ['shift.windows: at most 50 windows, got 51'],
    ],
    [
      'windows that are not a list',
      { timeZone: 'UTC', windows: 'Mon-Fri' },
      ['shift.windows: windows must be a list'],
    ],
  ])('%s', (_name, shift, expected) => {
    const violations = validateWorkingShift(shift as WorkingShift, 'shift');
    expect(violations.map(({ field, message }) => `${field}: ${message}`)).toEqual(expected);
  });
});
