import type { IndexEntry } from './article-search';

/**
 * The search index's outbox: article changes queue their ids in the transaction of the change;
 * the projector drains the queue in order. A failed drain leaves the queue as it was.
 */
export interface IndexQueue {
  /**
   * Hands the oldest queued entries (current article state) to `apply` while holding a lock that
   * one projector at a time gets, and removes those that were not queued again meanwhile.
   * Returns how many were handed over; 0 when the queue is empty or another projector holds the lock.
   */
  drain(limit: number, apply: (entries: IndexEntry[]) => Promise<void>): Promise<number>;
  /** Notes a failed attempt on the oldest entries (their attempts and last error). */
  recordFailure(limit: number, reason: string): Promise<void>;
  /** Entries waiting, and the age of the oldest in seconds. */
  lag(): Promise<{ pending: number; oldestSeconds: number }>;
  /** Queues every searchable article (after the index was created empty). */
  queueAllSearchable(): Promise<number>;
  /** Queues the articles changed at or after `since` (changes a rebuild may have missed). */
  queueChangedSince(since: Date): Promise<number>;
  /** Searchable articles in id order after `afterId`, for a rebuild. */
  searchableBatch(afterId: string | undefined, limit: number): Promise<IndexEntry[]>;
  /** The database's clock, which orders changes across replicas. */
  now(): Promise<Date>;
}

export const INDEX_QUEUE = Symbol('IndexQueue');
