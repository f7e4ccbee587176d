import {
  bodyOf,
  draftOf,
  editorFieldOf,
  emptyDraft,
  minutesOf,
  quarterHours,
  validateDraft,
} from './calendar-draft';

const calendar = {
  id: '0194a000-0000-7000-8000-00000000c001',
  name: 'Moscow office',
  kind: 'working_hours' as const,
  timeZone: 'Europe/Moscow',
  workingHours: {
    monday: [
      { from: '09:00', to: '13:00' },
      { from: '14:00', to: '18:00' },
    ],
    tuesday: [{ from: '09:00', to: '18:00' }],
    saturday: [],
  },
  holidays: ['2027-01-07', '2027-01-01'],
  holidayNames: { '2027-01-07': 'Christmas (Orthodox)' },
  workingDays: [{ date: '2027-01-09', hours: [{ from: '10:00', to: '15:00' }] }],
  version: 4,
};

describe('calendar drafts', () => {
  it('starts a new calendar as Mon–Fri 09:00–18:00 in the given time zone', () => {
    const draft = emptyDraft('Europe/Berlin');
    expect(draft.timeZone).toBe('Europe/Berlin');
    expect(draft.days.friday).toEqual([{ from: '09:00', to: '18:00' }]);
    expect(draft.days.saturday).toEqual([]);
    expect(validateDraft(draft)).toEqual({ name: 'required' });
  });

  it('round-trips a calendar into the body PUT takes, every weekday spelt out', () => {
    const body = bodyOf(draftOf(calendar));
    expect(body).toEqual({
      name: 'Moscow office',
      kind: 'working_hours',
      timeZone: 'Europe/Moscow',
      workingHours: {
        monday: [
          { from: '09:00', to: '13:00' },
          { from: '14:00', to: '18:00' },
        ],
        tuesday: [{ from: '09:00', to: '18:00' }],
        wednesday: [],
        thursday: [],
        friday: [],
        saturday: [],
        sunday: [],
      },
      holidays: ['2027-01-01', '2027-01-07'],
      holidayNames: { '2027-01-07': 'Christmas (Orthodox)' },
      workingDays: calendar.workingDays,
    });
    expect(body).not.toHaveProperty('version');
  });

  it('sends trimmed names of listed holidays only, leaving blank ones out', () => {
    const draft = draftOf(calendar);
    draft.holidayNames = {
      '2027-01-01': '  New Year ',
      '2027-01-07': '   ',
      '2027-05-09': 'Victory Day',
    };
    expect(bodyOf(draft).holidayNames).toEqual({ '2027-01-01': 'New Year' });
  });

  it('reads a calendar without holiday names, or with a name that is not text, as unnamed', () => {
    const { holidayNames: _names, ...unnamed } = calendar;
    expect(draftOf(unnamed).holidayNames).toEqual({});
    expect(draftOf({ ...calendar, holidayNames: { '2027-01-01': 7 } }).holidayNames).toEqual({});
  });

  it('refuses a holiday name longer than 100 characters once trimmed', () => {
    const draft = draftOf(calendar);
    draft.holidayNames = { '2027-01-01': ` ${'Я'.repeat(100)} `, '2027-01-07': 'x'.repeat(101) };
    expect(validateDraft(draft)).toEqual({ 'holidayNames.2027-01-07': 'tooLong' });
  });

  it('trims the name it sends', () => {
    expect(bodyOf({ ...draftOf(calendar), name: '  Support  ' }).name).toBe('Support');
  });

  it('refuses a day whose end is not after its start, and overlapping intervals', () => {
    const draft = draftOf(calendar);
    draft.days.tuesday = [{ from: '18:00', to: '18:00' }];
    draft.days.wednesday = [{ from: '19:00', to: '09:00' }];
    draft.days.monday = [
      { from: '09:00', to: '13:00' },
      { from: '12:00', to: '18:00' },
    ];
    expect(validateDraft(draft)).toEqual({
      'workingHours.monday': 'overlap',
      'workingHours.tuesday': 'order',
      'workingHours.wednesday': 'order',
    });
  });

  it('takes 24:00 as the end of the day but not as a start, nor malformed times', () => {
    const draft = draftOf(calendar);
    draft.days.monday = [{ from: '20:00', to: '24:00' }];
    draft.days.tuesday = [{ from: '24:00', to: '24:00' }];
    draft.days.thursday = [{ from: '9:00', to: '18:00' }];
    expect(validateDraft(draft)).toEqual({
      'workingHours.tuesday': 'time',
      'workingHours.thursday': 'time',
    });
  });

  it('wants at least one worked day', () => {
    const draft = draftOf(calendar);
    draft.days.monday = [];
    draft.days.tuesday = [];
    expect(validateDraft(draft)).toEqual({ workingHours: 'noHours' });
  });

  it('refuses holidays that are not dates or are listed twice', () => {
    const draft = draftOf(calendar);
    draft.holidays = ['2027-01-01', '2027-02-30', '', '2027-01-01'];
    expect(validateDraft(draft)).toEqual({
      'holidays[1]': 'date',
      'holidays[2]': 'date',
      'holidays[3]': 'duplicate',
    });
  });

  it('places the API’s field names under the editor’s fields', () => {
    expect(editorFieldOf('workingHours.monday[0].to')).toBe('workingHours.monday');
    expect(editorFieldOf('workingHours.friday[1]')).toBe('workingHours.friday');
    expect(editorFieldOf('holidays[3]')).toBe('holidays[3]');
    expect(editorFieldOf('holidayNames.2027-01-07')).toBe('holidayNames.2027-01-07');
    expect(editorFieldOf('timeZone')).toBe('timeZone');
    expect(editorFieldOf('workingHours')).toBe('workingHours');
    expect(editorFieldOf('workingDays[0].hours[1]')).toBe('workingDays');
  });

  it('reads times as minutes and steps through the day in quarters', () => {
    expect(minutesOf('09:15')).toBe(555);
    expect(minutesOf('24:00')).toBe(1440);
    expect(minutesOf('24:15')).toBeNull();
    expect(minutesOf('12:60')).toBeNull();
    const times = quarterHours();
    expect(times[0]).toBe('00:00');
    expect(times[1]).toBe('00:15');
    expect(times.at(-1)).toBe('24:00');
    expect(times).toHaveLength(97);
  });
});
