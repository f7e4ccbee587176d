import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { postgresUrl, testEnvironment } from './test-environment';

export interface TestDatabase {
  name: string;
  url: string;
  /** Runs SQL against the test database with a short-lived connection. */
  query<T = Record<string, unknown>>(sql: string, parameters?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: postgresUrl('postgres') });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${postgresUrl('postgres')}: ${(error as Error).message}. ` +
        'Start the infrastructure with `deploy/local/infra.sh up`.',
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, uniquely named database, so tests run in parallel and in any order. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const url = postgresUrl(name, testEnvironment());
  return {
    name,
    url,
    query: async <T>(sql: string, parameters: unknown[] = []) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql, parameters)).rows as T[];
      } finally {
        await client.end();
      }
    },
    drop: () =>
      withAdminClient(
        async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
      ),
  };
}
