import { metrics, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { contextFromTraceHeaders } from '@itsm/telemetry';
import type { ClaimedDelivery } from '../application/ports/delivery-queue';
import type { DeliveryObserver, ObservedOutcome } from '../application/ports/delivery-observer';

const tracer = trace.getTracer('itsm-notifications');
const meter = metrics.getMeter('itsm-notifications');

/**
 * Each send as a CLIENT span in the trace of the event it came from (its context was stored
 * with the delivery), and delivery outcomes and durations as metrics.
 */
export class DeliveryTelemetry implements DeliveryObserver {
  private readonly outcomes = meter.createCounter('itsm.notifications.deliveries', {
    description: 'Email and webhook send attempts by channel and outcome',
    unit: '{attempt}',
  });
  private readonly duration = meter.createHistogram('itsm.notifications.delivery_duration', {
    description: 'Time one send attempt took (SMTP conversation or webhook request)',
    unit: 's',
    advice: { explicitBucketBoundaries: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] },
  });

  observe<T>(delivery: ClaimedDelivery, send: () => Promise<T>): Promise<T> {
    const name = delivery.channel === 'email' ? 'send email' : 'post webhook';
    return tracer.startActiveSpan(
      name,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'itsm.delivery.id': delivery.id,
          'itsm.delivery.channel': delivery.channel,
          'itsm.delivery.attempt': delivery.attempt,
          'cloudevents.event_id': delivery.eventId,
          'cloudevents.event_type': delivery.eventType,
          ...(delivery.channel === 'webhook' ? { 'url.full': delivery.address } : {}),
        },
      },
      contextFromTraceHeaders(delivery.traceHeaders),
      async (span) => {
        try {
          return await send();
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  }

  recorded(delivery: ClaimedDelivery, outcome: ObservedOutcome, durationMs: number): void {
    const attributes = {
      'itsm.delivery.channel': delivery.channel,
      'itsm.delivery.outcome': outcome,
    };
    this.outcomes.add(1, attributes);
    this.duration.record(durationMs / 1000, attributes);
  }
}
