import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Consumer } from 'kafkajs';
import { testKafka } from '@itsm/testing';

export interface PartitionOffset {
  partition: number;
  offset: string;
}

export interface KafkaToHttpOptions {
  topic: string;
  /** Where the group starts reading, per partition. */
  startOffsets: readonly PartitionOffset[];
  /** The CloudEvents type (`ce_type`) to forward; other events are read and skipped. */
  eventType: string;
  /** Forwarded only when the value contains it: the shared topic also holds other runs' events. */
  marker: string;
  url: string;
  /** Posts in flight at most. */
  concurrency: number;
  /** Ends (successfully) after this many posts were answered 2xx. */
  count: number;
}

export interface KafkaToHttpResult {
  /** performance.now() when the consumer started connecting (its group already positioned). */
  connectStartedMs: number;
  /** When the first event to forward was read. */
  firstReadMs: number;
  /** When the `count`-th post was answered 2xx. */
  lastOkMs: number;
  posted: number;
  /** Events read and not forwarded (other types, other runs). */
  skipped: number;
}

/** At most `limit` holders at once; the others wait in line. */
class Slots {
  private taken = 0;
  private readonly line: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async acquire(): Promise<void> {
    if (this.taken < this.limit) {
      this.taken += 1;
      return;
    }
    await new Promise<void>((resolve) => this.line.push(resolve));
  }

  release(): void {
    const next = this.line.shift();
    if (next) next();
    else this.taken -= 1;
  }
}

/**
 * The raw "Kafka → HTTP" path: a kafkajs consumer in a fresh group posts each event's value
 * to a URL with a bounded number of posts in flight, no database and no bookkeeping, so it
 * shows what the machine allows for moving these events to a webhook at all.
 */
export class KafkaToHttp {
  readonly done: Promise<KafkaToHttpResult>;
  private readonly groupId = `bench-notifications-baseline-${randomBytes(4).toString('hex')}`;
  private consumer: Consumer | undefined;
  private joinedResolve: (() => void) | undefined;
  /** Resolves once the consumer joined its group: events from then on are read at once. */
  readonly joined = new Promise<void>((resolve) => (this.joinedResolve = resolve));

  private constructor(private readonly options: KafkaToHttpOptions) {
    let resolveDone!: (result: KafkaToHttpResult) => void;
    let rejectDone!: (error: Error) => void;
    this.done = new Promise((resolve, reject) => {
      resolveDone = resolve;
      rejectDone = reject;
    });
    // Unobserved until the caller awaits it; a failure must not crash the process first.
    this.done.catch(() => undefined);
    void this.run(resolveDone, rejectDone).catch(rejectDone);
  }

  static start(options: KafkaToHttpOptions): KafkaToHttp {
    return new KafkaToHttp(options);
  }

  /** Leaves the group and deletes it. */
  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    const admin = testKafka('bench-notifications').admin();
    await admin.connect();
    await admin.deleteGroups([this.groupId]).catch(() => undefined);
    await admin.disconnect();
  }

  private async run(
    resolve: (result: KafkaToHttpResult) => void,
    reject: (error: Error) => void,
  ): Promise<void> {
    const { topic, startOffsets, eventType, url, concurrency, count } = this.options;
    const kafka = testKafka('bench-notifications');
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.setOffsets({ groupId: this.groupId, topic, partitions: [...startOffsets] });
    } finally {
      await admin.disconnect();
    }
    const consumer = kafka.consumer({ groupId: this.groupId, allowAutoTopicCreation: false });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => this.joinedResolve?.());
    const marker = Buffer.from(this.options.marker);
    const slots = new Slots(concurrency);
    const forwarded = new Set<string>();
    let firstReadMs = Number.NaN;
    let posted = 0;
    let skipped = 0;
    let failed = false;

    const post = async (value: Buffer): Promise<void> => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: value,
      });
      await response.body?.cancel();
      if (response.status < 200 || response.status >= 300)
        throw new Error(`${url} answered ${response.status}`);
    };

    // After setOffsets, which takes seconds for a new group (kafkajs) and is set-up, not the path.
    const connectStartedMs = performance.now();
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: false });
    await consumer.run({
      partitionsConsumedConcurrently: Math.max(1, startOffsets.length),
      eachMessage: async ({ message }) => {
        const type = message.headers?.['ce_type']?.toString();
        const key = message.key?.toString() ?? '';
        if (
          failed ||
          type !== eventType ||
          !message.value?.includes(marker) ||
          forwarded.has(key) ||
          forwarded.size >= count
        ) {
          skipped += 1;
          return;
        }
        forwarded.add(key);
        if (Number.isNaN(firstReadMs)) firstReadMs = performance.now();
        // Only the slot is awaited: reading goes on while `concurrency` posts are out.
        await slots.acquire();
        const value = message.value;
        void post(value).then(
          () => {
            slots.release();
            posted += 1;
            if (posted === count) {
              resolve({
                connectStartedMs,
                firstReadMs,
                lastOkMs: performance.now(),
                posted,
                skipped,
              });
            }
          },
          (error: unknown) => {
            slots.release();
            failed = true;
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      },
    });
  }
}
