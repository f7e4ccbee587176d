import { metrics } from '@opentelemetry/api';
import type { DataSource } from 'typeorm';

const meter = metrics.getMeter('@itsm/messaging');

/**
 * Outbox health as OpenTelemetry metrics: how many events wait and how old the oldest is
 * (the lag an SRE alerts on when Kafka is unreachable), and how many were published.
 */
export class OutboxMetrics {
  private readonly published = meter.createCounter('itsm.outbox.published', {
    description: 'Events the relay published to Kafka',
    unit: '{event}',
  });

  constructor(dataSource: DataSource) {
    const pending = meter.createObservableGauge('itsm.outbox.pending', {
      description: 'Events waiting in the outbox',
      unit: '{event}',
    });
    const lag = meter.createObservableGauge('itsm.outbox.lag', {
      description: 'Age of the oldest event waiting in the outbox',
      unit: 's',
    });
    meter.addBatchObservableCallback(
      async (observer) => {
        if (!dataSource.isInitialized) return;
        const [row] = (await dataSource.query(
          `SELECT count(*)::int AS pending,
                  coalesce(extract(epoch FROM now() - min(occurred_at)), 0)::float AS lag
             FROM outbox_events`,
        )) as { pending: number; lag: number }[];
        observer.observe(pending, row?.pending ?? 0);
        observer.observe(lag, row?.lag ?? 0);
      },
      [pending, lag],
    );
  }

  recordPublished(count: number, topic: string): void {
    this.published.add(count, { 'messaging.destination.name': topic });
  }
}
