import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Consumer, Kafka } from 'kafkajs';
import { PinoLogger } from 'nestjs-pino';
import { BehaviorSubject, type Observable, Subject } from 'rxjs';
import { createKafka, DEFAULT_PARTITIONS, ensureTopics, readCloudEvent } from '@itsm/messaging';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { LIVE_TOPICS, type LiveEvent, liveEventOf } from './live-event';
import type { LiveSource } from './live-stream';

const JOIN_RETRY_MS = 2000;

/**
 * The tickets, notifications and SLA topics as a stream inside one gateway replica, for the
 * server-sent events of the web app. Each replica reads every partition from the moment it
 * joined (its own consumer group, no committed work): a browser that reconnects reloads what
 * it shows, so nothing is replayed and nothing needs exactly-once here.
 */
@Injectable()
export class LiveEventFeed implements LiveSource, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly kafka: Kafka;
  private readonly eventSubject = new Subject<LiveEvent>();
  private readonly readySubject = new BehaviorSubject(false);
  private consumer: Consumer | undefined;
  private stopped = false;

  constructor(
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(LiveEventFeed.name);
    this.kafka = createKafka(
      { brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID ?? 'itsm-gateway' },
      logger,
    );
  }

  /** Events read since this replica joined. */
  get events(): Observable<LiveEvent> {
    return this.eventSubject.asObservable();
  }

  /** True once the consumer has its partitions: events from then on are delivered. */
  get ready(): Observable<boolean> {
    return this.readySubject.asObservable();
  }

  onApplicationBootstrap(): void {
    void this.joinUntilStopped();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.eventSubject.complete();
    await this.consumer?.disconnect().catch(() => undefined);
  }

  private async joinUntilStopped(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.join();
        return;
      } catch (error) {
        this.logger.warn({ err: error }, 'live event feed cannot join Kafka yet; retrying');
        await this.consumer?.disconnect().catch(() => undefined);
        this.consumer = undefined;
        await new Promise((resolve) => setTimeout(resolve, JOIN_RETRY_MS));
      }
    }
  }

  private async join(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(
        admin,
        LIVE_TOPICS.map((topic) => ({ topic, numPartitions: DEFAULT_PARTITIONS })),
      );
    } finally {
      await admin.disconnect();
    }
    const consumer = this.kafka.consumer({
      groupId: `itsm-gateway-live-${hostname()}-${randomUUID()}`,
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, () => this.readySubject.next(true));
    consumer.on(consumer.events.CRASH, () => this.readySubject.next(false));
    await consumer.connect();
    await consumer.subscribe({ topics: [...LIVE_TOPICS], fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ topic, message }) => {
        const event = this.decode(topic, message.headers ?? {}, message.value);
        if (event) this.eventSubject.next(event);
      },
    });
  }

  private decode(
    topic: string,
    headers: Parameters<typeof readCloudEvent>[0],
    value: Buffer | null,
  ): LiveEvent | undefined {
    try {
      const attributes = readCloudEvent(headers);
      return liveEventOf(topic, attributes, value ? JSON.parse(value.toString('utf8')) : null);
    } catch (error) {
      this.logger.debug({ err: error }, 'live event feed skipped an unreadable message');
      return undefined;
    }
  }
}
