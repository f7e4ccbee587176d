import { metrics, type ObservableCallback, type ObservableGauge } from '@opentelemetry/api';
import type { ConsumerLag } from './consumer-lag';

let consumerLagGauge: ObservableGauge | undefined;

/**
 * One instrument per process, created on first use (after the SDK has started): every inbox
 * consumer of the process reports its partitions through it.
 */
function consumerLag(): ObservableGauge {
  consumerLagGauge ??= metrics
    .getMeter('@itsm/messaging')
    .createObservableGauge('itsm.consumer.lag', {
      description: 'Messages written to a partition that the consumer group has not processed yet',
      unit: '{message}',
    });
  return consumerLagGauge;
}

/**
 * Reports a consumer's lag per partition as `itsm.consumer.lag` (Prometheus: `itsm_consumer_lag`)
 * for the rest of the process: each member of a group reports the partitions it reads, and 0 for
 * those it no longer reads (see ConsumerLag), so the sum over members is the group's lag.
 */
export function observeConsumerLag(consumerGroup: string, lag: ConsumerLag): void {
  const callback: ObservableCallback = (result) => {
    for (const { topic, partition, messages } of lag.current()) {
      result.observe(messages, {
        'messaging.consumer.group.name': consumerGroup,
        'messaging.destination.name': topic,
        'messaging.destination.partition.id': String(partition),
      });
    }
  };
  consumerLag().addCallback(callback);
}
