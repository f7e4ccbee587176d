import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Topics } from '@itsm/contracts';
import { freePort } from './free-port';
import { testKafka } from './kafka-probe';
import { ServiceProcess, workspaceRoot } from './service-process';
import { createTestDatabase, type TestDatabase } from './test-database';
import { testEnvironment } from './test-environment';

/** The administrator the gateway creates at start, to sign in with. */
export interface PlatformAdmin {
  email: string;
  password: string;
}

export interface RunningPlatform {
  gatewayUrl: string;
  /** host:port of the tickets service's gRPC server, to call it without the gateway. */
  ticketsGrpcUrl: string;
  /** Sign in as them: `POST /api/v1/auth/sign-in` with { email, password }. */
  admin: PlatformAdmin;
  ticketsDatabase: TestDatabase;
  /** The gateway's own database: users, sessions, API keys, the audit log. */
  gatewayDatabase: TestDatabase;
  gateway: ServiceProcess;
  tickets: ServiceProcess;
  /** Set when started with `knowledge: true`. */
  knowledge?: RunningKnowledge;
  /** Set when started with `sla: true`. */
  sla?: RunningConsumerService;
  /** Set when started with `routing: true`. */
  routing?: RunningConsumerService;
  /** Set when started with `cmdb: true`. */
  cmdb?: RunningConsumerService;
  /** Set when started with `notifications`. */
  notifications?: RunningNotifications;
  stop(): Promise<void>;
}

/** A service of the platform that consumes events (SLA, routing, cmdb) on a database of its own. */
export interface RunningConsumerService {
  service: ServiceProcess;
  database: TestDatabase;
  /** host:port of its gRPC server. */
  grpcUrl: string;
  /** Its consumer group, removed when the platform stops. */
  consumerGroup: string;
  /** How it was started, to start it again (after a crash test or a replay). */
  httpPort: number;
  env: Record<string, string>;
}

export interface RunningNotifications extends RunningConsumerService {
  /** Where the service takes email for the service desk (SMTP, on 127.0.0.1). */
  inboundSmtpPort: number;
  /** The service desk's mailbox: the From of notifications. */
  mailbox: string;
}

export interface NotificationsOptions {
  /** Where notification email goes: the test's own SMTP server. */
  smtpUrl: string;
  /** Extra environment of the notifications service (e.g. shorter retry delays). */
  env?: Record<string, string>;
}

export interface RunningKnowledge {
  service: ServiceProcess;
  database: TestDatabase;
  /** The platform's own search index alias, so runs never share an index. */
  indexAlias: string;
  /** host:port of its gRPC server. */
  grpcUrl: string;
}

export interface PlatformOptions {
  /** Extra environment for every service (e.g. OTLP endpoint). */
  env?: Record<string, string>;
  /** Also start the knowledge service (its own database and index on the real search engine). */
  knowledge?: boolean;
  /** Also start the SLA service (its own database; ticket events from the platform's start on). */
  sla?: boolean;
  /** Also start the routing service (its own database; ticket and SLA events from the start on). */
  routing?: boolean;
  /** Also start the cmdb service (its own database; ticket events from the platform's start on). */
  cmdb?: boolean;
  /** Also serve the built web app (dist/services/web, `nx run web:build`) at the gateway's `/`. */
  web?: boolean;
  /**
   * Also start the notifications service (its own database; every topic from the platform's
   * start on), sending email to the given SMTP server; needs `routing` for group audiences.
   */
  notifications?: NotificationsOptions;
}

/**
 * Commits the end of a topic as a new consumer group's position. The SLA service reads ticket
 * events from the start of the topic when its group is new; on the shared local Kafka that is
 * every ticket of every earlier run, which this platform's clocks must not include.
 */
async function startGroupAtEnd(groupId: string, ...topics: string[]): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const existing = await admin.listTopics();
    const missing = topics.filter((topic) => !existing.includes(topic));
    if (missing.length > 0) {
      await admin
        .createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({ topic, numPartitions: 6 })),
        })
        .catch(() => undefined); // another platform of a parallel run created it first
    }
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId,
        topic,
        partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}

async function deleteGroup(groupId: string): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  await admin.deleteGroups([groupId]).catch(() => undefined);
  await admin.disconnect();
}

/** A service that consumes events, with the variable naming its consumer group and what it reads. */
interface ConsumerServiceSpec {
  service: 'sla' | 'routing' | 'cmdb' | 'notifications';
  consumerGroupVariable: string;
  topics: readonly string[];
}

const SLA: ConsumerServiceSpec = {
  service: 'sla',
  consumerGroupVariable: 'SLA_CONSUMER_GROUP',
  topics: [Topics.tickets],
};
const ROUTING: ConsumerServiceSpec = {
  service: 'routing',
  consumerGroupVariable: 'ROUTING_CONSUMER_GROUP',
  topics: [Topics.tickets, Topics.sla],
};
const CMDB: ConsumerServiceSpec = {
  service: 'cmdb',
  consumerGroupVariable: 'CMDB_CONSUMER_GROUP',
  topics: [Topics.tickets],
};

