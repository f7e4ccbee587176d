import { randomUUID } from 'node:crypto';
import {
  context,
  metrics as metricsApi,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type SpanContext,
} from '@opentelemetry/api';
import { metrics, node, tracing } from '@opentelemetry/sdk-node';
import type { EachMessagePayload } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { type EventType, TicketCreated, type TicketCreatedEvent, Topics } from '@itsm/contracts';
import { createDataSource } from '@itsm/persistence';
import {
  createTestDatabase,
  eventually,
  KafkaProbe,
  type TestDatabase,
  testEnvironment,
} from '@itsm/testing';
import { cloudEventHeaders } from './cloud-event';
import { type EventHandler, InboxConsumer } from './inbox/inbox-consumer';
import {
  KafkaEventPublisher,
  type EventPublisher,
  type OutboundMessage,
} from './kafka/event-publisher';
import { createKafka } from './kafka/kafka-client';
import { ensureTopics } from './kafka/topics';
import { createMessagingTablesSql } from './messaging-tables';
import { defaultOutboxRelayOptions, OutboxRelay } from './outbox/outbox-relay';
import { OutboxWriter } from './outbox/outbox-writer';

const quietLogger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};

function ticketEvent(id: string): TicketCreatedEvent {
  return TicketCreated.fromJson({
    ticket: {
      id,
      number: `INC-${id.slice(-6)}`,
      type: 'TICKET_TYPE_INCIDENT',
      status: 'TICKET_STATUS_NEW',
      createdAt: '2026-11-27T08:00:00Z',
    },
  });
}

