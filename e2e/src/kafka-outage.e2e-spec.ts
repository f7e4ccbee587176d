import { randomBytes } from 'node:crypto';
import type { Admin } from 'kafkajs';
import { TicketCreated, type TicketCreatedEvent, Topics } from '@itsm/contracts';
import { createDataSource } from '@itsm/persistence';
import {
  createKafka,
  createMessagingTablesSql,
  type EventHandler,
  InboxConsumer,
  type ReceivedEvent,
} from '@itsm/messaging';
import {
  aTicketRequestBody,
  createTestDatabase,
  eventually,
  localInfra,
  type RunningPlatform,
  startPlatform,
  type TestDatabase,
  testEnvironment,
  testKafka,
} from '@itsm/testing';
import type { DataSource, EntityManager } from 'typeorm';
import {
  type CallerFetch,
  fetchAs,
  integrationKey,
  postJsonAs,
  signIn,
} from './support/api-session';
import { PLATFORM_START_TIMEOUT_MS } from './support/platform-suite';

const TICKETS_DURING_OUTAGE = 20;

const quietLogger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};

/** Records each applied ticket.created in the consumer's own table, counting applications. */
class RecordingHandler implements EventHandler<TicketCreatedEvent> {
  readonly eventType = TicketCreated;
  calls = 0;

  async handle(event: ReceivedEvent<TicketCreatedEvent>, manager: EntityManager): Promise<void> {
    this.calls += 1;
    await manager.query(
      `INSERT INTO applied_tickets (ticket_id, applications) VALUES ($1, 1)
       ON CONFLICT (ticket_id) DO UPDATE SET applications = applied_tickets.applications + 1`,
      [event.payload.ticket?.id],
    );
  }
}

async function groupHasCaughtUp(admin: Admin, groupId: string): Promise<boolean> {
  const ends = await admin.fetchTopicOffsets(Topics.tickets);
  const [committed] = await admin.fetchOffsets({ groupId, topics: [Topics.tickets] });
  return ends.every(({ partition, offset }) => {
    const done =
      committed?.partitions.find((entry) => entry.partition === partition)?.offset ?? '-1';
    return offset === '0' || done === offset;
  });
}

describe('a Kafka outage', () => {
  let platform: RunningPlatform;
  let integration: CallerFetch;
  let consumerDatabase: TestDatabase;
  let consumerDataSource: DataSource;
  let admin: Admin;
  const consumers: InboxConsumer[] = [];
  const groupId = `itsm-test-outage-${randomBytes(4).toString('hex')}`;
  const handler = new RecordingHandler();

  const newConsumer = () =>
    new InboxConsumer(
      createKafka({ brokers: testEnvironment().kafkaBrokers, clientId: groupId }, quietLogger),
      consumerDataSource,
      quietLogger,
      // A new group reads the topic from its start, so nothing published before it joined is skipped.
      { groupId, consumer: groupId, fromBeginning: true },
      [handler],
    );

  beforeAll(async () => {
    platform = await startPlatform();
    const administrator = await signIn(
      platform.gatewayUrl,
      platform.admin.email,
      platform.admin.password,
    );
    // An integration holding every scope, as the other suites act (see platform-suite.ts).
    integration = fetchAs(await integrationKey(platform.gatewayUrl, administrator, 'e2e'));
    consumerDatabase = await createTestDatabase('itsm_consumer');
    for (const statement of createMessagingTablesSql) await consumerDatabase.query(statement);
    await consumerDatabase.query(
      'CREATE TABLE applied_tickets (ticket_id uuid PRIMARY KEY, applications integer NOT NULL)',
    );
    consumerDataSource = await createDataSource({
      url: consumerDatabase.url,
      poolSize: 4,
      applicationName: 'itsm-outage-test',
      entities: [],
      migrations: [],
    }).initialize();
    admin = testKafka().admin();
    await admin.connect();
  }, PLATFORM_START_TIMEOUT_MS);

  afterAll(async () => {
    await localInfra('up', 'kafka');
    await Promise.all(consumers.map((consumer) => consumer.stop()));
    await admin?.disconnect();
    await consumerDataSource?.destroy();
    await consumerDatabase?.drop();
    await platform?.stop();
  });

  it('loses no ticket and no event, and two consumer replicas apply each event once', async () => {
    // Make sure the topic exists and both replicas of the consumer joined before the outage.
    const warmUp = await postJsonAs(
      integration,
      `${platform.gatewayUrl}/api/v1/tickets`,
      aTicketRequestBody(),
    );
    expect(warmUp.status).toBe(201);
    await eventually('the outbox to drain before the outage', async () => {
      const [row] = await platform.ticketsDatabase.query<{ count: string }>(
        'SELECT count(*) FROM outbox_events',
      );
      return row?.count === '0' ? true : undefined;
    });
    consumers.push(newConsumer(), newConsumer());
    await Promise.all(consumers.map((consumer) => consumer.start()));
    await eventually(
      'both consumer replicas to share the partitions',
      async () => {
        const description = await admin.describeGroups([groupId]);
        const group = description.groups[0];
        return group?.state === 'Stable' && group.members.length === 2 ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );

    await localInfra('down', 'kafka');

    const ids: string[] = [];
    for (let index = 0; index < TICKETS_DURING_OUTAGE; index += 1) {
      const response = await postJsonAs(
        integration,
        `${platform.gatewayUrl}/api/v1/tickets`,
        aTicketRequestBody({ title: `outage ${index}` }),
      );
      expect(response.status).toBe(201);
      ids.push(((await response.json()) as { id: string }).id);
    }
    const waiting = await platform.ticketsDatabase.query<{ count: string }>(
      'SELECT count(*) FROM outbox_events',
    );
    expect(waiting[0]?.count).toBe(String(TICKETS_DURING_OUTAGE));

    await localInfra('up', 'kafka');

    await eventually(
      'the outbox to drain after Kafka is back',
      async () => {
        const [row] = await platform.ticketsDatabase.query<{ count: string }>(
          'SELECT count(*) FROM outbox_events',
        );
        return row?.count === '0' ? true : undefined;
      },
      { timeoutMs: 60_000 },
    );
    const applied = await eventually(
      'every outage event to be applied',
      async () => {
        const rows = await consumerDatabase.query<{ ticket_id: string; applications: number }>(
          'SELECT ticket_id, applications FROM applied_tickets WHERE ticket_id = ANY($1::uuid[])',
          [ids],
        );
        return rows.length === ids.length ? rows : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    expect(applied.every((row) => row.applications === 1)).toBe(true);

    // Redeliver everything: the inbox must turn every repeat into a no-op.
    const callsBefore = handler.calls;
    await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
    await admin.resetOffsets({ groupId, topic: Topics.tickets, earliest: true });
    const replay = newConsumer();
    consumers.push(replay);
    await replay.start();
    await eventually(
      'the replay to reach the end of the topic',
      async () => ((await groupHasCaughtUp(admin, groupId)) ? true : undefined),
      { timeoutMs: 90_000, intervalMs: 500 },
    );

    const afterReplay = await consumerDatabase.query<{ applications: number }>(
      'SELECT applications FROM applied_tickets WHERE ticket_id = ANY($1::uuid[])',
      [ids],
    );
    expect(afterReplay).toHaveLength(ids.length);
    expect(afterReplay.every((row) => row.applications === 1)).toBe(true);
    expect(handler.calls).toBe(callsBefore);
  });
});
