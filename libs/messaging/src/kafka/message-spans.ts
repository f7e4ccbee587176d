import type { Attributes } from '@opentelemetry/api';

/**
 * Names and attributes of the spans around Kafka messages, after the OpenTelemetry messaging
 * semantic conventions. Those are still "development" status, so the keys are spelled out here
 * instead of imported from the conventions' incubating entry point, which may rename them.
 */
export interface MessageSpan {
  name: string;
  attributes: Attributes;
}

/** An event the outbox relay sends. */
export interface SentEvent {
  topic: string;
  key: string;
  /** CloudEvents id (ce_id): the outbox row's id. */
  eventId: string;
  eventType: string;
}

/** An event the inbox consumer processes. */
export interface ProcessedEvent {
  topic: string;
  partition: number;
  offset: string;
  key: string | undefined;
  consumerGroup: string;
  eventId: string;
  eventType: string;
  eventSource: string;
  eventSubject: string | undefined;
}

/** The PRODUCER span of one event the relay publishes. */
export function sendSpan(event: SentEvent): MessageSpan {
  return {
    name: `send ${event.topic}`,
    attributes: {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'send',
      'messaging.operation.name': 'send',
      'messaging.destination.name': event.topic,
      'messaging.kafka.message.key': event.key,
      'messaging.message.id': event.eventId,
      'cloudevents.event_id': event.eventId,
      'cloudevents.event_type': event.eventType,
    },
  };
}

/** The CONSUMER span in which a consumer applies one event. */
export function processSpan(event: ProcessedEvent): MessageSpan {
  return {
    name: `process ${event.topic}`,
    attributes: {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'process',
      'messaging.operation.name': 'process',
      'messaging.destination.name': event.topic,
      'messaging.destination.partition.id': String(event.partition),
      'messaging.kafka.offset': Number(event.offset),
      'messaging.consumer.group.name': event.consumerGroup,
      ...(event.key === undefined ? {} : { 'messaging.kafka.message.key': event.key }),
      'messaging.message.id': event.eventId,
      'cloudevents.event_id': event.eventId,
      'cloudevents.event_type': event.eventType,
      'cloudevents.event_source': event.eventSource,
      ...(event.eventSubject === undefined
        ? {}
        : { 'cloudevents.event_subject': event.eventSubject }),
    },
  };
}
