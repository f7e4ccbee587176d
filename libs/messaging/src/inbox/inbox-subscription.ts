import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { MessagingLogger } from '../kafka/kafka-client';
import { DEFAULT_PARTITIONS, ensureTopics } from '../kafka/topics';
import { type EventHandler, InboxConsumer } from './inbox-consumer';

export interface InboxSubscriptionOptions {
  /** Kafka consumer group (and the consumer name in the inbox); replicas share its partitions. */
  groupId: string;
  /** Pause between attempts to join while Kafka is unreachable. */
  retryMs: number;
  /** What the events are, for the log line while joining fails ("ticket events"). */
  describes: string;
  /** See InboxConsumerOptions; 1 when absent. */
  partitionsConsumedConcurrently?: number;
}

/**
 * A service's inbox consumer as part of its lifecycle: `start` returns at once and keeps trying
 * to join while Kafka is unreachable, instead of failing the service's start; the topics are
 * created first, since a consumer may start before any producer published. A new group reads
 * its topics from the start, so nothing published before the service first ran is missed.
 */
export class InboxSubscription {
  private readonly inbox: InboxConsumer;
  private readonly topics: string[];
  private running = false;
  private starting: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly kafka: Kafka,
    dataSource: DataSource,
    private readonly logger: MessagingLogger,
    private readonly options: InboxSubscriptionOptions,
    handlers: EventHandler<unknown>[],
  ) {
    this.topics = [...new Set(handlers.map(({ eventType }) => eventType.topic))];
    this.inbox = new InboxConsumer(
      kafka,
      dataSource,
      logger,
      {
        groupId: options.groupId,
        consumer: options.groupId,
        fromBeginning: true,
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
      },
      handlers,
    );
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.starting = this.join();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.starting;
    await this.inbox.stop();
  }

  private async join(): Promise<void> {
    for (let attempt = 1; this.running; attempt++) {
      try {
        await this.ensureTopics();
        await this.inbox.start();
        return;
      } catch (error) {
        await this.inbox.stop().catch(() => undefined);
        if (attempt === 1 || attempt % 20 === 0) {
          this.logger.warn(
            { err: error, attempt, topics: this.topics },
            `cannot consume ${this.options.describes} yet; retrying`,
          );
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.retryMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }

  private async ensureTopics(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(
        admin,
        this.topics.map((topic) => ({ topic, numPartitions: DEFAULT_PARTITIONS })),
      );
    } finally {
      await admin.disconnect();
    }
  }
}
