import { metrics as metricsApi } from '@opentelemetry/api';
import { metrics } from '@opentelemetry/sdk-node';
import { ConsumerLag } from './consumer-lag';
import { observeConsumerLag } from './inbox-metrics';

/** A reader the test collects from itself: nothing to flush or shut down. */
class CollectingReader extends metrics.MetricReader {
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

describe('itsm.consumer.lag', () => {
  const reader = new CollectingReader();
  const provider = new metrics.MeterProvider({ readers: [reader] });

  beforeAll(() => metricsApi.setGlobalMeterProvider(provider));
  afterAll(async () => {
    await provider.shutdown();
    metricsApi.disable();
  });

  async function exported() {
    const { resourceMetrics } = await reader.collect();
    const metric = resourceMetrics.scopeMetrics
      .flatMap(({ metrics: scopeMetrics }) => scopeMetrics)
      .find(({ descriptor }) => descriptor.name === 'itsm.consumer.lag');
    return {
      unit: metric?.descriptor.unit,
      points: (metric?.dataPoints ?? []).map(({ attributes, value }) => ({ attributes, value })),
    };
  }

  it('reports each partition a consumer has read, and 0 for those it no longer reads', async () => {
    const lag = new ConsumerLag();
    lag.fetched('itsm.tickets.v1', 2, '130', '100');
    lag.fetched('itsm.tickets.v1', 5, '7', '7');
    observeConsumerLag('itsm-sla', lag);

    const partition = (id: string) => ({
      'messaging.consumer.group.name': 'itsm-sla',
      'messaging.destination.name': 'itsm.tickets.v1',
      'messaging.destination.partition.id': id,
    });
    expect(await exported()).toEqual({
      unit: '{message}',
      points: [
        { attributes: partition('2'), value: 30 },
        { attributes: partition('5'), value: 0 },
      ],
    });

    // After a rebalance another member reads partition 2 and reports its lag from now on.
    lag.assigned({ 'itsm.tickets.v1': [5] });
    expect((await exported()).points).toEqual([
      { attributes: partition('2'), value: 0 },
      { attributes: partition('5'), value: 0 },
    ]);
  });
});
