import type { ArticleIndexWriter } from '../ports/article-search';
import type { IndexQueue } from '../ports/index-queue';

export interface ReindexOptions {
  /** Articles per database read and bulk write. */
  batchSize: number;
  /**
   * How far before the start changes are queued again once the alias moved: a change committed
   * while the rebuild ran may have reached only the old index.
   */
  catchUpMarginMs: number;
}

export interface ReindexReport {
  index: string;
  indexed: number;
  /** Changes queued again for the projector after the swap. */
  requeued: number;
  detachedFrom: string[];
  durationMs: number;
}

/**
 * Rebuilds the search index with no downtime: a new physical index is bulk-loaded from
 * PostgreSQL while searches keep using the alias, then the alias moves in one atomic step and
 * the changes made meanwhile are queued again for the projector. Document versions (article
 * revisions) keep a late write from undoing a newer one in either index.
 */
export class ReindexArticlesUseCase {
  constructor(
    private readonly queue: IndexQueue,
    private readonly writer: ArticleIndexWriter,
    private readonly options: ReindexOptions,
    private readonly elapsedMs: () => number = () => performance.now(),
  ) {}

  async execute(): Promise<ReindexReport> {
    const started = this.elapsedMs();
    const since = new Date((await this.queue.now()).getTime() - this.options.catchUpMarginMs);
    const build = await this.writer.startRebuild();
    let indexed = 0;
    // The next batch is read from PostgreSQL while the engine indexes the current one.
    let next = this.queue.searchableBatch(undefined, this.options.batchSize);
    for (;;) {
      const batch = await next;
      const last = batch.at(-1);
      if (!last) break;
      next = this.queue.searchableBatch(last.articleId, this.options.batchSize);
      // Settled now so a failed write does not leave the read's rejection unhandled.
      next.catch(() => undefined);
      await this.writer.write(batch, build);
      indexed += batch.length;
    }
    const { detachedFrom } = await this.writer.completeRebuild(build);
    const requeued = await this.queue.queueChangedSince(since);
    return {
      index: build.index,
      indexed,
      requeued,
      detachedFrom,
      durationMs: Math.round(this.elapsedMs() - started),
    };
  }
}
