import type { ArticleIndexWriter } from '../ports/article-search';
import type { IndexQueue } from '../ports/index-queue';

export interface ProjectorLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface ArticleIndexProjectorOptions {
  /** Articles per round: one database read, one or two `_bulk` requests. */
  batchSize: number;
  /** Pause when the queue is empty. */
  idlePollMs: number;
  /** Longest pause after repeated failures (engine down). */
  maxBackoffMs: number;
}

/**
 * Keeps the search index following PostgreSQL. Article changes queue their ids in their own
 * transaction (the index's outbox); this loop drains the queue in bulk. While the engine is
 * unreachable the queue only grows and the loop backs off; when it returns, the backlog goes out
 * in a few bulk requests. Nothing is lost, because an entry leaves the queue only after the
 * engine took it, and nothing goes back in time, because each document carries its article's
 * revision as its version.
 */
export class ArticleIndexProjector {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private indexEnsured = false;

  constructor(
    private readonly queue: IndexQueue,
    private readonly writer: ArticleIndexWriter,
    private readonly logger: ProjectorLogger,
    private readonly options: ArticleIndexProjectorOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /**
   * Makes sure the index exists (an index created empty gets every searchable article queued),
   * then applies at most one batch; returns how many entries left the queue.
   */
  async projectBatch(): Promise<number> {
    if (!this.indexEnsured) {
      const { index, created } = await this.writer.ensureIndex();
      if (created) {
        const queued = await this.queue.queueAllSearchable();
        this.logger.info(
          { index, queued },
          'search index created; every searchable article queued',
        );
      }
      this.indexEnsured = true;
    }
    return this.queue.drain(this.options.batchSize, async (entries) => {
      await this.writer.write(entries);
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let projected = 0;
      try {
        projected = await this.projectBatch();
        if (failures > 0) this.logger.info({ failures }, 'search index projector recovered');
        failures = 0;
      } catch (error) {
        failures += 1;
        const reason = error instanceof Error ? error.message : String(error);
        await this.queue.recordFailure(this.options.batchSize, reason).catch(() => undefined);
        if (failures === 1 || failures % 20 === 0) {
          this.logger.warn(
            { err: error, failures },
            'search index projector failed; article changes wait in the index queue',
          );
        }
      }
      if (projected === this.options.batchSize) continue;
      const pause =
        failures > 0
          ? Math.min(
              this.options.maxBackoffMs,
              this.options.idlePollMs * 2 ** Math.min(failures, 10),
            )
          : this.options.idlePollMs;
      await this.sleep(pause);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
