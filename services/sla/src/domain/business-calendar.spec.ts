import { epochDayOf, parseLocalDate } from '@itsm/zoned-time';
import {
  type CalendarDefinition,
  validateCalendar,
  type WorkingHours,
  withTrimmedHolidayNames,
  workingIntervalsOn,
} from './business-calendar';
import { SlaError, SlaErrorCode } from './sla-error';

const officeDay: WorkingHours[] = [
  { from: '09:00', to: '13:00' },
  { from: '14:00', to: '18:00' },
];

/** Moscow office, lunch 13:00–14:00; November 2025 of the Russian production calendar. */
const moscowOffice = {
  kind: 'working_hours',
  id: 'moscow-office',
  timeZone: 'Europe/Moscow',
  week: { 1: officeDay, 2: officeDay, 3: officeDay, 4: officeDay, 5: officeDay },
  holidays: ['2025-11-03', '2025-11-04'],
  workingDays: [{ date: '2025-11-01', hours: [{ from: '09:00', to: '17:00' }] }],
} as const satisfies CalendarDefinition;

function dayOf(text: string): number {
  const date = parseLocalDate(text);
  if (!date) throw new Error(`bad test date ${text}`);
  return epochDayOf(date);
}

function violationsOf(definition: CalendarDefinition): string[] {
  try {
    validateCalendar(definition);
  } catch (error) {
    expect(error).toBeInstanceOf(SlaError);
    expect((error as SlaError).code).toBe(SlaErrorCode.ValidationFailed);
    return (error as SlaError).violations.map(({ field, message }) => `${field}: ${message}`);
  }
  throw new Error('expected the calendar to be refused');
}

