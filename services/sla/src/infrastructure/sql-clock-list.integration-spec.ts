import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { OutboxWriter } from '@itsm/messaging';
import { createDataSource } from '@itsm/persistence';
import { createTestDatabase, type TestDatabase } from '@itsm/testing';
import { HOUR_MS, MINUTE_MS } from '@itsm/zoned-time';
import { slaDataSourceSettings } from '../app.module';
import { ListClocksUseCase } from '../application/list-clocks/list-clocks.use-case';
import type { TicketClock } from '../application/ports/clock-store';
import type { ClockListFilter } from '../application/ports/clock-list';
import { systemTime } from '../application/ports/time-source';
import type { ClockListRequest } from '../domain/clock-listing';
import type { ClockState } from '../domain/sla-clock';
import {
  ALWAYS_ON_CALENDAR_ID,
  DEFAULT_POLICIES,
} from '../migrations/1764921600002-seed-default-calendars-and-policies';
import { migrate, slaTestConfig } from '../testing/sla-service.harness';
import { SqlClockList } from './sql-clock-list';
import { TypeOrmClockStore } from './typeorm-clock.store';

const policy = DEFAULT_POLICIES[0] ?? { id: '', name: '' };
const now = Date.now();
const at = (offsetMs: number) => new Date(now + offsetMs);

interface ClockShape {
  number: string;
  state?: ClockState;
  /** From now. */
  dueInMs: number;
  warned?: boolean;
  /** From now; absent for a clock not breached. */
  breachedInMs?: number;
  groupId?: string | null;
}

function clockOf({
  number,
  state = 'running',
  dueInMs,
  warned = false,
  breachedInMs,
  groupId = 'desk',
}: ClockShape): TicketClock {
  const targetMs = 2 * HOUR_MS;
  const dueAt = at(dueInMs);
  const warningAt = new Date(dueAt.getTime() - targetMs / 4);
  return {
    id: randomUUID(),
    ticketId: randomUUID(),
    ticketNumber: number,
    target: 'resolution',
    policyId: policy.id,
    serviceId: null,
    groupId,
    calendarId: ALWAYS_ON_CALENDAR_ID,
    state,
    targetMs,
    elapsedMs: 0,
    runningSince: state === 'running' ? new Date(dueAt.getTime() - targetMs) : null,
    dueAt,
    warnings: [{ threshold: 0.75, dueAt: warningAt, firedAt: warned ? warningAt : null }],
    breachedAt: breachedInMs === undefined ? null : at(breachedInMs),
    startedAt: new Date(dueAt.getTime() - targetMs),
    stoppedAt: state === 'running' || state === 'paused' ? null : at(0),
    version: 1,
  };
}