const NOTIFICATIONS: ConsumerServiceSpec = {
  service: 'notifications',
  consumerGroupVariable: 'NOTIFICATIONS_CONSUMER_GROUP',
  topics: [
    Topics.tickets,
    Topics.sla,
    Topics.routing,
    Topics.cmdb,
    Topics.knowledge,
    Topics.identity,
  ],
};
const NOTIFICATIONS_MAILBOX = 'support@itsm.test';

/**
 * Starts a consuming service on a fresh database, its consumer group placed at the end of its
 * topics, so it reads this platform's events only.
 */
async function startConsumerService(
  spec: ConsumerServiceSpec,
  env: Record<string, string>,
): Promise<RunningConsumerService> {
  const database = await createTestDatabase(`itsm_${spec.service}`);
  const consumerGroup = `itsm-${spec.service}-${database.name}`;
  const [httpPort, grpcPort] = await Promise.all([freePort(), freePort()]);
  const serviceEnv = {
    ...env,
    DATABASE_URL: database.url,
    KAFKA_BROKERS: testEnvironment().KAFKA_BROKERS,
    GRPC_HOST: '127.0.0.1',
    GRPC_PORT: String(grpcPort),
    [spec.consumerGroupVariable]: consumerGroup,
  };
  try {
    await ServiceProcess.run(spec.service, ['migrate'], serviceEnv);
    await startGroupAtEnd(consumerGroup, ...spec.topics);
    const service = await ServiceProcess.start({
      service: spec.service,
      httpPort,
      env: serviceEnv,
    });
    return {
      service,
      database,
      grpcUrl: `127.0.0.1:${grpcPort}`,
      consumerGroup,
      httpPort,
      env: serviceEnv,
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

async function stopConsumerService(running: RunningConsumerService): Promise<void> {
  await running.service.stop();
  await running.database.drop();
  await deleteGroup(running.consumerGroup);
}

/** Starts the knowledge service on a fresh database and index; the gateway is pointed at it. */
async function startKnowledge(env: Record<string, string>): Promise<RunningKnowledge> {
  const environment = testEnvironment();
  const database = await createTestDatabase('itsm_knowledge');
  const indexAlias = `e2e-kb-${randomBytes(4).toString('hex')}`;
  const [httpPort, grpcPort] = await Promise.all([freePort(), freePort()]);
  const knowledgeEnv = {
    ...env,
    DATABASE_URL: database.url,
    KAFKA_BROKERS: environment.KAFKA_BROKERS,
    GRPC_HOST: '127.0.0.1',
    GRPC_PORT: String(grpcPort),
    SEARCH_URL: environment.OPENSEARCH_URL,
    SEARCH_INDEX_ALIAS: indexAlias,
  };
  try {
    await ServiceProcess.run('knowledge', ['migrate'], knowledgeEnv);
    const service = await ServiceProcess.start({
      service: 'knowledge',
      httpPort,
      env: knowledgeEnv,
    });
    return { service, database, indexAlias, grpcUrl: `127.0.0.1:${grpcPort}` };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

async function stopKnowledge(knowledge: RunningKnowledge): Promise<void> {
  await knowledge.service.stop();
  await knowledge.database.drop();
  // The index versions and rebuilds behind the alias: <alias>-v1, <alias>-v1-r1, ...
  await fetch(`${testEnvironment().OPENSEARCH_URL}/${knowledge.indexAlias}-v*`, {
    method: 'DELETE',
  }).catch(() => undefined);
}

/**
 * The built tickets and gateway services as separate processes on free ports, the
 * tickets service on a fresh migrated database, against the real Kafka; with `knowledge`,
 * the knowledge service too, against the real search engine; with `sla`, the SLA service.
 */
export async function startPlatform({
  env = {},
  knowledge: withKnowledge = false,
  sla: withSla = false,
  routing: withRouting = false,
  cmdb: withCmdb = false,
  web: withWeb = false,
  notifications: notificationsOptions,
}: PlatformOptions = {}): Promise<RunningPlatform> {
  const environment = testEnvironment();
  const ticketsDatabase = await createTestDatabase('itsm_tickets');
  const gatewayDatabase = await createTestDatabase('itsm_gateway');
  const admin: PlatformAdmin = {
    email: 'admin@itsm.test',
    password: randomBytes(18).toString('base64url'),
  };
  const gatewayEnv = {
    DATABASE_URL: gatewayDatabase.url,
    // The live feed of ticket changes (server-sent events) reads the tickets topic.
    KAFKA_BROKERS: environment.KAFKA_BROKERS,
    AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
    AUTH_BOOTSTRAP_ADMIN_EMAIL: admin.email,
    AUTH_BOOTSTRAP_ADMIN_PASSWORD: admin.password,
    ...(withWeb ? { WEB_ROOT: join(workspaceRoot, 'dist/services/web') } : {}),
  };
  const [ticketsHttpPort, ticketsGrpcPort, gatewayHttpPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
  ]);
  const ticketsEnv = {
    ...env,
    DATABASE_URL: ticketsDatabase.url,
    KAFKA_BROKERS: environment.KAFKA_BROKERS,
    GRPC_HOST: '127.0.0.1',
    GRPC_PORT: String(ticketsGrpcPort),
    // Its own group: routing events of other platforms on the shared Kafka are not its tickets'.
    TICKETS_CONSUMER_GROUP: `itsm-tickets-${ticketsDatabase.name}`,
  };
  // The SLA service needs nothing of the others to start: it starts while they do.
  const slaStarting = withSla ? startConsumerService(SLA, env) : undefined;
  slaStarting?.catch(() => undefined);
  const routingStarting = withRouting ? startConsumerService(ROUTING, env) : undefined;
  routingStarting?.catch(() => undefined);
  const cmdbStarting = withCmdb ? startConsumerService(CMDB, env) : undefined;
  cmdbStarting?.catch(() => undefined);
  const started: ServiceProcess[] = [];
  let knowledge: RunningKnowledge | undefined;
  let sla: RunningConsumerService | undefined;
  let routing: RunningConsumerService | undefined;
  let cmdb: RunningConsumerService | undefined;
  let notifications: RunningNotifications | undefined;
  const stopOptional = async () => {
    if (notifications) await stopConsumerService(notifications);
    if (knowledge) await stopKnowledge(knowledge);
    sla ??= await slaStarting?.catch(() => undefined);
    if (sla) await stopConsumerService(sla);
    routing ??= await routingStarting?.catch(() => undefined);
    if (routing) await stopConsumerService(routing);
    cmdb ??= await cmdbStarting?.catch(() => undefined);
    if (cmdb) await stopConsumerService(cmdb);
  };
  const dropDatabases = async () => {
    await ticketsDatabase.drop();
    await gatewayDatabase.drop();
  };
  try {
    await ServiceProcess.run('gateway', ['migrate'], { ...env, ...gatewayEnv });
    await ServiceProcess.run('tickets', ['migrate'], ticketsEnv);
    await startGroupAtEnd(ticketsEnv.TICKETS_CONSUMER_GROUP, Topics.routing);
    if (withKnowledge) knowledge = await startKnowledge(env);
    const tickets = await ServiceProcess.start({
      service: 'tickets',
      httpPort: ticketsHttpPort,
      env: ticketsEnv,
    });
    started.push(tickets);
    sla = await slaStarting;
    routing = await routingStarting;
    cmdb = await cmdbStarting;
    if (notificationsOptions) {
      const inboundSmtpPort = await freePort();
      const running = await startConsumerService(NOTIFICATIONS, {
        ...env,
        TICKETS_GRPC_URL: `127.0.0.1:${ticketsGrpcPort}`,
        // Unreachable without routing: group audiences then fail and their events wait.
        ROUTING_GRPC_URL: routing?.grpcUrl ?? '127.0.0.1:9',
        SMTP_URL: notificationsOptions.smtpUrl,
        MAIL_FROM_ADDRESS: NOTIFICATIONS_MAILBOX,
        MAIL_REPLY_SECRET: randomBytes(32).toString('hex'),
        PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
        INBOUND_SMTP_HOST: '127.0.0.1',
        INBOUND_SMTP_PORT: String(inboundSmtpPort),
        DISPATCH_POLL_MS: '50',
        ...notificationsOptions.env,
      });
      notifications = { ...running, inboundSmtpPort, mailbox: NOTIFICATIONS_MAILBOX };
    }
    const gateway = await ServiceProcess.start({
      service: 'gateway',
      httpPort: gatewayHttpPort,
      env: {
        ...env,
        ...gatewayEnv,
        TICKETS_GRPC_URL: `127.0.0.1:${ticketsGrpcPort}`,
        ...(knowledge ? { KNOWLEDGE_GRPC_URL: knowledge.grpcUrl } : {}),
        ...(sla ? { SLA_GRPC_URL: sla.grpcUrl } : {}),
        ...(routing ? { ROUTING_GRPC_URL: routing.grpcUrl } : {}),
        ...(cmdb ? { CMDB_GRPC_URL: cmdb.grpcUrl } : {}),
        ...(notifications ? { NOTIFICATIONS_GRPC_URL: notifications.grpcUrl } : {}),
      },
    });
    started.push(gateway);
    return {
      gatewayUrl: gateway.baseUrl,
      ticketsGrpcUrl: `127.0.0.1:${ticketsGrpcPort}`,
      admin,
      ticketsDatabase,
      gatewayDatabase,
      gateway,
      tickets,
      ...(knowledge ? { knowledge } : {}),
      ...(sla ? { sla } : {}),
      ...(routing ? { routing } : {}),
      ...(cmdb ? { cmdb } : {}),
      ...(notifications ? { notifications } : {}),
      stop: async () => {
        await Promise.all(started.map((service) => service.stop()));
        await stopOptional();
        await dropDatabases();
        await deleteGroup(ticketsEnv.TICKETS_CONSUMER_GROUP);
      },
    };
  } catch (error) {
    await Promise.all(started.map((service) => service.stop()));
    await stopOptional();
    await dropDatabases();
    throw error;
  }
}
