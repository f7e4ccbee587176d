import { randomUUID } from 'node:crypto';
import { metrics as sdkMetrics } from '@opentelemetry/sdk-node';
import type { DataSource } from 'typeorm';
import { OutboxWriter } from '@itsm/messaging';
import { createDataSource, observeConnectionPool } from '@itsm/persistence';
import { createTestDatabase, type TestDatabase } from '@itsm/testing';
import { HOUR_MS } from '@itsm/zoned-time';
import { slaDataSourceSettings } from '../app.module';
import type { TicketClock } from '../application/ports/clock-store';
import { systemTime } from '../application/ports/time-source';
import type { ClockState, SlaTarget } from '../domain/sla-clock';
import {
  ALWAYS_ON_CALENDAR_ID,
  DEFAULT_POLICIES,
} from '../migrations/1764921600002-seed-default-calendars-and-policies';
import { migrate, slaTestConfig } from '../testing/sla-service.harness';
import { OpenClocksGauge } from './open-clocks-gauge';
import { TypeOrmClockStore } from './typeorm-clock.store';

const policy = DEFAULT_POLICIES[0] ?? { id: '' };

function clock(target: SlaTarget, state: ClockState, breached = false): TicketClock {
  const now = Date.now();
  const open = state === 'running' || state === 'paused';
  return {
    id: randomUUID(),
    ticketId: randomUUID(),
    ticketNumber: `INC-${randomUUID().slice(0, 6)}`,
    target,
    policyId: policy.id,
    serviceId: null,
    groupId: null,
    calendarId: ALWAYS_ON_CALENDAR_ID,
    state,
    targetMs: HOUR_MS,
    elapsedMs: 0,
    runningSince: state === 'running' ? new Date(now - HOUR_MS / 2) : null,
    dueAt: new Date(now + (breached ? -HOUR_MS : HOUR_MS)),
    warnings: [],
    breachedAt: breached ? new Date(now - HOUR_MS) : null,
    startedAt: new Date(now - HOUR_MS / 2),
    stoppedAt: open ? null : new Date(now),
    version: 1,
  };
}

class CollectingReader extends sdkMetrics.MetricReader {
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

describe('the open SLA clocks gauge on real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const reader = new CollectingReader();
  const provider = new sdkMetrics.MeterProvider({ readers: [reader] });
  // Apart, so that the clock count's query does not hold a connection while the pool is read.
  const poolReader = new CollectingReader();
  const poolProvider = new sdkMetrics.MeterProvider({ readers: [poolReader] });

  beforeAll(async () => {
    database = await createTestDatabase('itsm_sla');
    const config = slaTestConfig(database, 'itsm.tickets.v1.unused');
    await migrate(config);
    dataSource = await createDataSource(slaDataSourceSettings(config)).initialize();
    const store = new TypeOrmClockStore(
      dataSource,
      new OutboxWriter('/itsm/sla-tests'),
      systemTime,
    );
    const clocks = [
      clock('resolution', 'running'),
      clock('resolution', 'running'),
      clock('resolution', 'running', true),
      clock('resolution', 'paused'),
      clock('first_response', 'running'),
      clock('first_response', 'met'),
      clock('resolution', 'cancelled'),
    ];
    await store.transaction(async (transaction) => {
      for (const each of clocks) await transaction.insert(each);
    });
    new OpenClocksGauge(dataSource, provider.getMeter('test'));
    observeConnectionPool(dataSource, 'itsm-sla', 7, poolProvider.getMeter('test'));
  });

  async function collected(name: string) {
    const { resourceMetrics } = await reader.collect();
    return resourceMetrics.scopeMetrics
      .flatMap((scope) => scope.metrics)
      .find((metric) => metric.descriptor.name === name);
  }

  afterAll(async () => {
    await provider.shutdown();
    await poolProvider.shutdown();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('counts running and paused clocks per target, breached apart, stopped ones not at all', async () => {
    const gauge = await collected('itsm.sla.clocks.open');
    const count = (target: string, state: string, breached: boolean) =>
      gauge?.dataPoints.find(
        (point) =>
          point.attributes['itsm.sla.target'] === target &&
          point.attributes['itsm.sla.clock_state'] === state &&
          point.attributes['itsm.sla.breached'] === breached,
      )?.value;

    expect(count('resolution', 'running', false)).toBe(2);
    expect(count('resolution', 'running', true)).toBe(1);
    expect(count('resolution', 'paused', false)).toBe(1);
    expect(count('first_response', 'running', false)).toBe(1);
    expect(count('first_response', 'paused', false)).toBe(0);
    expect(count('ola', 'running', false)).toBe(0);
    expect(gauge?.dataPoints).toHaveLength(12);
  });

  it("reads the connection pool's use from node-postgres when collected", async () => {
    await dataSource.query('SELECT 1');
    const { resourceMetrics } = await poolReader.collect();
    const points = resourceMetrics.scopeMetrics
      .flatMap((scope) => scope.metrics)
      .flatMap((metric) =>
        metric.dataPoints.map((point) => ({
          name: metric.descriptor.name,
          state: point.attributes['db.client.connection.state'],
          pool: point.attributes['db.client.connection.pool.name'],
          value: point.value,
        })),
      );
    expect(points).toEqual(
      expect.arrayContaining([
        { name: 'db.client.connection.count', state: 'used', pool: 'itsm-sla', value: 0 },
        { name: 'db.client.connection.max', state: undefined, pool: 'itsm-sla', value: 7 },
        {
          name: 'db.client.connection.pending_requests',
          state: undefined,
          pool: 'itsm-sla',
          value: 0,
        },
      ]),
    );
    const idle = points.find((point) => point.state === 'idle');
    expect(idle?.value).toBeGreaterThanOrEqual(1);
  });
});