describe('the list of clocks at risk and breached on real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let list: SqlClockList;
  const stored = new Map<string, TicketClock>();

  beforeAll(async () => {
    database = await createTestDatabase('itsm_sla');
    const config = slaTestConfig(database, 'itsm.tickets.v1.unused');
    await migrate(config);
    dataSource = await createDataSource(slaDataSourceSettings(config)).initialize();
    list = new SqlClockList(dataSource);
    const store = new TypeOrmClockStore(
      dataSource,
      new OutboxWriter('/itsm/sla-tests'),
      systemTime,
    );
    const clocks = [
      clockOf({ number: 'RISK-LATE', dueInMs: 40 * MINUTE_MS, warned: true }),
      clockOf({ number: 'RISK-SOON', dueInMs: 10 * MINUTE_MS, warned: true, groupId: 'network' }),
      clockOf({ number: 'RISK-MID', dueInMs: 20 * MINUTE_MS, warned: true }),
      clockOf({ number: 'NOT-WARNED', dueInMs: 5 * MINUTE_MS }),
      clockOf({ number: 'PAUSED', state: 'paused', dueInMs: 15 * MINUTE_MS, warned: true }),
      clockOf({
        number: 'BREACHED-RUNNING',
        dueInMs: -HOUR_MS,
        warned: true,
        breachedInMs: -HOUR_MS,
      }),
      clockOf({
        number: 'BREACHED-MET',
        state: 'met',
        dueInMs: -3 * HOUR_MS,
        warned: true,
        breachedInMs: -3 * HOUR_MS,
        groupId: null,
      }),
      clockOf({
        number: 'BREACHED-LONG-AGO',
        dueInMs: -30 * HOUR_MS,
        warned: true,
        breachedInMs: -30 * HOUR_MS,
      }),
    ];
    await store.transaction(async (transaction) => {
      for (const clock of clocks) await transaction.insert(clock);
    });
    for (const clock of clocks) stored.set(clock.ticketNumber, clock);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const lastDay: ClockListFilter = {
    breachedSince: at(-24 * HOUR_MS),
    breachedUntil: null,
    groupId: null,
  };
  const numbers = (clocks: { ticketNumber: string }[]) => clocks.map((c) => c.ticketNumber);

  it('lists running, warned, unbreached clocks earliest due first, with their policy', async () => {
    const clocks = await list.page('at_risk', lastDay, null, 10);
    expect(numbers(clocks)).toEqual(['RISK-SOON', 'RISK-MID', 'RISK-LATE']);
    const soon = stored.get('RISK-SOON');
    expect(clocks[0]).toEqual({
      id: soon?.id,
      ticketId: soon?.ticketId,
      ticketNumber: 'RISK-SOON',
      target: 'resolution',
      state: 'running',
      dueAt: soon?.dueAt,
      breachedAt: null,
      warningIssuedAt: soon?.warnings[0]?.firedAt,
      policyId: policy.id,
      policyName: policy.name,
      groupId: 'network',
    });
  });

  it('lists the breaches of the period, whatever the clock’s state now', async () => {
    expect(numbers(await list.page('breached', lastDay, null, 10))).toEqual([
      'BREACHED-MET',
      'BREACHED-RUNNING',
    ]);
    const beforeTheLastTwoHours = { ...lastDay, breachedUntil: at(-2 * HOUR_MS) };
    expect(numbers(await list.page('breached', beforeTheLastTwoHours, null, 10))).toEqual([
      'BREACHED-MET',
    ]);
    expect(await list.count(lastDay)).toEqual({ at_risk: 3, breached: 2 });
  });

  it('filters by the assignment group the clocks recorded', async () => {
    const desk = { ...lastDay, groupId: 'desk' };
    expect(numbers(await list.page('at_risk', desk, null, 10))).toEqual(['RISK-MID', 'RISK-LATE']);
    expect(numbers(await list.page('breached', desk, null, 10))).toEqual(['BREACHED-RUNNING']);
    expect(await list.count(desk)).toEqual({ at_risk: 2, breached: 1 });
  });

  it('pages through a list by its token, none left out and none twice', async () => {
    const useCase = new ListClocksUseCase(list, systemTime);
    const request: ClockListRequest = {
      condition: 'at_risk',
      breachedSince: null,
      breachedUntil: null,
      timeZone: 'Europe/Moscow',
      groupId: '',
      pageSize: 1,
      pageToken: '',
    };
    const seen: string[] = [];
    let pageToken = '';
    do {
      const page = await useCase.execute({ ...request, pageToken });
      expect(page.counts.at_risk).toBe(3);
      seen.push(...numbers(page.clocks));
      pageToken = page.nextPageToken;
    } while (pageToken && seen.length < 10);
    expect(seen).toEqual(['RISK-SOON', 'RISK-MID', 'RISK-LATE']);
  });

  it('reads the clocks at risk through their partial index, not every clock', async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query('SET LOCAL enable_seqscan = off');
      const plan = (await runner.query(
        `EXPLAIN SELECT c.id FROM sla_clocks c
          WHERE c.state = 'running' AND c.breached_at IS NULL
            AND c.warnings @? '$[*] ? (@.firedAt != null)'
          ORDER BY c.due_at, c.id LIMIT 26`,
      )) as { 'QUERY PLAN': string }[];
      expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('sla_clocks_at_risk_idx');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
