import { Pool } from 'pg';
import { decodeCursor, type ListQuery, listSql, type SqlQuery } from './workload';

/** The statement the tickets service would send for a workload query (cursor decoded). */
export function sqlOf(query: ListQuery): SqlQuery {
  return listSql(query.filters, query.cursor ? decodeCursor(query.cursor) : undefined);
}

/**
 * The same list queries as plain `pg` statements on the same database: what PostgreSQL
 * alone needs for them, the floor of the platform's latency.
 */
export class BaselineLister {
  private readonly pool: Pool;

  constructor(databaseUrl: string, poolSize: number, statementTimeoutMs: number) {
    this.pool = new Pool({
      connectionString: databaseUrl,
      max: poolSize,
      statement_timeout: statementTimeoutMs,
    });
  }

  /** The ids of the page, newest first (one row more than the page, as the service asks). */
  async list(query: ListQuery): Promise<string[]> {
    const { text, values } = sqlOf(query);
    const result = await this.pool.query<{ id: string }>(text, values);
    return result.rows.map((row) => row.id);
  }

  /** EXPLAIN (ANALYZE, BUFFERS) of the query, as text. */
  async explain(query: ListQuery): Promise<string> {
    const { text, values } = sqlOf(query);
    const result = await this.pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${text}`,
      values,
    );
    return result.rows.map((row) => row['QUERY PLAN']).join('\n');
  }

  async serverVersion(): Promise<string> {
    const result = await this.pool.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0]?.server_version ?? 'unknown';
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** The indexes a plan reads and its execution time, for a one-line summary. */
export function planSummary(plan: string): { indexes: string[]; executionMs: number } {
  const indexes = [
    ...plan.matchAll(
      /(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)/g,
    ),
  ]
    .map((match) => match[1] ?? '')
    .filter((name, index, all) => name && all.indexOf(name) === index);
  const execution = /Execution Time: ([\d.]+) ms/.exec(plan);
  return { indexes, executionMs: execution ? Number(execution[1]) : Number.NaN };
}
