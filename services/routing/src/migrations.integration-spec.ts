import { createDataSource, runMigrations } from '@itsm/persistence';
import { createTestDatabase, type TestDatabase } from '@itsm/testing';
import { routingMigrations } from './migrations';

const at = new Date('2026-11-27T09:00:00Z');

describe('routing migrations on a database in use', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('itsm_routing');
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('keep each agent’s last assignment beside their load, and give every agent a load', async () => {
    const settings = (migrations: typeof routingMigrations) => ({
      url: database.url,
      poolSize: 2,
      applicationName: 'itsm-routing-test',
      entities: [],
      migrations,
    });
    const before = routingMigrations.findIndex(({ name }) => name.startsWith('KeepLastAssignment'));
    await runMigrations(createDataSource(settings(routingMigrations.slice(0, before))));
    await database.query(
      `INSERT INTO agents (id, user_id, display_name, capacity, availability, last_assigned_at, created_at, updated_at)
       VALUES ('0194a000-0000-7000-8000-000000000001', 'busy', 'Busy', 5, 'online', $1, $1, $1),
              ('0194a000-0000-7000-8000-000000000002', 'new', 'New', 5, 'online', NULL, $1, $1)`,
      [at],
    );
    await database.query(
      `INSERT INTO agent_loads (user_id, open_tickets, weighted_load) VALUES ('busy', 2, 6)`,
    );

    await runMigrations(createDataSource(settings(routingMigrations)));

    expect(
      await database.query(
        'SELECT user_id, open_tickets, weighted_load, last_assigned_at FROM agent_loads ORDER BY user_id',
      ),
    ).toEqual([
      { user_id: 'busy', open_tickets: 2, weighted_load: 6, last_assigned_at: at },
      { user_id: 'new', open_tickets: 0, weighted_load: 0, last_assigned_at: null },
    ]);
    expect(
      await database.query(
        `SELECT column_name FROM information_schema.columns
          WHERE table_name = 'agents' AND column_name = 'last_assigned_at'`,
      ),
    ).toEqual([]);
  });
});
