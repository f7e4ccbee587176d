import { metrics } from '@opentelemetry/api';
import type { IndexQueue } from '../application/ports/index-queue';

const meter = metrics.getMeter('itsm-knowledge');

/**
 * How far the search index trails PostgreSQL, as OpenTelemetry gauges: queued articles and the
 * age of the oldest. An SRE alerts on the age while the engine is down; it drops to 0 on catch-up.
 */
export class IndexMetrics {
  private observing = false;

  constructor(private readonly queue: IndexQueue) {}

  observe(): void {
    if (this.observing) return;
    this.observing = true;
    const pending = meter.createObservableGauge('itsm.knowledge.index.pending', {
      description: 'Articles waiting for the search index',
      unit: '{article}',
    });
    const lag = meter.createObservableGauge('itsm.knowledge.index.lag', {
      description: 'Age of the oldest article change waiting for the search index',
      unit: 's',
    });
    meter.addBatchObservableCallback(
      async (observer) => {
        const current = await this.queue.lag().catch(() => undefined);
        if (!current) return;
        observer.observe(pending, current.pending);
        observer.observe(lag, current.oldestSeconds);
      },
      [pending, lag],
    );
  }
}
