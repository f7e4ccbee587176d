import { DAY_MS } from '@itsm/zoned-time';
import {
  localDatesOf,
  MAX_STATS_DAYS,
  NO_FIGURES,
  type ServiceDeskStatsRequest,
  statsOf,
  validateStatsRequest,
} from './service-desk-stats';
import { TicketError } from './ticket-error';

const FROM = new Date('2026-11-01T00:00:00Z');

const request = (overrides: Partial<ServiceDeskStatsRequest> = {}): ServiceDeskStatsRequest => ({
  from: FROM,
  to: new Date(FROM.getTime() + 30 * DAY_MS),
  timeZone: 'Europe/Moscow',
  assignmentGroupId: undefined,
  type: undefined,
  ...overrides,
});

function violationsOf(input: ServiceDeskStatsRequest): { field: string; message: string }[] {
  try {
    validateStatsRequest(input);
  } catch (error) {
    if (error instanceof TicketError) return error.violations;
    throw error;
  }
  return [];
}

describe('validateStatsRequest', () => {
  it.each<[string, Partial<ServiceDeskStatsRequest>, string[]]>([
    ['thirty days in Moscow', {}, []],
    ['exactly 92 days', { to: new Date(FROM.getTime() + MAX_STATS_DAYS * DAY_MS) }, []],
    ['one hour', { to: new Date(FROM.getTime() + 3_600_000) }, []],
    [
      '92 days and a minute',
      { to: new Date(FROM.getTime() + MAX_STATS_DAYS * DAY_MS + 60_000) },
      ['to'],
    ],
    ['to equal to from', { to: FROM }, ['to']],
    ['to before from', { to: new Date(FROM.getTime() - DAY_MS) }, ['to']],
    ['no from', { from: undefined }, ['from']],
    ['no to', { to: undefined }, ['to']],
    ['an invalid instant', { from: new Date('not a date') }, ['from']],
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, ['timeZone']],
    ['an unknown zone and a reversed range', { to: FROM, timeZone: 'Nowhere' }, ['to', 'timeZone']],
  ])('%s → violations of %j', (_case, overrides, fields) => {
    expect(violationsOf(request(overrides)).map((violation) => violation.field)).toEqual(fields);
  });

  it('counts in UTC when no time zone is given, and drops an empty group', () => {
    const period = validateStatsRequest(request({ timeZone: '  ', assignmentGroupId: ' ' }));
    expect(period.timeZone).toBe('UTC');
    expect(period.assignmentGroupId).toBeUndefined();
  });

  it('says what is wrong in words a caller understands', () => {
    expect(violationsOf(request({ to: new Date(FROM.getTime() + 93 * DAY_MS) }))).toEqual([
      { field: 'to', message: 'a report covers at most 92 days' },
    ]);
    expect(violationsOf(request({ timeZone: 'Europe/Atlantis' }))).toEqual([
      { field: 'timeZone', message: 'Europe/Atlantis is not an IANA time zone' },
    ]);
  });
});

describe('localDatesOf', () => {
  it.each<[string, string, string, string, string[]]>([
    [
      'whole UTC days',
      '2026-11-01T00:00:00Z',
      '2026-11-04T00:00:00Z',
      'UTC',
      ['2026-11-01', '2026-11-02', '2026-11-03'],
    ],
    [
      'the same instants in Moscow',
      '2026-11-01T00:00:00Z',
      '2026-11-04T00:00:00Z',
      'Europe/Moscow',
      ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04'],
    ],
    ['part of one day', '2026-11-01T10:00:00Z', '2026-11-01T11:00:00Z', 'UTC', ['2026-11-01']],
    [
      'across a month end',
      '2026-02-27T12:00:00Z',
      '2026-03-02T12:00:00Z',
      'UTC',
      ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'],
    ],
    [
      'across a clock change',
      '2026-03-28T00:00:00+01:00',
      '2026-03-31T00:00:00+02:00',
      'Europe/Berlin',
      ['2026-03-28', '2026-03-29', '2026-03-30'],
    ],
    [
      'west of Greenwich',
      '2026-11-01T00:00:00Z',
      '2026-11-02T00:00:00Z',
      'America/New_York',
      ['2026-10-31', '2026-11-01'],
    ],
  ])('%s', (_case, from, to, timeZone, dates) => {
    expect(localDatesOf({ from: new Date(from), to: new Date(to), timeZone })).toEqual(dates);
  });
});

describe('statsOf', () => {
  it('lists every day of the period, those without tickets with no figures', () => {
    const busy = { ...NO_FIGURES, created: 4, resolved: 2 };
    const stats = statsOf(
      validateStatsRequest(request({ to: new Date(FROM.getTime() + 3 * DAY_MS), timeZone: 'UTC' })),
      { days: new Map([['2026-11-02', busy]]), total: busy },
    );
    expect(stats.days).toEqual([
      { date: '2026-11-01', figures: NO_FIGURES },
      { date: '2026-11-02', figures: busy },
      { date: '2026-11-03', figures: NO_FIGURES },
    ]);
    expect(stats.total).toBe(busy);
  });
});
