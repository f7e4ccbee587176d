import type {
  ArticleIndexWriter,
  IndexBuild,
  IndexEntry,
  IndexWriteResult,
} from '../ports/article-search';
import type { IndexQueue } from '../ports/index-queue';

/** An index writer that records writes and fails while `down` is set. */
export class FakeIndexWriter implements ArticleIndexWriter {
  down = false;
  created = true;
  ensured = 0;
  readonly writes: { ids: string[]; index: string }[] = [];
  readonly completed: string[] = [];
  private builds = 0;

  ensureIndex(): Promise<{ index: string; created: boolean }> {
    if (this.down) return Promise.reject(new Error('connect ECONNREFUSED'));
    this.ensured += 1;
    const created = this.created;
    this.created = false;
    return Promise.resolve({ index: 'kb-v1', created });
  }

  write(entries: readonly IndexEntry[], build?: IndexBuild): Promise<IndexWriteResult> {
    if (this.down) return Promise.reject(new Error('connect ECONNREFUSED'));
    this.writes.push({ ids: entries.map((entry) => entry.articleId), index: build?.index ?? 'kb' });
    return Promise.resolve({ applied: entries.length, stale: 0 });
  }

  startRebuild(): Promise<IndexBuild> {
    this.builds += 1;
    return Promise.resolve({ index: `kb-v1-r${this.builds}` });
  }

  completeRebuild(build: IndexBuild): Promise<{ detachedFrom: string[] }> {
    this.completed.push(build.index);
    return Promise.resolve({ detachedFrom: ['kb-v1'] });
  }
}

/** An index queue over a list of ids; `searchable` is what a rebuild reads. */
export class FakeIndexQueue implements IndexQueue {
  readonly queued: string[] = [];
  readonly failures: string[] = [];
  queuedAll = 0;
  changedSince: Date[] = [];

  constructor(
    readonly searchable: string[] = [],
    private readonly clock: Date = new Date('2026-11-28T12:00:00.000Z'),
  ) {}

  async drain(limit: number, apply: (entries: IndexEntry[]) => Promise<void>): Promise<number> {
    const batch = this.queued.slice(0, limit);
    if (batch.length === 0) return 0;
    await apply(batch.map((articleId) => ({ articleId, article: undefined, categoryPath: [] })));
    this.queued.splice(0, batch.length);
    return batch.length;
  }

  recordFailure(_limit: number, reason: string): Promise<void> {
    this.failures.push(reason);
    return Promise.resolve();
  }

  lag(): Promise<{ pending: number; oldestSeconds: number }> {
    return Promise.resolve({ pending: this.queued.length, oldestSeconds: 0 });
  }

  queueAllSearchable(): Promise<number> {
    this.queuedAll += 1;
    this.queued.push(...this.searchable);
    return Promise.resolve(this.searchable.length);
  }

  queueChangedSince(since: Date): Promise<number> {
    this.changedSince.push(since);
    return Promise.resolve(2);
  }

  searchableBatch(afterId: string | undefined, limit: number): Promise<IndexEntry[]> {
    const start = afterId === undefined ? 0 : this.searchable.indexOf(afterId) + 1;
    return Promise.resolve(
      this.searchable
        .slice(start, start + limit)
        .map((articleId) => ({ articleId, article: undefined, categoryPath: [] })),
    );
  }

  now(): Promise<Date> {
    return Promise.resolve(this.clock);
  }
}
