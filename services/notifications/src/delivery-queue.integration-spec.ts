import { type DataSource } from 'typeorm';
import { OutboxWriter } from '@itsm/messaging';
import { createDataSource, runMigrations } from '@itsm/persistence';
import { createTestDatabase, type TestDatabase } from '@itsm/testing';
import { SendDigestsUseCase } from './application/send-digests/send-digests.use-case';
import { SqlDeliveryQueue } from './infrastructure/sql-delivery.queue';
import { SqlDigestStore } from './infrastructure/sql-digest.store';
import { SqlNotificationStore } from './infrastructure/sql-notification.store';
import { notificationsMigrations } from './migrations';

const WEBHOOK_ID = '0194a000-0000-7000-8000-00000000aaaa';

describe('deliveries in PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const outbox = new OutboxWriter('/itsm/notifications');

  beforeAll(async () => {
    database = await createTestDatabase('itsm_notifications');
    dataSource = createDataSource({
      url: database.url,
      poolSize: 8,
      applicationName: 'notifications-integration',
      entities: [],
      migrations: notificationsMigrations,
    });
    await dataSource.initialize();
    await runMigrations(dataSource);
    await dataSource.query(
      `INSERT INTO webhook_subscriptions (id, name, url, event_types, secret, active)
       VALUES ($1, 'CRM', 'http://127.0.0.1:9/hook', '{}', 'whsec_test', true)`,
      [WEBHOOK_ID],
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  async function addWebhookDeliveries(count: number, prefix: string): Promise<string[]> {
    const ids: string[] = [];
    await dataSource.transaction(async (manager) => {
      const store = new SqlNotificationStore(manager, outbox);
      for (let index = 0; index < count; index += 1) {
        const id = `0194a000-0000-7000-8${prefix}-${String(index).padStart(12, '0')}`;
        ids.push(id);
        await store.addDelivery({
          id,
          dedupeKey: `${prefix}-event-${index}:webhook:${WEBHOOK_ID}`,
          channel: 'webhook',
          status: 'pending',
          recipientId: WEBHOOK_ID,
          address: 'http://127.0.0.1:9/hook',
          eventId: `${prefix}-event-${index}`,
          eventType: 'itsm.tickets.v1.ticket.created',
          ticketId: null,
          triggerKey: '',
          importance: 'normal',
          subject: 'INC-000001',
          content: { kind: 'webhook', body: '{}', eventType: 'itsm.tickets.v1.ticket.created' },
          maxAttempts: 2,
          nextAttemptAt: new Date(Date.now() - 1_000),
          reason: null,
        });
      }
    });
    return ids;
  }

  it('never lets two replicas claim the same delivery', async () => {
    const ids = await addWebhookDeliveries(40, '001');
    const first = new SqlDeliveryQueue(dataSource, outbox);
    const second = new SqlDeliveryQueue(dataSource, outbox);
    const claims = await Promise.all(
      [0, 1, 2, 3].map((turn) => (turn % 2 === 0 ? first : second).claimDue(15, 60_000)),
    );
    const claimed = claims.flat().map(({ id }) => id);
    expect(new Set(claimed).size).toBe(claimed.length);
    expect(new Set(claimed)).toEqual(new Set(ids));
    expect(
      claims.flat().every(({ channel, attempt }) => channel === 'webhook' && attempt === 1),
    ).toBe(true);
    const [claimedWebhook] = claims.flat();
    expect(claimedWebhook?.channel === 'webhook' && claimedWebhook.webhookSecret).toBe(
      'whsec_test',
    );
    // Leased: nothing is due until a lease runs out.
    expect(await first.claimDue(100, 60_000)).toEqual([]);
  });

  it('adds nothing for a dedupe key it has seen', async () => {
    const before = (await dataSource.query(`SELECT count(*)::int AS n FROM deliveries`)) as {
      n: number;
    }[];
    await addWebhookDeliveries(3, '001');
    const after = (await dataSource.query(`SELECT count(*)::int AS n FROM deliveries`)) as {
      n: number;
    }[];
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('takes a delivery back from a replica whose lease ran out', async () => {
    const [id] = await addWebhookDeliveries(1, '002');
    const queue = new SqlDeliveryQueue(dataSource, outbox);
    expect((await queue.claimDue(10, 1_000)).map((claimed) => claimed.id)).toEqual([id]);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const again = await queue.claimDue(10, 60_000);
    expect(again.map((claimed) => [claimed.id, claimed.attempt])).toEqual([[id, 2]]);
  });

  it('schedules a retry, then records the dead letter and announces it', async () => {
    const [id] = await addWebhookDeliveries(1, '003');
    const queue = new SqlDeliveryQueue(dataSource, outbox);
    const [firstClaim] = await queue.claimDue(10, 60_000);
    const retryAt = new Date(Date.now() + 600);
    await queue.record({
      deliveryId: id ?? '',
      attempt: firstClaim?.attempt ?? 0,
      startedAt: new Date(),
      finishedAt: new Date(),
      responseCode: 500,
      outcome: 'failed',
      error: 'answered 500',
      next: { kind: 'retry', at: retryAt },
    });
    expect(await queue.claimDue(10, 60_000)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const [second] = await queue.claimDue(10, 60_000);
    expect(second?.attempt).toBe(2);
    await queue.record({
      deliveryId: id ?? '',
      attempt: 2,
      startedAt: new Date(),
      finishedAt: new Date(),
      responseCode: 500,
      outcome: 'failed',
      error: 'answered 500 again',
      next: { kind: 'dead' },
    });
    const [row] = (await dataSource.query(
      `SELECT status, attempts, last_error FROM deliveries WHERE id = $1`,
      [id],
    )) as { status: string; attempts: number; last_error: string }[];
    expect(row).toEqual({ status: 'dead', attempts: 2, last_error: 'answered 500 again' });
    const attempts = (await dataSource.query(
      `SELECT number, outcome, response_code FROM delivery_attempts WHERE delivery_id = $1 ORDER BY number`,
      [id],
    )) as unknown[];
    expect(attempts).toEqual([
      { number: 1, outcome: 'failed', response_code: 500 },
      { number: 2, outcome: 'failed', response_code: 500 },
    ]);
    const announced = (await dataSource.query(
      `SELECT type, partition_key FROM outbox_events WHERE type = 'itsm.notifications.v1.delivery.dead'`,
    )) as { partition_key: string }[];
    expect(announced.map(({ partition_key }) => partition_key)).toContain(id);
  });

  it('gathers held low-importance email into one digest per person once the oldest has waited', async () => {
    await dataSource.query(
      `INSERT INTO recipients (user_id, email, display_name, language, time_zone, roles, active, version)
       VALUES ('agent-7', 'agent7@example.com', 'Мария Лебедева', 'ru', 'Europe/Moscow', '{agent}', true, 1)`,
    );
    for (const [index, subject, ageMinutes] of [
      [1, '[INC-000010] Новый комментарий', 90],
      [2, '[INC-000011] Новый комментарий', 10],
    ] as const) {
      await dataSource.query(
        `INSERT INTO deliveries (id, dedupe_key, channel, status, recipient_id, address, event_id,
                                 event_type, subject, content, max_attempts, created_at)
         VALUES ($1, $2, 'email', 'held_for_digest', 'agent-7', 'agent7@example.com', $2,
                 'itsm.tickets.v1.ticket.commented', $3, '{"kind":"email"}', 5,
                 now() - make_interval(mins => $4))`,
        [`0194a000-0000-7000-8004-00000000000${index}`, `held-${index}`, subject, ageMinutes],
      );
    }
    let ids = 0;
    const digests = new SendDigestsUseCase(
      new SqlDigestStore(dataSource, outbox),
      { now: () => new Date() },
      () => `0194a000-0000-7000-8005-${String(++ids).padStart(12, '0')}`,
      { intervalMs: 3_600_000, batchSize: 10, mailbox: 'support@itsm.test', maxAttempts: 5 },
    );
    expect(await digests.composeDue()).toBe(1);
    expect(await digests.composeDue()).toBe(0);
    const rows = (await dataSource.query(
      `SELECT status, subject, content->>'text' AS text FROM deliveries
        WHERE recipient_id = 'agent-7' ORDER BY created_at`,
    )) as { status: string; subject: string; text: string }[];
    expect(rows.map(({ status }) => status)).toEqual(['digested', 'digested', 'pending']);
    expect(rows[2]?.text).toContain('INC-000010');
    expect(rows[2]?.text).toContain('INC-000011');
  });
});
