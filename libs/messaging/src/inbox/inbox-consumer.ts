import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import type { EventType } from '@itsm/contracts';
import { contextFromTraceHeaders } from '@itsm/telemetry';
import { type CloudEventAttributes, InvalidCloudEventError, readCloudEvent } from '../cloud-event';
import type { MessagingLogger } from '../kafka/kafka-client';

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
}

const tracer = trace.getTracer('@itsm/messaging');

/**
 * A Kafka consumer that applies each event at most once per consumer: the event id goes
 * into `inbox_events` in the same transaction as the effect, so a redelivered event
 * (after a crash, a rebalance or a replay) changes nothing. Unknown event types are
 * skipped (newer producers may add types); malformed events are logged and skipped.
 */
export class InboxConsumer {
  private consumer: Consumer | undefined;
  private readonly handlers = new Map<string, EventHandler<unknown>>();

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly logger: MessagingLogger,
    private readonly options: InboxConsumerOptions,
    handlers: EventHandler<unknown>[],
  ) {
    for (const handler of handlers)
      this.handlers.set(handler.eventType.type, handler as EventHandler<unknown>);
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
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: this.options.fromBeginning });
    await consumer.run({
      eachMessage: async (payload) => {
        await this.receive(payload);
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  /** Applies one message; true when applied now, false when skipped or already applied. */
  async receive({ topic, partition, message }: EachMessagePayload): Promise<boolean> {
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

    const parent = contextFromTraceHeaders(attributes.traceHeaders);
    return tracer.startActiveSpan(
      `${topic} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.destination.name': topic,
          'messaging.message.id': attributes.id,
          'cloudevents.event_type': attributes.type,
        },
      },
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
            await handler.handle(
              { attributes, key: message.key?.toString('utf8'), payload },
              manager,
            );
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
