import type { EachMessagePayload } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { TicketCreated, type TicketCreatedEvent, Topics } from '@itsm/contracts';
import { createDataSource } from '@itsm/persistence';
import { createTestDatabase, KafkaProbe, type TestDatabase, testEnvironment } from '@itsm/testing';
import { cloudEventHeaders } from './cloud-event';
import { type EventHandler, InboxConsumer } from './inbox/inbox-consumer';
import {
  KafkaEventPublisher,
  type EventPublisher,
  type OutboundMessage,
} from './kafka/event-publisher';
import { createKafka } from './kafka/kafka-client';
import { createMessagingTablesSql } from './messaging-tables';
import { defaultOutboxRelayOptions, OutboxRelay } from './outbox/outbox-relay';
import { OutboxWriter } from './outbox/outbox-writer';

const quietLogger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};

function ticketEvent(id: string): TicketCreatedEvent {
  return TicketCreated.fromJson({
    ticket: {
      id,
      number: `INC-${id.slice(-6)}`,
      type: 'TICKET_TYPE_INCIDENT',
      status: 'TICKET_STATUS_NEW',
      createdAt: '2026-11-27T08:00:00Z',
    },
  });
}

const ids = Array.from(
  { length: 3 },
  (_, index) => `0194a000-0000-7000-8000-${String(Date.now() % 1e6).padStart(6, '0')}00000${index}`,
);

describe('outbox and inbox on real PostgreSQL and Kafka', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const writer = new OutboxWriter('/itsm/tests');

  beforeAll(async () => {
    database = await createTestDatabase('itsm_messaging');
    for (const statement of createMessagingTablesSql) await database.query(statement);
    await database.query('CREATE TABLE effects (ticket_id uuid PRIMARY KEY)');
    dataSource = await createDataSource({
      url: database.url,
      poolSize: 4,
      applicationName: 'itsm-messaging-test',
      entities: [],
      migrations: [],
    }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('keeps events in the outbox while the broker refuses them, counting attempts', async () => {
    await dataSource.transaction((manager) =>
      writer.append(manager, TicketCreated, {
        key: 'k-refused',
        payload: ticketEvent(ids[0] ?? ''),
        occurredAt: new Date(),
      }),
    );
    const refusing: EventPublisher = {
      publish: async () => {
        throw new Error('broker unreachable');
      },
      close: async () => undefined,
    };
    const relay = new OutboxRelay(dataSource, refusing, quietLogger, {
      ...defaultOutboxRelayOptions,
      idlePollMs: 10,
    });
    relay.start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await relay.stop();
    const [row] = await database.query<{ attempts: number; last_error: string }>(
      'SELECT attempts, last_error FROM outbox_events',
    );
    expect(row?.attempts).toBeGreaterThan(0);
    expect(row?.last_error).toBe('broker unreachable');
  });

  it('publishes in write order as CloudEvents and empties the outbox', async () => {
    for (const id of ids.slice(1)) {
      await dataSource.transaction((manager) =>
        writer.append(manager, TicketCreated, {
          key: 'k-ordered',
          subject: id,
          payload: ticketEvent(id),
          occurredAt: new Date(),
        }),
      );
    }
    const sent: OutboundMessage[] = [];
    const kafkaPublisher = new KafkaEventPublisher(
      createKafka({ brokers: testEnvironment().kafkaBrokers, clientId: 'itsm-tests' }, quietLogger),
    );
    const recording: EventPublisher = {
      publish: async (messages) => {
        await kafkaPublisher.publish(messages);
        sent.push(...messages);
      },
      close: () => kafkaPublisher.close(),
    };
    const probe = await KafkaProbe.start(Topics.tickets);
    try {
      const relay = new OutboxRelay(dataSource, recording, quietLogger);
      expect(await relay.relayBatch()).toBe(3);
      await relay.stop();
      expect(sent.map((message) => (message.value.match(/"id":"([^"]+)"/) ?? [])[1])).toEqual(ids);
      expect(await database.query('SELECT id FROM outbox_events')).toEqual([]);
      const arrived = await probe.waitForKey('k-ordered', { count: 2 });
      expect(arrived.map((message) => message.headers['ce_subject'])).toEqual(ids.slice(1));
      expect(arrived[0]?.headers).toMatchObject({
        ce_type: TicketCreated.type,
        ce_source: '/itsm/tests',
      });
    } finally {
      await probe.stop();
    }
  });

  it('applies a redelivered event once and skips malformed ones', async () => {
    let applied = 0;
    const handler: EventHandler<TicketCreatedEvent> = {
      eventType: TicketCreated,
      handle: async (event, manager) => {
        applied += 1;
        await manager.query('INSERT INTO effects (ticket_id) VALUES ($1)', [
          event.payload.ticket?.id,
        ]);
      },
    };
    const consumer = new InboxConsumer(
      createKafka({ brokers: testEnvironment().kafkaBrokers, clientId: 'itsm-tests' }, quietLogger),
      dataSource,
      quietLogger,
      { groupId: 'unused', consumer: 'effects', fromBeginning: true },
      [handler],
    );
    const message = (headers: Record<string, string>, value: string) =>
      ({
        topic: Topics.tickets,
        partition: 0,
        message: { key: Buffer.from('k'), value: Buffer.from(value), headers, offset: '0' },
      }) as unknown as EachMessagePayload;
    const headers = cloudEventHeaders(
      { id: 'event-1', type: TicketCreated.type, source: '/itsm/tests', time: new Date() },
      {},
    );
    const value = JSON.stringify(TicketCreated.toJson(ticketEvent(ids[0] ?? '')));

    expect(await consumer.receive(message(headers, value))).toBe(true);
    expect(await consumer.receive(message(headers, value))).toBe(false);
    expect(await consumer.receive(message({ ...headers, ce_id: 'event-2' }, '{"ticket":{}}'))).toBe(
      false,
    );
    expect(
      await consumer.receive(
        message({ ...headers, ce_id: 'event-3', ce_type: 'itsm.tickets.v1.ticket.unknown' }, value),
      ),
    ).toBe(false);
    expect(applied).toBe(1);
    expect(await database.query('SELECT ticket_id FROM effects')).toEqual([{ ticket_id: ids[0] }]);
  });
});