/** A reader the test collects from itself: nothing to flush or shut down. */
class CollectingReader extends metrics.MetricReader {
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

const testKafkaClient = () =>
  createKafka({ brokers: testEnvironment().kafkaBrokers, clientId: 'itsm-tests' }, quietLogger);

const ids = Array.from(
  { length: 3 },
  (_, index) => `0194a000-0000-7000-8000-${String(Date.now() % 1e6).padStart(6, '0')}00000${index}`,
);

describe('outbox and inbox on real PostgreSQL and Kafka', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const writer = new OutboxWriter('/itsm/tests');
  // The SDK's in-memory ends, registered before any consumer exists (consumers report their lag
  // through the global meter provider).
  const spans = new tracing.InMemorySpanExporter();
  const tracerProvider = new node.NodeTracerProvider({
    spanProcessors: [new tracing.SimpleSpanProcessor(spans)],
  });
  const metricReader = new CollectingReader();
  const meterProvider = new metrics.MeterProvider({ readers: [metricReader] });

  beforeAll(async () => {
    tracerProvider.register();
    metricsApi.setGlobalMeterProvider(meterProvider);
    database = await createTestDatabase('itsm_messaging');
    for (const statement of createMessagingTablesSql) await database.query(statement);
    await database.query('CREATE TABLE effects (ticket_id uuid PRIMARY KEY)');
    dataSource = await createDataSource({
      url: database.url,
      poolSize: 4,
      applicationName: 'itsm-messaging-test',
      entities: [],
      migrations: [],
    }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
    await tracerProvider.shutdown();
    await meterProvider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
    metricsApi.disable();
  });

  function producerSpans() {
    return spans.getFinishedSpans().filter(({ kind }) => kind === SpanKind.PRODUCER);
  }

  it('keeps events in the outbox while the broker refuses them, counting attempts', async () => {
    await dataSource.transaction((manager) =>
      writer.append(manager, TicketCreated, {
        key: 'k-refused',
        payload: ticketEvent(ids[0] ?? ''),
        occurredAt: new Date(),
      }),
    );
    const refusing: EventPublisher = {
      publish: async () => {
        throw new Error('broker unreachable');
      },
      close: async () => undefined,
    };
    const relay = new OutboxRelay(dataSource, refusing, quietLogger, {
      ...defaultOutboxRelayOptions,
      idlePollMs: 10,
    });
    relay.start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await relay.stop();
    const [row] = await database.query<{ attempts: number; last_error: string }>(
      'SELECT attempts, last_error FROM outbox_events',
    );
    expect(row?.attempts).toBeGreaterThan(0);
    expect(row?.last_error).toBe('broker unreachable');
    // Every attempt is a failed send in the trace of the change.
    const failedSends = producerSpans();
    expect(failedSends.length).toBeGreaterThan(0);
    expect(new Set(failedSends.map(({ status }) => status.code))).toEqual(
      new Set([SpanStatusCode.ERROR]),
    );
  });

  it('publishes in write order as CloudEvents and empties the outbox', async () => {
    // The probe reads the shared topic from its start: a key of this run's own.
    const key = `k-ordered-${randomUUID()}`;
    for (const id of ids.slice(1)) {
      await dataSource.transaction((manager) =>
        writer.append(manager, TicketCreated, {
          key,
          subject: id,
          payload: ticketEvent(id),
          occurredAt: new Date(),
        }),
      );
    }
    const sent: OutboundMessage[] = [];
    const kafkaPublisher = new KafkaEventPublisher(
      createKafka({ brokers: testEnvironment().kafkaBrokers, clientId: 'itsm-tests' }, quietLogger),
    );
    const recording: EventPublisher = {
      publish: async (messages) => {
        await kafkaPublisher.publish(messages);
        sent.push(...messages);
      },
      close: () => kafkaPublisher.close(),
    };
    const probe = await KafkaProbe.start(Topics.tickets);
    try {
      const relay = new OutboxRelay(dataSource, recording, quietLogger);
      expect(await relay.relayBatch()).toBe(3);
      await relay.stop();
      expect(sent.map((message) => (message.value.match(/"id":"([^"]+)"/) ?? [])[1])).toEqual(ids);
      expect(await database.query('SELECT id FROM outbox_events')).toEqual([]);
      const arrived = await probe.waitForKey(key, { count: 2 });
      expect(arrived.map((message) => message.headers['ce_subject'])).toEqual(ids.slice(1));
      expect(arrived[0]?.headers).toMatchObject({
        ce_type: TicketCreated.type,
        ce_source: '/itsm/tests',
      });
    } finally {
      await probe.stop();
    }
  });

  it('applies a redelivered event once and skips malformed ones', async () => {
    let applied = 0;
    const handler: EventHandler<TicketCreatedEvent> = {
      eventType: TicketCreated,
      handle: async (event, manager) => {
        applied += 1;
        await manager.query('INSERT INTO effects (ticket_id) VALUES ($1)', [
          event.payload.ticket?.id,
        ]);
      },
    };
    const consumer = new InboxConsumer(
      createKafka({ brokers: testEnvironment().kafkaBrokers, clientId: 'itsm-tests' }, quietLogger),
      dataSource,
      quietLogger,
      { groupId: 'unused', consumer: 'effects', fromBeginning: true },
      [handler],
    );
    const message = (headers: Record<string, string>, value: string) =>
      ({
        topic: Topics.tickets,
        partition: 0,
        message: { key: Buffer.from('k'), value: Buffer.from(value), headers, offset: '0' },
      }) as unknown as EachMessagePayload;
    const headers = cloudEventHeaders(
      { id: 'event-1', type: TicketCreated.type, source: '/itsm/tests', time: new Date() },
      {},
    );
    const value = JSON.stringify(TicketCreated.toJson(ticketEvent(ids[0] ?? '')));

    expect(await consumer.receive(message(headers, value))).toBe(true);
    expect(await consumer.receive(message(headers, value))).toBe(false);
    expect(await consumer.receive(message({ ...headers, ce_id: 'event-2' }, '{"ticket":{}}'))).toBe(
      false,
    );
    expect(
      await consumer.receive(
        message({ ...headers, ce_id: 'event-3', ce_type: 'itsm.tickets.v1.ticket.unknown' }, value),
      ),
    ).toBe(false);
    expect(applied).toBe(1);
    expect(await database.query('SELECT ticket_id FROM effects')).toEqual([{ ticket_id: ids[0] }]);
  });

  it("sends an event in a PRODUCER span of its change, which the consumer's span continues", async () => {
    spans.reset();
    const tracer = trace.getTracer('itsm-tests');
    const ticketId = randomUUID();
    const { change, eventId } = await tracer.startActiveSpan('create ticket', async (span) => {
      const id = await dataSource.transaction((manager) =>
        writer.append(manager, TicketCreated, {
          key: ticketId,
          subject: 'INC-000042',
          payload: ticketEvent(ticketId),
          occurredAt: new Date(),
        }),
      );
      span.end();
      return { change: span.spanContext(), eventId: id };
    });

    const sent: OutboundMessage[] = [];
    const recording: EventPublisher = {
      publish: async (messages) => {
        sent.push(...messages);
      },
      close: async () => undefined,
    };
    const relay = new OutboxRelay(dataSource, recording, quietLogger);
    expect(await relay.relayBatch()).toBe(1);
    const [send] = producerSpans();
    expect(send).toMatchObject({
      name: `send ${Topics.tickets}`,
      status: { code: SpanStatusCode.UNSET },
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': Topics.tickets,
        'messaging.kafka.message.key': ticketId,
        'messaging.message.id': eventId,
      },
    });
    expectChild(send, change);
    const sendContext = send?.spanContext();
    expect(sent[0]?.headers['traceparent']).toBe(`00-${change.traceId}-${sendContext?.spanId}-01`);

    const consumer = new InboxConsumer(
      testKafkaClient(),
      dataSource,
      quietLogger,
      { groupId: 'itsm-traced', consumer: 'traced', fromBeginning: true },
      [{ eventType: TicketCreated, handle: async () => undefined }],
    );
    const headers = Object.fromEntries(
      Object.entries(sent[0]?.headers ?? {}).map(([name, value]) => [name, Buffer.from(value)]),
    );
    expect(
      await consumer.receive({
        topic: Topics.tickets,
        partition: 4,
        message: {
          key: Buffer.from(ticketId),
          value: Buffer.from(sent[0]?.value ?? ''),
          headers,
          offset: '1207',
        },
      } as unknown as EachMessagePayload),
    ).toBe(true);
    const process = spans.getFinishedSpans().find(({ kind }) => kind === SpanKind.CONSUMER);
    expect(process).toMatchObject({
      name: `process ${Topics.tickets}`,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': Topics.tickets,
        'messaging.destination.partition.id': '4',
        'messaging.kafka.offset': 1207,
        'messaging.consumer.group.name': 'itsm-traced',
        'messaging.kafka.message.key': ticketId,
        'messaging.message.id': eventId,
        'cloudevents.event_subject': 'INC-000042',
        'itsm.inbox.duplicate': false,
      },
    });
    if (sendContext) expectChild(process, sendContext);
  });

  it('reports how far a consumer group is behind, per partition, while it works through a backlog', async () => {
    // A topic of the test's own, so the backlog is exactly what the test wrote.
    const topic = `itsm.tests.lag.${randomUUID()}`;
    const groupId = `itsm-tests-lag-${randomUUID()}`;
    const lagging: EventType<TicketCreatedEvent> = {
      topic,
      type: TicketCreated.type,
      toJson: (payload) => TicketCreated.toJson(payload),
      fromJson: (json) => TicketCreated.fromJson(json),
    };
    const kafka = testKafkaClient();
    const admin = kafka.admin();
    await admin.connect();
    const publisher = new KafkaEventPublisher(kafka);
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const consumer = new InboxConsumer(
      kafka,
      dataSource,
      quietLogger,
      { groupId, consumer: groupId, fromBeginning: true },
      [{ eventType: lagging, handle: () => released }],
    );
    try {
      await ensureTopics(admin, [{ topic, numPartitions: 1 }]);
      await publisher.publish(
        Array.from({ length: 5 }, () => {
          const ticketId = randomUUID();
          return {
            topic,
            key: ticketId,
            value: JSON.stringify(TicketCreated.toJson(ticketEvent(ticketId))),
            headers: cloudEventHeaders(
              {
                id: randomUUID(),
                type: TicketCreated.type,
                source: '/itsm/tests',
                time: new Date(),
              },
              {},
            ),
          };
        }),
      );
      await consumer.start();

      // The first event is held in its handler: all five are behind.
      expect(await eventually('a lag of 5', () => lagOf(groupId, topic, 5))).toEqual({ '0': 5 });
      release();
      expect(await eventually('a lag of 0', () => lagOf(groupId, topic, 0))).toEqual({ '0': 0 });
    } finally {
      release();
      await consumer.stop();
      await publisher.close();
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  /** The exported lag of a group's partitions of a topic, once their sum is `expected`. */
  async function lagOf(
    groupId: string,
    topic: string,
    expected: number,
  ): Promise<Record<string, number> | undefined> {
    const { resourceMetrics } = await metricReader.collect();
    const points = resourceMetrics.scopeMetrics
      .flatMap(({ metrics: scopeMetrics }) => scopeMetrics)
      .filter(({ descriptor }) => descriptor.name === 'itsm.consumer.lag')
      .flatMap(({ dataPoints }) => dataPoints as metrics.DataPoint<number>[])
      .filter(
        ({ attributes }) =>
          attributes['messaging.consumer.group.name'] === groupId &&
          attributes['messaging.destination.name'] === topic,
      );
    const byPartition = Object.fromEntries(
      points.map(({ attributes, value }) => [
        String(attributes['messaging.destination.partition.id']),
        value,
      ]),
    );
    const total = Object.values(byPartition).reduce((sum, lag) => sum + lag, 0);
    return points.length > 0 && total === expected ? byPartition : undefined;
  }
});

function expectChild(span: tracing.ReadableSpan | undefined, parent: SpanContext): void {
  expect(span?.spanContext().traceId).toBe(parent.traceId);
  expect(span?.parentSpanContext?.spanId).toBe(parent.spanId);
}
