import type { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '@itsm/persistence';
import { createTestDatabase, type TestDatabase } from '@itsm/testing';
import { ticketsDataSourceSettings } from '../app.module';
import { ticketsConfigSchema } from '../config/tickets.config';
import type { StatsPeriod } from '../domain/service-desk-stats';
import type { ServiceDeskStatsQuery } from '../application/ports/service-desk-stats-store';
import { SqlServiceDeskStatsStore } from './sql-service-desk-stats.store';

interface SeededTicket {
  number: string;
  type: 'incident' | 'service_request';
  group: string;
  createdAt: string;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  rating: number | null;
  ratedAt: string | null;
}

/**
 * Moscow is UTC+3 all year. INC-2 is created at 01:00 on 2 November in Moscow, which is still
 * 1 November in UTC; INC-4 was created before the period and resolved in it; INC-5 is created
 * at the period's exclusive end.
 */
const TICKETS: SeededTicket[] = [
  {
    number: 'INC-000001',
    type: 'incident',
    group: 'g-1',
    createdAt: '2026-11-01T09:00:00+03:00',
    firstRespondedAt: '2026-11-01T09:30:00+03:00',
    resolvedAt: '2026-11-01T11:00:00+03:00',
    rating: 5,
    ratedAt: '2026-11-02T10:00:00+03:00',
  },
  {
    number: 'INC-000002',
    type: 'incident',
    group: 'g-2',
    createdAt: '2026-11-01T22:00:00Z',
    firstRespondedAt: '2026-11-01T22:10:00Z',
    resolvedAt: '2026-11-01T23:00:00Z',
    rating: 2,
    ratedAt: '2026-11-02T12:00:00+03:00',
  },
  {
    number: 'SR-000003',
    type: 'service_request',
    group: 'g-1',
    createdAt: '2026-11-02T10:00:00+03:00',
    firstRespondedAt: '2026-11-02T11:30:00+03:00',
    resolvedAt: '2026-11-03T10:00:00+03:00',
    rating: 4,
    ratedAt: '2026-11-03T23:30:00+03:00',
  },
  {
    number: 'INC-000004',
    type: 'incident',
    group: 'g-1',
    createdAt: '2026-10-31T10:00:00+03:00',
    firstRespondedAt: null,
    resolvedAt: '2026-11-01T10:00:00+03:00',
    rating: null,
    ratedAt: null,
  },
  {
    number: 'INC-000005',
    type: 'incident',
    group: 'g-1',
    createdAt: '2026-11-04T00:00:00+03:00',
    firstRespondedAt: '2026-11-04T00:05:00+03:00',
    resolvedAt: null,
    rating: null,
    ratedAt: null,
  },
];

describe('SqlServiceDeskStatsStore in PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let store: SqlServiceDeskStatsStore;

  const period = (overrides: Partial<StatsPeriod> = {}): StatsPeriod => ({
    from: new Date('2026-11-01T00:00:00+03:00'),
    to: new Date('2026-11-04T00:00:00+03:00'),
    timeZone: 'Europe/Moscow',
    assignmentGroupId: undefined,
    type: undefined,
    ...overrides,
  });
  const everything = (overrides: Partial<StatsPeriod> = {}): ServiceDeskStatsQuery => ({
    period: period(overrides),
    visibility: { kind: 'all' },
  });

  beforeAll(async () => {
    database = await createTestDatabase('itsm_service_desk_stats');
    const settings = ticketsDataSourceSettings(
      ticketsConfigSchema.parse({ DATABASE_URL: database.url }),
    );
    await runMigrations(createDataSource(settings));
    dataSource = createDataSource(settings);
    await dataSource.initialize();
    store = new SqlServiceDeskStatsStore(dataSource);
    for (const ticket of TICKETS) {
      await database.query(
        `INSERT INTO tickets (id, number, type, title, description, status, impact, urgency,
                              priority, channel, requester_id, created_at, updated_at,
                              assignment_group_id, first_responded_at, resolved_at,
                              satisfaction_rating, rated_at)
         VALUES (gen_random_uuid(), $1, $2, 'VPN drops', '', 'resolved', 'medium', 'medium',
                 'medium', 'api', 'emp-1', $3, $3, $4, $5, $6, $7, $8)`,
        [
          ticket.number,
          ticket.type,
          ticket.createdAt,
          ticket.group,
          ticket.firstRespondedAt,
          ticket.resolvedAt,
          ticket.rating,
          ticket.ratedAt,
        ],
      );
    }
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('counts each event on the local day it happened, and means and medians of the period', async () => {
    const { days, total } = await store.figures(everything());

    expect([...days.keys()].sort()).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    expect(days.get('2026-11-01')).toEqual({
      created: 1,
      resolved: 2,
      firstResponse: { count: 1, meanMinutes: 30, medianMinutes: 30 },
      resolution: { count: 2, meanMinutes: 780, medianMinutes: 780 },
      satisfaction: { ratings: 0, average: null, satisfied: 0 },
    });
    expect(days.get('2026-11-02')).toEqual({
      created: 2,
      resolved: 1,
      firstResponse: { count: 2, meanMinutes: 50, medianMinutes: 50 },
      resolution: { count: 1, meanMinutes: 60, medianMinutes: 60 },
      satisfaction: { ratings: 2, average: 3.5, satisfied: 1 },
    });
    expect(days.get('2026-11-03')).toMatchObject({
      created: 0,
      resolved: 1,
      satisfaction: { ratings: 1, average: 4, satisfied: 1 },
    });

    expect(total.created).toBe(3);
    expect(total.resolved).toBe(4);
    expect(total.firstResponse.count).toBe(3);
    expect(total.firstResponse.meanMinutes).toBeCloseTo(130 / 3, 6);
    expect(total.firstResponse.medianMinutes).toBe(30);
    expect(total.resolution).toEqual({ count: 4, meanMinutes: 765, medianMinutes: 780 });
    expect(total.satisfaction.ratings).toBe(3);
    expect(total.satisfaction.average).toBeCloseTo(11 / 3, 6);
    expect(total.satisfaction.satisfied).toBe(2);
  });

  it('cuts the days in the time zone asked for', async () => {
    const { days } = await store.figures(
      everything({
        from: new Date('2026-11-01T00:00:00Z'),
        to: new Date('2026-11-04T00:00:00Z'),
        timeZone: 'UTC',
      }),
    );
    // INC-2 falls on 1 November in UTC, but on the 2nd in Moscow.
    expect(days.get('2026-11-01')?.created).toBe(2);
    expect(days.get('2026-11-02')?.created).toBe(1);
  });

  it('narrows to an assignment group, a ticket type and what the caller may see', async () => {
    const ofGroup = await store.figures(everything({ assignmentGroupId: 'g-1' }));
    expect(ofGroup.total).toMatchObject({
      created: 2,
      resolved: 3,
      satisfaction: { ratings: 2, average: 4.5, satisfied: 2 },
    });

    const requests = await store.figures(everything({ type: 'service_request' }));
    expect(requests.total).toMatchObject({
      created: 1,
      resolved: 1,
      resolution: { count: 1, meanMinutes: 1440, medianMinutes: 1440 },
    });

    const agentOfG2 = await store.figures({
      period: period(),
      visibility: { kind: 'groups', userId: 'agent-9', groupIds: ['g-2'] },
    });
    expect(agentOfG2.total).toMatchObject({
      created: 1,
      resolved: 1,
      firstResponse: { count: 1, meanMinutes: 10 },
      satisfaction: { ratings: 1, average: 2, satisfied: 0 },
    });
  });

  it('answers no figures for a period without tickets', async () => {
    const { days, total } = await store.figures(
      everything({
        from: new Date('2027-01-01T00:00:00Z'),
        to: new Date('2027-01-08T00:00:00Z'),
      }),
    );
    expect(days.size).toBe(0);
    expect(total).toEqual({
      created: 0,
      resolved: 0,
      firstResponse: { count: 0, meanMinutes: null, medianMinutes: null },
      resolution: { count: 0, meanMinutes: null, medianMinutes: null },
      satisfaction: { ratings: 0, average: null, satisfied: 0 },
    });
  });
});
