import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EventType } from '@itsm/contracts';
import { currentTraceHeaders } from '@itsm/telemetry';

export interface OutboxEvent<T> {
  /** Kafka key: the aggregate id, so one aggregate's events stay ordered. */
  key: string;
  /** CloudEvents subject, e.g. the ticket number. */
  subject?: string;
  payload: T;
  occurredAt: Date;
}

/**
 * Appends events to the outbox inside the caller's transaction. This is the only way a
 * service emits an event: it is published if and only if the change commits.
 */
export class OutboxWriter {
  constructor(
    /** CloudEvents source of this service, e.g. `/itsm/tickets`. */
    private readonly source: string,
    private readonly newEventId: () => string = randomUUID,
  ) {}

  async append<T>(
    manager: EntityManager,
    eventType: EventType<T>,
    event: OutboxEvent<T>,
  ): Promise<string> {
    const id = this.newEventId();
    await manager.query(
      `INSERT INTO outbox_events (id, topic, partition_key, type, source, subject, payload, trace_headers, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        eventType.topic,
        event.key,
        eventType.type,
        this.source,
        event.subject ?? null,
        JSON.stringify(eventType.toJson(event.payload)),
        JSON.stringify(currentTraceHeaders()),
        event.occurredAt,
      ],
    );
    return id;
  }
}
