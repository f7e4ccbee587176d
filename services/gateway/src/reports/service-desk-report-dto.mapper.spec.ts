import { TicketType, fromTimestamp } from '@itsm/contracts';
import {
  reportPeriodOf,
  toServiceDeskFiguresDto,
  toServiceDeskReportDto,
  toServiceDeskStatsRequest,
} from './service-desk-report-dto.mapper';

const NOW = new Date('2026-11-30T12:00:00Z');

describe('reportPeriodOf', () => {
  it.each<[string, Parameters<typeof reportPeriodOf>[0], string | null, [string, string, string]]>([
    [
      'nothing given: the last 30 days in UTC',
      {},
      null,
      ['2026-10-31T12:00:00.000Z', '2026-11-30T12:00:00.000Z', 'UTC'],
    ],
    [
      'the profile’s zone',
      {},
      'Europe/Moscow',
      ['2026-10-31T12:00:00.000Z', '2026-11-30T12:00:00.000Z', 'Europe/Moscow'],
    ],
    [
      'a zone asked for wins',
      { timeZone: 'Asia/Tokyo' },
      'Europe/Moscow',
      ['2026-10-31T12:00:00.000Z', '2026-11-30T12:00:00.000Z', 'Asia/Tokyo'],
    ],
    [
      'only to: 30 days before it',
      { to: '2026-11-10T00:00:00+03:00' },
      null,
      ['2026-10-10T21:00:00.000Z', '2026-11-09T21:00:00.000Z', 'UTC'],
    ],
    [
      'only from: up to now',
      { from: '2026-11-23T00:00:00Z' },
      null,
      ['2026-11-23T00:00:00.000Z', '2026-11-30T12:00:00.000Z', 'UTC'],
    ],
  ])('%s', (_case, query, profileZone, [from, to, timeZone]) => {
    const period = reportPeriodOf(query, NOW, profileZone);
    expect([period.from.toISOString(), period.to.toISOString(), period.timeZone]).toEqual([
      from,
      to,
      timeZone,
    ]);
  });
});

describe('toServiceDeskStatsRequest', () => {
  it('sends the period, zone and filters; absent filters as empty', () => {
    const period = reportPeriodOf({}, NOW, null);
    const filtered = toServiceDeskStatsRequest({ groupId: 'g-1', type: 'incident' }, period);
    expect(filtered).toMatchObject({
      timeZone: 'UTC',
      assignmentGroupId: 'g-1',
      type: TicketType.TICKET_TYPE_INCIDENT,
    });
    expect(fromTimestamp(filtered.period?.to ?? { seconds: 0, nanos: 0 })).toEqual(NOW);
    expect(toServiceDeskStatsRequest({}, period)).toMatchObject({
      assignmentGroupId: '',
      type: TicketType.TICKET_TYPE_UNSPECIFIED,
    });
  });
});

describe('toServiceDeskFiguresDto', () => {
  it('answers null averages where nothing happened, not zeros', () => {
    expect(
      toServiceDeskFiguresDto({
        created: 2,
        resolved: 0,
        firstResponse: { count: 0, meanMinutes: 0, medianMinutes: 0 },
        resolution: undefined,
        satisfaction: { ratings: 0, average: 0, satisfied: 0 },
      }),
    ).toEqual({
      created: 2,
      resolved: 0,
      firstResponse: { count: 0, meanMinutes: null, medianMinutes: null },
      resolution: { count: 0, meanMinutes: null, medianMinutes: null },
      satisfaction: { ratings: 0, average: null, satisfied: 0, satisfiedPercent: null },
    });
  });

  it('keeps minutes as they are, rounds the average to hundredths and the share to a tenth of a percent', () => {
    expect(
      toServiceDeskFiguresDto({
        created: 3,
        resolved: 3,
        firstResponse: { count: 3, meanMinutes: 43.33333, medianMinutes: 30 },
        resolution: { count: 3, meanMinutes: 765.04, medianMinutes: 780 },
        satisfaction: { ratings: 3, average: 11 / 3, satisfied: 2 },
      }),
    ).toMatchObject({
      firstResponse: { count: 3, meanMinutes: 43.33333, medianMinutes: 30 },
      resolution: { meanMinutes: 765.04 },
      satisfaction: { ratings: 3, average: 3.67, satisfied: 2, satisfiedPercent: 66.7 },
    });
  });
});

describe('toServiceDeskReportDto', () => {
  it('flattens each day with its date, and names the filters', () => {
    const period = reportPeriodOf({ groupId: 'g-1' }, NOW, null);
    const figures = {
      created: 1,
      resolved: 0,
      firstResponse: undefined,
      resolution: undefined,
      satisfaction: undefined,
    };
    const dto = toServiceDeskReportDto(
      { timeZone: 'UTC', days: [{ date: '2026-11-30', figures }], total: figures },
      { groupId: 'g-1' },
      period,
    );
    expect(dto).toMatchObject({
      from: '2026-10-31T12:00:00.000Z',
      timeZone: 'UTC',
      groupId: 'g-1',
      type: null,
      days: [{ date: '2026-11-30', created: 1, resolved: 0 }],
      total: { created: 1 },
    });
  });
});
