import { type Meter, metrics } from '@opentelemetry/api';
import type { DataSource } from 'typeorm';

/** What node-postgres's Pool tells about itself. */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

function poolOf(dataSource: DataSource): PoolCounts | undefined {
  const pool = (dataSource.driver as { master?: Partial<PoolCounts> }).master;
  return typeof pool?.totalCount === 'number' ? (pool as PoolCounts) : undefined;
}

/**
 * The connection pool's use under the semantic conventions' names
 * (`db.client.connection.count` by state, `.max`, `.pending_requests`), read from the pool when
 * metrics are collected rather than counted on every checkout: exhaustion shows as "used"
 * reaching "max" with requests pending.
 */
export function observeConnectionPool(
  dataSource: DataSource,
  poolName: string,
  maxConnections: number,
  meter: Meter = metrics.getMeter('@itsm/persistence'),
): void {
  const count = meter.createObservableGauge('db.client.connection.count', {
    description: 'Connections of the pool, by state (used, idle)',
    unit: '{connection}',
  });
  const max = meter.createObservableGauge('db.client.connection.max', {
    description: 'Most connections the pool opens',
    unit: '{connection}',
  });
  const pending = meter.createObservableGauge('db.client.connection.pending_requests', {
    description: 'Requests waiting for a connection of the pool',
    unit: '{request}',
  });
  const pool = { 'db.client.connection.pool.name': poolName };
  meter.addBatchObservableCallback(
    (observer) => {
      const counts = dataSource.isInitialized ? poolOf(dataSource) : undefined;
      if (!counts) return;
      observer.observe(count, counts.totalCount - counts.idleCount, {
        ...pool,
        'db.client.connection.state': 'used',
      });
      observer.observe(count, counts.idleCount, { ...pool, 'db.client.connection.state': 'idle' });
      observer.observe(max, maxConnections, pool);
      observer.observe(pending, counts.waitingCount, pool);
    },
    [count, max, pending],
  );
}
