import type { PoolClient, QueryResultRow } from 'pg';
import type { EntityManager } from 'typeorm';

/** A statement PostgreSQL parses and plans once per connection, then runs by name. */
export interface PreparedStatement {
  /** Unique in the service: a connection keeps one statement per name. */
  readonly name: string;
  readonly text: string;
}

/**
 * Runs `statement` on the connection of the manager's transaction. TypeORM sends every query
 * unnamed, so PostgreSQL parses and plans it on each call; for a statement on the hot path of every
 * routing decision, that is a good part of its cost. Outside a transaction it is an ordinary query.
 */
export async function runPrepared<T extends QueryResultRow>(
  manager: EntityManager,
  statement: PreparedStatement,
  values: unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) return manager.query(statement.text, values);
  // TypeORM's PostgreSQL query runner holds a pg pool client; its type says only `any`.
  const client = (await runner.connect()) as PoolClient;
  const result = await client.query<T>({ name: statement.name, text: statement.text, values });
  return result.rows;
}