describe('validating a calendar', () => {
  it.each<[string, Partial<CalendarDefinition>, string[]]>([
    [
      'an unknown time zone',
      { timeZone: 'Europe/Atlantis' },
      ['timeZone: "Europe/Atlantis" is not an IANA time zone'],
    ],
    ['a missing id', { id: ' ' }, ['id: id is required']],
    [
      'overlapping intervals',
      {
        week: {
          1: [
            { from: '09:00', to: '13:00' },
            { from: '12:00', to: '18:00' },
          ],
        },
      },
      ['week.1[1]: 12:00–18:00 overlaps 09:00–13:00'],
    ],
    [
      'overlapping intervals listed out of order',
      {
        week: {
          2: [
            { from: '12:00', to: '18:00' },
            { from: '09:00', to: '12:30' },
          ],
        },
      },
      ['week.2[0]: 12:00–18:00 overlaps 09:00–12:30'],
    ],
    [
      'an inverted interval',
      { week: { 3: [{ from: '18:00', to: '09:00' }] } },
      ['week.3[0]: 18:00–09:00 ends before it starts'],
    ],
    [
      'an empty interval',
      { week: { 3: [{ from: '09:00', to: '09:00' }] } },
      ['week.3[0]: 09:00–09:00 ends before it starts'],
    ],
    [
      'times that are not HH:mm',
      {
        week: {
          4: [
            { from: '9:00', to: '24:30' },
            { from: '24:00', to: '24:00' },
          ],
        },
      },
      [
        'week.4[0].from: "9:00" is not a time HH:mm',
        'week.4[0].to: "24:30" is not a time HH:mm',
        'week.4[1].from: "24:00" is not a time HH:mm',
      ],
    ],
    ['no working hours at all', { week: {} }, ['week: no weekday has working hours']],
    [
      'bad and repeated holidays',
      { holidays: ['2026-02-30', '2026-1-7', '2026-01-01', '2026-01-01'] },
      [
        'holidays[0]: "2026-02-30" is not a date YYYY-MM-DD',
        'holidays[1]: "2026-1-7" is not a date YYYY-MM-DD',
        'holidays[3]: 2026-01-01 is listed twice',
      ],
    ],
    [
      'a working day that is also a holiday, twice, or without hours',
      {
        holidays: ['2025-11-01'],
        workingDays: [
          { date: '2025-11-01', hours: [{ from: '09:00', to: '17:00' }] },
          { date: '2025-11-08', hours: [] },
          { date: '2025-11-08', hours: [{ from: '10:00', to: '11:00' }] },
          { date: '2025-11-31', hours: [{ from: '10:00', to: '09:00' }] },
        ],
      },
      [
        'workingDays[0].date: 2025-11-01 is both a holiday and a working day',
        'workingDays[1].hours: 2025-11-08 has no hours; a day without work is a holiday',
        'workingDays[2].date: 2025-11-08 is listed twice',
        'workingDays[3].date: "2025-11-31" is not a date YYYY-MM-DD',
        'workingDays[3].hours[0]: 10:00–09:00 ends before it starts',
      ],
    ],
    [
      'a name for a date that is not a holiday, a blank name and a too long one',
      {
        holidays: ['2025-11-03', '2025-11-04'],
        holidayNames: {
          '2025-11-03': '   ',
          '2025-11-04': `${'Д'.repeat(100)}!`,
          '2027-01-07': 'Christmas (Orthodox)',
        },
      },
      [
        'holidayNames.2025-11-03: the name of 2025-11-03 is blank',
        'holidayNames.2025-11-04: the name of 2025-11-04 is longer than 100 characters',
        'holidayNames.2027-01-07: 2027-01-07 is not one of the holidays',
      ],
    ],
  ])('reports %s', (_label, change, violations) => {
    expect(violationsOf({ ...moscowOffice, ...change } as CalendarDefinition)).toEqual(violations);
  });

  it('accepts a name of 100 characters once trimmed, and names do not change working time', () => {
    const named = {
      ...moscowOffice,
      holidayNames: { '2025-11-03': ` ${'Я'.repeat(100)} `, '2025-11-04': 'National Unity Day' },
    };
    expect(validateCalendar(named)).toEqual(validateCalendar(moscowOffice));
  });

  it('keeps holiday names trimmed, and none when there are none', () => {
    expect(
      withTrimmedHolidayNames({ ...moscowOffice, holidayNames: { '2025-11-04': ' Unity Day ' } }),
    ).toEqual({ ...moscowOffice, holidayNames: { '2025-11-04': 'Unity Day' } });
    expect(withTrimmedHolidayNames({ ...moscowOffice, holidayNames: {} })).toEqual(moscowOffice);
    const alwaysOn = { kind: '24x7', id: 'always', timeZone: 'UTC' } as const;
    expect(withTrimmedHolidayNames(alwaysOn)).toBe(alwaysOn);
  });

  it('reports every problem at once', () => {
    expect(
      violationsOf({
        ...moscowOffice,
        timeZone: 'Moscow',
        week: { 1: [{ from: '18:00', to: '09:00' }] },
        holidays: ['tomorrow'],
      }),
    ).toEqual([
      'timeZone: "Moscow" is not an IANA time zone',
      'week.1[0]: 18:00–09:00 ends before it starts',
      'holidays[0]: "tomorrow" is not a date YYYY-MM-DD',
    ]);
  });

  it('accepts touching intervals, a day to 24:00 and a 24×7 calendar', () => {
    expect(() =>
      validateCalendar({
        ...moscowOffice,
        week: {
          6: [
            { from: '00:00', to: '12:00' },
            { from: '12:00', to: '24:00' },
          ],
        },
      }),
    ).not.toThrow();
    expect(validateCalendar({ kind: '24x7', id: 'always', timeZone: 'UTC' })).toEqual({
      kind: '24x7',
      id: 'always',
      timeZone: 'UTC',
    });
  });

  it('refuses a 24×7 calendar in an unknown zone', () => {
    expect(violationsOf({ kind: '24x7', id: 'always', timeZone: 'Nowhere' })).toEqual([
      'timeZone: "Nowhere" is not an IANA time zone',
    ]);
  });
});

describe('the working intervals of a date', () => {
  const calendar = validateCalendar(moscowOffice);
  if (calendar.kind !== 'working_hours') throw new Error('expected working hours');

  it.each([
    [
      'an ordinary Friday',
      '2025-10-31',
      [
        [540, 780],
        [840, 1080],
      ],
    ],
    ['a moved working Saturday, shortened', '2025-11-01', [[540, 1020]]],
    ['a Sunday', '2025-11-02', []],
    ['a holiday Monday', '2025-11-03', []],
    ['a holiday Tuesday', '2025-11-04', []],
    [
      'an ordinary Wednesday',
      '2025-11-05',
      [
        [540, 780],
        [840, 1080],
      ],
    ],
    ['an ordinary Saturday', '2025-11-08', []],
  ])('%s (%s) is worked %j minutes', (_label, date, intervals) => {
    expect(workingIntervalsOn(calendar, dayOf(date))).toEqual(
      intervals.map(([start, end]) => ({ start, end })),
    );
  });
});
