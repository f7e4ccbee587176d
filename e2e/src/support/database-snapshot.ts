import type { TestDatabase } from '@itsm/testing';

/** What a database holds, table by table: row counts, and a digest of the rows where asked. */
export type DatabaseSnapshot = Record<string, { rows: number; digest?: string }>;

/**
 * Counts the rows of every table of the database (and digests the rows of `digested` ones, so
 * an update shows too), leaving out `ignored` tables that change without the API's doing.
 */
export async function snapshotOf(
  database: TestDatabase,
  {
    ignored = [],
    digested = () => false,
  }: { ignored?: readonly string[]; digested?: (table: string) => boolean } = {},
): Promise<DatabaseSnapshot> {
  const tables = await database.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const snapshot: DatabaseSnapshot = {};
  for (const { name } of tables) {
    if (ignored.includes(name)) continue;
    const [row] = await database.query<{ rows: string; digest: string }>(
      `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest
       FROM "${name}" t`,
    );
    snapshot[name] = {
      rows: Number(row?.rows ?? 0),
      ...(digested(name) ? { digest: row?.digest ?? '' } : {}),
    };
  }
  return snapshot;
}
