import type { DataSource } from 'typeorm';
import type { IndexEntry } from '../application/ports/article-search';
import type { IndexQueue } from '../application/ports/index-queue';
import { ARTICLE_COLUMNS, type ArticleRow, toArticle } from './article-row.mapper';

interface QueuedRow extends ArticleRow {
  queued_id: string;
  seq: string;
  live_category_path: string[] | null;
}

/**
 * Advisory lock of the index projector: replicas take turns, so a batch is applied by one of
 * them at a time. Another number than the outbox relay's, which locks the same database.
 */
export const INDEX_PROJECTOR_LOCK_ID = 0x6b_62_1d_01;

/** Queued articles with their current state and live category path, oldest first. */
const QUEUED_ENTRIES = `
  SELECT q.article_id AS queued_id, q.seq, ${ARTICLE_COLUMNS}, c.path AS live_category_path
    FROM article_index_queue q
    LEFT JOIN articles a ON a.id = q.article_id
    LEFT JOIN article_versions v ON v.article_id = a.id AND v.number = a.published_version
    LEFT JOIN knowledge_categories c ON c.id = v.category_id
   ORDER BY q.seq
   LIMIT $1`;

function toEntry(row: QueuedRow): IndexEntry {
  return {
    articleId: row.queued_id,
    // A LEFT JOIN of a deleted article leaves every article column null.
    article: row.id === null ? undefined : toArticle(row),
    categoryPath: row.live_category_path ?? [],
  };
}

/**
 * The search index's outbox in PostgreSQL. A drain holds a transaction-scoped advisory lock for
 * the length of the engine call but no row locks, so article writes never wait for the engine;
 * an entry queued again meanwhile has a new `seq` and stays for the next round.
 */
export class TypeOrmIndexQueue implements IndexQueue {
  constructor(private readonly dataSource: DataSource) {}

  drain(limit: number, apply: (entries: IndexEntry[]) => Promise<void>): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [lock] = (await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
        INDEX_PROJECTOR_LOCK_ID,
      ])) as { locked: boolean }[];
      if (!lock?.locked) return 0;
      const rows = (await manager.query(QUEUED_ENTRIES, [limit])) as QueuedRow[];
      if (rows.length === 0) return 0;
      await apply(rows.map(toEntry));
      await manager.query(
        `DELETE FROM article_index_queue q
          USING unnest($1::uuid[], $2::bigint[]) AS done (article_id, seq)
          WHERE q.article_id = done.article_id AND q.seq = done.seq`,
        [rows.map((row) => row.queued_id), rows.map((row) => row.seq)],
      );
      return rows.length;
    });
  }

  async recordFailure(limit: number, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE article_index_queue SET attempts = attempts + 1, last_error = $2
        WHERE article_id IN (SELECT article_id FROM article_index_queue ORDER BY seq LIMIT $1)`,
      [limit, reason.slice(0, 1000)],
    );
  }

  async lag(): Promise<{ pending: number; oldestSeconds: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending,
              coalesce(extract(epoch FROM now() - min(queued_at)), 0)::float AS oldest
         FROM article_index_queue`,
    )) as { pending: number; oldest: number }[];
    return { pending: row?.pending ?? 0, oldestSeconds: row?.oldest ?? 0 };
  }

  async queueAllSearchable(): Promise<number> {
    const rows = (await this.dataSource.query(
      `INSERT INTO article_index_queue (article_id)
       SELECT id FROM articles WHERE published_version > 0 AND status <> 'archived'
       ON CONFLICT (article_id) DO UPDATE SET seq = nextval('article_index_queue_seq'), queued_at = now()
       RETURNING article_id`,
    )) as unknown[];
    return rows.length;
  }

  async queueChangedSince(since: Date): Promise<number> {
    const rows = (await this.dataSource.query(
      `INSERT INTO article_index_queue (article_id)
       SELECT id FROM articles WHERE updated_at >= $1
       ON CONFLICT (article_id) DO UPDATE SET seq = nextval('article_index_queue_seq'), queued_at = now()
       RETURNING article_id`,
      [since],
    )) as unknown[];
    return rows.length;
  }

  async searchableBatch(afterId: string | undefined, limit: number): Promise<IndexEntry[]> {
    const rows = (await this.dataSource.query(
      `SELECT a.id AS queued_id, 0 AS seq, ${ARTICLE_COLUMNS}, c.path AS live_category_path
         FROM articles a
         JOIN article_versions v ON v.article_id = a.id AND v.number = a.published_version
         LEFT JOIN knowledge_categories c ON c.id = v.category_id
        WHERE a.published_version > 0 AND a.status <> 'archived'
          AND ($1::uuid IS NULL OR a.id > $1::uuid)
        ORDER BY a.id
        LIMIT $2`,
      [afterId ?? null, limit],
    )) as QueuedRow[];
    return rows.map(toEntry);
  }

  async now(): Promise<Date> {
    const [row] = (await this.dataSource.query(`SELECT clock_timestamp() AS now`)) as {
      now: Date;
    }[];
    if (!row) throw new Error('the database returned no time');
    return row.now;
  }
}
