import { type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { DataSource } from 'typeorm';
import { contextFromTraceHeaders, traceHeadersOf } from '@itsm/telemetry';
import { cloudEventHeaders } from '../cloud-event';
import type { EventPublisher, OutboundMessage } from '../kafka/event-publisher';
import type { MessagingLogger } from '../kafka/kafka-client';
import { sendSpan } from '../kafka/message-spans';
import type { OutboxMetrics } from './outbox-metrics';

const tracer = trace.getTracer('@itsm/messaging');

export interface OutboxRelayOptions {
  batchSize: number;
  /** Pause when the outbox is empty. */
  idlePollMs: number;
  /** Longest pause after repeated publish failures. */
  maxBackoffMs: number;
  /** Advisory lock id: one relay per database publishes at a time, so order holds. */
  lockId: number;
}

export const defaultOutboxRelayOptions: OutboxRelayOptions = {
  batchSize: 500,
  idlePollMs: 50,
  maxBackoffMs: 5000,
  lockId: 0x17_5a_0b_01,
};

interface OutboxRow {
  id: string;
  topic: string;
  partition_key: string;
  type: string;
  source: string;
  subject: string | null;
  payload: unknown;
  trace_headers: Record<string, string>;
  occurred_at: Date;
}

/**
 * Moves events from the outbox table to Kafka. Each round runs in one transaction that
 * holds an advisory lock (replicas take turns, events leave in position order), publishes
 * a batch with acks=all and deletes it. If Kafka is down the transaction rolls back, the
 * events stay, and the relay retries with exponential backoff: nothing is lost or blocked.
 *
 * Each event is sent in a PRODUCER span in the trace of the change that wrote it (the trace
 * context stored with the row), and that span's context travels in the message headers, so the
 * consumers continue the same trace.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly logger: MessagingLogger,
    private readonly options: OutboxRelayOptions = defaultOutboxRelayOptions,
    private readonly metrics?: Pick<OutboxMetrics, 'recordPublished'>,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.publisher.close();
  }

  /** Publishes at most one batch; returns how many events left the outbox. */
  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [lock] = (await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        this.options.lockId,
      ])) as { locked: boolean }[];
      if (!lock?.locked) return 0;
      const rows = (await manager.query(
        `SELECT id, topic, partition_key, type, source, subject, payload, trace_headers, occurred_at
           FROM outbox_events ORDER BY position LIMIT $1`,
        [this.options.batchSize],
      )) as OutboxRow[];
      if (rows.length === 0) return 0;
      await publishInSpans(this.publisher, rows);
      await manager.query('DELETE FROM outbox_events WHERE id = ANY($1::uuid[])', [
        rows.map(({ id }) => id),
      ]);
      for (const [topic, count] of countByTopic(rows)) this.metrics?.recordPublished(count, topic);
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let published = 0;
      try {
        published = await this.relayBatch();
        if (failures > 0) this.logger.info({ failures }, 'outbox relay recovered');
        failures = 0;
      } catch (error) {
        failures += 1;
        await this.recordFailure(error);
        if (failures === 1 || failures % 20 === 0) {
          this.logger.warn(
            { err: error, failures },
            'outbox relay could not publish; events stay in the outbox',
          );
        }
      }
      if (published === this.options.batchSize) continue;
      const pause =
        failures > 0
          ? Math.min(
              this.options.maxBackoffMs,
              this.options.idlePollMs * 2 ** Math.min(failures, 10),
            )
          : this.options.idlePollMs;
      await this.sleep(pause);
    }
  }

  private async recordFailure(error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.dataSource
      .query(
        `UPDATE outbox_events SET attempts = attempts + 1, last_error = $2
          WHERE id IN (SELECT id FROM outbox_events ORDER BY position LIMIT $1)`,
        [this.options.batchSize, message.slice(0, 1000)],
      )
      .catch(() => undefined);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function countByTopic(rows: OutboxRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { topic } of rows) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  return counts;
}

/** Publishes the batch, each event in a span of its own; the spans end when Kafka has the batch. */
async function publishInSpans(publisher: EventPublisher, rows: OutboxRow[]): Promise<void> {
  const sends = rows.map(startSend);
  try {
    await publisher.publish(sends.map(({ message }) => message));
  } catch (error) {
    for (const { span } of sends) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    throw error;
  }
  for (const { span } of sends) span.end();
}

function startSend(row: OutboxRow): { span: Span; message: OutboundMessage } {
  const { name, attributes } = sendSpan({
    topic: row.topic,
    key: row.partition_key,
    eventId: row.id,
    eventType: row.type,
  });
  const change = contextFromTraceHeaders(row.trace_headers);
  const span = tracer.startSpan(name, { kind: SpanKind.PRODUCER, attributes }, change);
  return { span, message: toOutboundMessage(row, traceHeadersOf(trace.setSpan(change, span))) };
}

function toOutboundMessage(row: OutboxRow, traceHeaders: Record<string, string>): OutboundMessage {
  return {
    topic: row.topic,
    key: row.partition_key,
    value: JSON.stringify(row.payload),
    headers: cloudEventHeaders(
      {
        id: row.id,
        type: row.type,
        source: row.source,
        subject: row.subject ?? undefined,
        time: row.occurred_at,
      },
      traceHeaders,
    ),
  };
}
