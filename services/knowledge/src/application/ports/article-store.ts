import type { EventType } from '@itsm/contracts';
import type { Article, ArticleStatus, Language } from '../../domain/article';
import type { ArticleReview, ArticleVersion } from '../../domain/article-version';
import type { KnowledgeCategory } from '../../domain/category';

export interface EmittedEvent<T> {
  key: string;
  subject?: string;
  payload: T;
  occurredAt: Date;
}

/** What a use case may do inside one database transaction. */
export interface ArticleTransaction {
  /** Reads and locks the article until the transaction ends. */
  findForUpdate(id: string): Promise<Article | undefined>;
  /** Inserts unless the translation group has an article in that language already. */
  insert(article: Article): Promise<'inserted' | 'language-taken'>;
  /** Writes a changed article; `previousRevision` guards against lost updates. */
  update(article: Article, previousRevision: number): Promise<void>;
  delete(id: string): Promise<void>;
  insertVersion(version: ArticleVersion): Promise<void>;
  findVersion(articleId: string, number: number): Promise<ArticleVersion | undefined>;
  insertReview(review: ArticleReview): Promise<void>;
  findCategory(id: string): Promise<KnowledgeCategory | undefined>;
  /** Inserts unless a sibling has the same name (case-insensitive). */
  insertCategory(category: KnowledgeCategory): Promise<'inserted' | 'name-taken'>;
  /** Appends an event to the outbox; it is published if and only if the transaction commits. */
  emit<T>(eventType: EventType<T>, event: EmittedEvent<T>): Promise<void>;
  /**
   * Queues the articles for the search index; the index projector applies their state as of
   * when it runs. Also only if the transaction commits.
   */
  queueForIndex(articleIds: readonly string[]): Promise<void>;
}

export interface ArticleListQuery {
  status: ArticleStatus | undefined;
  language: Language | undefined;
  /** The category or any of its descendants. */
  categoryId: string | undefined;
  authorId: string | undefined;
  /** Flagged outdated or past the review date at `now`. */
  outdatedAt: Date | undefined;
  limit: number;
  /** Articles created before this one (ids are time-ordered). */
  afterId: string | undefined;
}

export interface ArticleStore {
  transaction<T>(work: (transaction: ArticleTransaction) => Promise<T>): Promise<T>;
  findById(id: string): Promise<Article | undefined>;
  /** Newest first. */
  list(query: ArticleListQuery): Promise<Article[]>;
  /** Newest first. */
  versions(articleId: string): Promise<ArticleVersion[]>;
  findVersion(articleId: string, number: number): Promise<ArticleVersion | undefined>;
  /** Oldest first. */
  reviews(articleId: string): Promise<ArticleReview[]>;
  categories(): Promise<KnowledgeCategory[]>;
}

export const ARTICLE_STORE = Symbol('ArticleStore');
