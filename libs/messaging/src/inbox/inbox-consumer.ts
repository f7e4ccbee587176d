import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventType } from '@itsm/contracts';
import { contextFromTraceHeaders } from '@itsm/telemetry';
import { type CloudEventAttributes, InvalidCloudEventError, readCloudEvent } from '../cloud-event';
import type { MessagingLogger } from '../kafka/kafka-client';
import { processSpan } from '../kafka/message-spans';
import { ConsumerLag } from './consumer-lag';
import { observeConsumerLag } from './inbox-metrics';

export interface ReceivedEvent<T> {
  attributes: CloudEventAttributes;
  key: string | undefined;
  payload: T;
}

/** Applies one event type; runs inside the transaction that records the event id. */
export interface EventHandler<T> {
  readonly eventType: EventType<T>;
  handle(event: ReceivedEvent<T>, manager: EntityManager): Promise<void>;
}

export interface InboxConsumerOptions {
  /** Kafka consumer group; replicas with the same group share partitions. */
  groupId: string;
  /** Name recorded in inbox_events; usually the group id. */
  consumer: string;
  fromBeginning: boolean;
  /**
   * Partitions applied at once (one event at a time within each, so one aggregate's events
   * stay in order). Above 1 only for consumers whose effects on different aggregates do not
   * contend for the same rows.
   */
  partitionsConsumedConcurrently?: number;
}

const tracer = trace.getTracer('@itsm/messaging');

/**
 * A Kafka consumer that applies each event at most once per consumer: the event id goes
 * into `inbox_events` in the same transaction as the effect, so a redelivered event
 * (after a crash, a rebalance or a replay) changes nothing. Unknown event types are
 * skipped (newer producers may add types); malformed events are logged and skipped.
 *
 * Each event is applied in a CONSUMER span that continues the producer's trace (the W3C
 * `traceparent` header), and the consumer's lag per partition is exported as a metric.
 */
export class InboxConsumer {
  private consumer: Consumer | undefined;
  private readonly handlers = new Map<string, EventHandler<unknown>>();
  private readonly lag = new ConsumerLag();

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly logger: MessagingLogger,
    private readonly options: InboxConsumerOptions,
    handlers: EventHandler<unknown>[],
  ) {
    for (const handler of handlers)
      this.handlers.set(handler.eventType.type, handler as EventHandler<unknown>);
    observeConsumerLag(options.groupId, this.lag);
  }

  async start(): Promise<void> {
    const topics = [
      ...new Set([...this.handlers.values()].map(({ eventType }) => eventType.topic)),
    ];
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    this.followLag(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: this.options.fromBeginning });
    await consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachMessage: async (payload) => {
        await this.receive(payload);
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
    this.lag.clear();
  }

  /** Applies one message; true when applied now, false when skipped or already applied. */
  async receive(payload: EachMessagePayload): Promise<boolean> {
    const applied = await this.apply(payload);
    // Only once the message is handled: one that fails is read again, so it is still behind.
    this.lag.processed(payload.topic, payload.partition, payload.message.offset);
    return applied;
  }

  /**
   * The high watermark of each fetched batch and the partitions of each rebalance, from the
   * consumer's instrumentation events; the position comes from `receive`.
   */
  private followLag(consumer: Consumer): void {
    consumer.on(consumer.events.START_BATCH_PROCESS, ({ payload }) => {
      // Typed as a string, but null when the batch holds only control records.
      const firstOffset = payload.firstOffset as string | null;
      this.lag.fetched(payload.topic, payload.partition, payload.highWatermark, firstOffset);
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.lag.assigned(payload.memberAssignment);
    });
  }

  private async apply({ topic, partition, message }: EachMessagePayload): Promise<boolean> {
    let attributes: ReturnType<typeof readCloudEvent>;
    try {
      attributes = readCloudEvent(message.headers ?? {});
    } catch (error) {
      if (!(error instanceof InvalidCloudEventError)) throw error;
      this.logger.error(
        { topic, partition, offset: message.offset, reason: error.message },
        'skipping a message that is not a CloudEvent',
      );
      return false;
    }
    const handler = this.handlers.get(attributes.type);
    if (!handler) return false;

    let payload: unknown;
    try {
      payload = handler.eventType.fromJson(JSON.parse(message.value?.toString('utf8') ?? 'null'));
    } catch (error) {
      this.logger.error(
        {
          topic,
          partition,
          offset: message.offset,
          eventId: attributes.id,
          reason: error instanceof Error ? error.message : String(error),
        },
        'skipping an invalid event',
      );
      return false;
    }

    const key = message.key?.toString('utf8');
    const described = processSpan({
      topic,
      partition,
      offset: message.offset,
      key,
      consumerGroup: this.options.groupId,
      eventId: attributes.id,
      eventType: attributes.type,
      eventSource: attributes.source,
      eventSubject: attributes.subject,
    });
    // The producer's span is the parent: one trace from the change to every consumer's effect.
    const parent = contextFromTraceHeaders(attributes.traceHeaders);
    return tracer.startActiveSpan(
      described.name,
      { kind: SpanKind.CONSUMER, attributes: described.attributes },
      parent,
      async (span) => {
        try {
          const applied = await this.dataSource.transaction(async (manager) => {
            const inserted = (await manager.query(
              `INSERT INTO inbox_events (consumer, event_id, event_type) VALUES ($1, $2, $3)
               ON CONFLICT DO NOTHING RETURNING event_id`,
              [this.options.consumer, attributes.id, attributes.type],
            )) as unknown[];
            if (inserted.length === 0) return false;
            await handler.handle({ attributes, key, payload }, manager);
            return true;
          });
          span.setAttribute('itsm.inbox.duplicate', !applied);
          return applied;
        } catch (error) {
          span.recordException(error as Error);
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  }
}
