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
import { Topics } from '@itsm/contracts';
import { createKafka, DEFAULT_PARTITIONS, ensureTopics, readCloudEvent } from '@itsm/messaging';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { type ScopedTicketChange, scopedTicketChangeOf } from './ticket-change';

const JOIN_RETRY_MS = 2000;

/**
 * The tickets topic as a stream inside one gateway replica, for the server-sent events of
 * the web app. Each replica reads every partition from the moment it joined (its own
 * consumer group, no committed work): a browser that reconnects reloads what it shows, so
 * nothing is replayed and nothing needs exactly-once here.
 */
@Injectable()
export class TicketChangeFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly kafka: Kafka;
  private readonly changeSubject = new Subject<ScopedTicketChange>();
  private readonly readySubject = new BehaviorSubject(false);
  private consumer: Consumer | undefined;
  private stopped = false;

  constructor(
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(TicketChangeFeed.name);
    this.kafka = createKafka(
      { brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID ?? 'itsm-gateway' },
      logger,
    );
  }

  /** Changes read since this replica joined. */
  get changes(): Observable<ScopedTicketChange> {
    return this.changeSubject.asObservable();
  }

  /** True once the consumer has its partitions: changes made from then on are delivered. */
  get ready(): Observable<boolean> {
    return this.readySubject.asObservable();
  }

  onApplicationBootstrap(): void {
    void this.joinUntilStopped();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.changeSubject.complete();
    await this.consumer?.disconnect().catch(() => undefined);
  }

  private async joinUntilStopped(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.join();
        return;
      } catch (error) {
        this.logger.warn({ err: error }, 'live ticket feed cannot join Kafka yet; retrying');
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
      await ensureTopics(admin, [{ topic: Topics.tickets, numPartitions: DEFAULT_PARTITIONS }]);
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
    await consumer.subscribe({ topic: Topics.tickets, fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ message }) => {
        const scoped = this.decode(message.headers ?? {}, message.value);
        if (scoped) this.changeSubject.next(scoped);
      },
    });
  }

  private decode(
    headers: Parameters<typeof readCloudEvent>[0],
    value: Buffer | null,
  ): ScopedTicketChange | undefined {
    try {
      const attributes = readCloudEvent(headers);
      return scopedTicketChangeOf(attributes, value ? JSON.parse(value.toString('utf8')) : null);
    } catch (error) {
      this.logger.debug({ err: error }, 'live ticket feed skipped an unreadable message');
      return undefined;
    }
  }
}
