import { metrics } from '@opentelemetry/api';
import type { FiredEventsObserver } from '../application/scheduling/clock-scheduler';
import { fromTimestamp, type SlaClockEvent } from '@itsm/contracts';

const meter = metrics.getMeter('itsm-sla');

/**
 * How late warnings and breaches are announced: from the instant a share or the target was
 * reached to the commit of its event (the outbox relay adds its own lag, `itsm.outbox.lag`).
 */
export class SlaMetrics implements FiredEventsObserver {
  private readonly lag = meter.createHistogram('itsm.sla.event_lag', {
    description: 'Time from a warning share or target being reached to its event being recorded',
    unit: 's',
    advice: { explicitBucketBoundaries: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 30, 300] },
  });
  private readonly announced = meter.createCounter('itsm.sla.events', {
    description: 'SLA warnings and breaches announced',
    unit: '{event}',
  });

  fired(events: readonly SlaClockEvent[]): void {
    for (const event of events) {
      if (!event.reachedAt || !event.occurredAt) continue;
      const kind = event.threshold > 0 ? 'warning' : 'breach';
      const seconds =
        (fromTimestamp(event.occurredAt).getTime() - fromTimestamp(event.reachedAt).getTime()) /
        1000;
      this.lag.record(Math.max(0, seconds), { 'itsm.sla.event': kind });
      this.announced.add(1, { 'itsm.sla.event': kind, 'itsm.sla.target': event.target });
    }
  }
}
