import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { type EventType, SlaGrpcPackage } from '@itsm/contracts';
import { cloudEventHeaders, createKafka, KafkaEventPublisher } from '@itsm/messaging';
import { createDataSource, runMigrations } from '@itsm/persistence';
import { runService } from '@itsm/platform';
import { freePort, type TestDatabase, testEnvironment, testKafka } from '@itsm/testing';
import { AppModule, slaDataSourceSettings } from '../app.module';
import { type SlaConfig, slaConfigSchema } from '../config/sla.config';

const quietLogger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};

/** A topic of the test's own, so a consumer group reading from the start reads only the test's events. */
export async function createTicketEventsTopic(): Promise<string> {
  const topic = `itsm.tickets.v1.test-${randomBytes(6).toString('hex')}`;
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
  } finally {
    await admin.disconnect();
  }
  return topic;
}

export async function deleteTicketEventsTopic(topic: string): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: [topic] });
  } finally {
    await admin.disconnect();
  }
}

export function slaTestConfig(
  database: TestDatabase,
  ticketEventsTopic: string,
  overrides: Record<string, string> = {},
): SlaConfig {
  return slaConfigSchema.parse({
    LOG_LEVEL: 'warn',
    HTTP_PORT: '1',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '5',
    KAFKA_BROKERS: testEnvironment().KAFKA_BROKERS,
    SLA_TICKET_EVENTS_TOPIC: ticketEventsTopic,
    SLA_CONSUMER_GROUP: `itsm-sla-test-${database.name}`,
    ...overrides,
  });
}

export async function migrate(config: SlaConfig): Promise<void> {
  await runMigrations(createDataSource(slaDataSourceSettings(config)));
}

export interface RunningSlaService {
  app: INestApplication;
  /** host:port of its gRPC server. */
  grpcUrl: string;
}

/** One replica of the SLA service, in this process, as `main.ts` starts it, on free ports. */
export async function startSlaService(config: SlaConfig): Promise<RunningSlaService> {
  const [port, grpcPort] = await Promise.all([freePort(), freePort()]);
  const app = await runService({
    module: AppModule.register({ ...config, HTTP_PORT: port, GRPC_PORT: grpcPort }),
    http: { host: '127.0.0.1', port },
    grpc: { host: '127.0.0.1', port: grpcPort, packages: [SlaGrpcPackage] },
    shutdownDrainMs: 0,
    telemetry: { shutdown: async () => undefined },
  });
  return { app, grpcUrl: `127.0.0.1:${grpcPort}` };
}

export async function startSlaReplica(config: SlaConfig): Promise<INestApplication> {
  return (await startSlaService(config)).app;
}

export interface PublishOptions {
  /** CloudEvents id; the same id twice is a redelivery. */
  id?: string;
  key: string;
  subject?: string;
}

/** Publishes events exactly as the tickets service's outbox relay does: CloudEvents in Kafka binary mode. */
export class TicketEventsPublisher {
  private readonly publisher = new KafkaEventPublisher(
    createKafka(
      { brokers: testEnvironment().kafkaBrokers, clientId: 'itsm-sla-tests' },
      quietLogger,
    ),
  );

  constructor(private readonly topic: string) {}

  async publish<T>(eventType: EventType<T>, payload: T, options: PublishOptions): Promise<string> {
    const id = options.id ?? randomUUID();
    await this.publisher.publish([
      {
        topic: this.topic,
        key: options.key,
        value: JSON.stringify(eventType.toJson(payload)),
        headers: cloudEventHeaders(
          {
            id,
            type: eventType.type,
            source: '/itsm/tickets',
            subject: options.subject,
            time: new Date(),
          },
          {},
        ),
      },
    ]);
    return id;
  }

  close(): Promise<void> {
    return this.publisher.close();
  }
}
