import { randomBytes } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import { SlaClockBreached, Topics } from '@itsm/contracts';

/** A breach of a clock that fell due in a phase, as it arrived on Kafka. */
export interface ObservedBreach {
  ticketNumber: string;
  dueAt: number;
  receivedAt: number;
}

/** The due instant of a breach event's clock, or undefined for any other event. */
export function breachOf(
  headers: Record<string, string>,
  value: unknown,
): { ticketNumber: string; dueAt: number } | undefined {
  if (headers.ce_type !== SlaClockBreached.type) return undefined;
  const event = SlaClockBreached.fromJson(value);
  if (!event.dueAt) return undefined;
  return {
    ticketNumber: event.ticketNumber,
    dueAt: event.dueAt.seconds * 1000 + Math.floor(event.dueAt.nanos / 1_000_000),
  };
}

/**
 * Reads the SLA topic from its end in a group of its own and keeps the breaches whose ticket
 * number starts with a phase's prefix, stamped when they arrive: the lag is arrival − due.
 */
export class BreachProbe {
  readonly breaches: ObservedBreach[] = [];

  private constructor(
    private readonly consumer: Consumer,
    private readonly prefix: string,
  ) {}

  static async start(kafka: Kafka, prefix: string): Promise<BreachProbe> {
    const consumer = kafka.consumer({
      groupId: `itsm-bench-sla-probe-${randomBytes(6).toString('hex')}`,
      // The broker answers a fetch as soon as one message is there.
      maxWaitTimeInMs: 100,
    });
    const probe = new BreachProbe(consumer, prefix);
    const joined = new Promise<void>((resolve) => {
      consumer.on(consumer.events.GROUP_JOIN, () => resolve());
    });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.sla, fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const receivedAt = Date.now();
        const headers: Record<string, string> = {};
        for (const [name, header] of Object.entries(message.headers ?? {})) {
          const first = Array.isArray(header) ? header[0] : header;
          if (first !== undefined) headers[name] = first.toString();
        }
        if (headers.ce_type !== SlaClockBreached.type || !message.value) return;
        const breach = breachOf(headers, JSON.parse(message.value.toString()));
        if (breach?.ticketNumber.startsWith(probe.prefix)) {
          probe.breaches.push({ ...breach, receivedAt });
        }
      },
    });
    await joined;
    return probe;
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
