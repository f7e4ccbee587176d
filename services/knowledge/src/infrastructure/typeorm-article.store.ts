import type { DataSource, EntityManager } from 'typeorm';
import type { EventType } from '@itsm/contracts';
import type { OutboxWriter } from '@itsm/messaging';
import type { Article } from '../domain/article';
import type { ArticleReview, ArticleVersion, ReviewDecision } from '../domain/article-version';
import type { KnowledgeCategory } from '../domain/category';
import type {
  ArticleListQuery,
  ArticleStore,
  ArticleTransaction,
  EmittedEvent,
} from '../application/ports/article-store';
import {
  ARTICLE_COLUMNS,
  ARTICLES_WITH_LIVE_VERSION,
  type ArticleRow,
  CONTENT_COLUMN_NAMES,
  contentValues,
  toArticle,
  toVersion,
  type VersionRow,
} from './article-row.mapper';

interface CategoryRow {
  id: string;
  parent_id: string | null;
  name: string;
  path: string[];
  created_at: Date;
}

interface ReviewRow {
  id: string;
  article_id: string;
  reviewer_id: string;
  decision: string;
  comment: string;
  revision: number;
  created_at: Date;
}

function toCategory(row: CategoryRow): KnowledgeCategory {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    path: row.path,
    createdAt: row.created_at,
  };
}

function toReview(row: ReviewRow): ArticleReview {
  return {
    id: row.id,
    articleId: row.article_id,
    reviewerId: row.reviewer_id,
    decision: row.decision as ReviewDecision,
    comment: row.comment,
    revision: row.revision,
    createdAt: row.created_at,
  };
}

async function findArticle(
  manager: EntityManager,
  id: string,
  lock: boolean,
): Promise<Article | undefined> {
  const [row] = (await manager.query(
    `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLES_WITH_LIVE_VERSION} WHERE a.id = $1${lock ? ' FOR UPDATE OF a' : ''}`,
    [id],
  )) as ArticleRow[];
  return row ? toArticle(row) : undefined;
}

async function findVersion(
  manager: EntityManager,
  articleId: string,
  number: number,
): Promise<ArticleVersion | undefined> {
  const [row] = (await manager.query(
    `SELECT * FROM article_versions WHERE article_id = $1 AND number = $2`,
    [articleId, number],
  )) as VersionRow[];
  return row ? toVersion(row) : undefined;
}

async function findCategory(
  manager: EntityManager,
  id: string,
): Promise<KnowledgeCategory | undefined> {
  const [row] = (await manager.query(`SELECT * FROM knowledge_categories WHERE id = $1`, [
    id,
  ])) as CategoryRow[];
  return row ? toCategory(row) : undefined;
}

/** The article columns that change, with their values; one list so insert and update agree. */
function articleValues(article: Article): [column: string, value: unknown][] {
  return [
    ['status', article.status],
    ...CONTENT_COLUMN_NAMES.map((column, index): [string, unknown] => [
      column,
      contentValues(article.content)[index],
    ]),
    ['published_version', article.publishedVersion],
    ['editor_id', article.editorId],
    ['updated_at', article.updatedAt],
    ['published_at', article.publishedAt],
    ['review_by', article.reviewBy],
    ['expires_at', article.expiresAt],
    ['outdated', article.outdatedFlag],
    ['revision', article.revision],
  ];
}

/**
 * PostgreSQL store of articles, their versions, reviews and categories. A transaction covers
 * the article, its version and review, its outbox event and its place in the index queue.
 */
export class TypeOrmArticleStore implements ArticleStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  transaction<T>(work: (transaction: ArticleTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(this.transactionOn(manager)));
  }

  findById(id: string): Promise<Article | undefined> {
    return findArticle(this.dataSource.manager, id, false);
  }

  async list(query: ArticleListQuery): Promise<Article[]> {
    const conditions: string[] = [];
    const values: unknown[] = [];
    const where = (condition: (placeholder: string) => string, value: unknown) => {
      values.push(value);
      conditions.push(condition(`$${values.length}`));
    };
    if (query.status) where((p) => `a.status = ${p}`, query.status);
    if (query.language) where((p) => `a.language = ${p}`, query.language);
    if (query.authorId) where((p) => `a.author_id = ${p}`, query.authorId);
    if (query.categoryId) {
      where(
        (p) =>
          `a.category_id IN (SELECT id FROM knowledge_categories WHERE ${p}::uuid = ANY (path))`,
        query.categoryId,
      );
    }
    if (query.outdatedAt) {
      where((p) => `(a.outdated OR a.review_by <= ${p})`, query.outdatedAt);
    }
    if (query.afterId) where((p) => `a.id < ${p}`, query.afterId);
    values.push(query.limit);
    const rows = (await this.dataSource.query(
      `SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLES_WITH_LIVE_VERSION}
        ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY a.id DESC LIMIT $${values.length}`,
      values,
    )) as ArticleRow[];
    return rows.map(toArticle);
  }

  async versions(articleId: string): Promise<ArticleVersion[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM article_versions WHERE article_id = $1 ORDER BY number DESC`,
      [articleId],
    )) as VersionRow[];
    return rows.map(toVersion);
  }

  findVersion(articleId: string, number: number): Promise<ArticleVersion | undefined> {
    return findVersion(this.dataSource.manager, articleId, number);
  }

  async reviews(articleId: string): Promise<ArticleReview[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM article_reviews WHERE article_id = $1 ORDER BY created_at, id`,
      [articleId],
    )) as ReviewRow[];
    return rows.map(toReview);
  }

  async categories(): Promise<KnowledgeCategory[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM knowledge_categories`,
    )) as CategoryRow[];
    return rows.map(toCategory);
  }

  private transactionOn(manager: EntityManager): ArticleTransaction {
    const outbox = this.outbox;
    return {
      findForUpdate: (id) => findArticle(manager, id, true),
      insert: async (article) => {
        const columns: [string, unknown][] = [
          ['id', article.id],
          ['language', article.language],
          ['translation_group_id', article.translationGroupId],
          ['author_id', article.authorId],
          ['created_at', article.createdAt],
          ...articleValues(article),
        ];
        const inserted = (await manager.query(
          `INSERT INTO articles (${columns.map(([column]) => column).join(', ')})
           VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')})
           ON CONFLICT ON CONSTRAINT articles_one_per_language DO NOTHING
           RETURNING id`,
          columns.map(([, value]) => value),
        )) as unknown[];
        return inserted.length === 1 ? 'inserted' : 'language-taken';
      },
      update: async (article, previousRevision) => {
        const columns = articleValues(article);
        const [, count] = (await manager.query(
          `UPDATE articles SET ${columns.map(([column], index) => `${column} = $${index + 1}`).join(', ')}
            WHERE id = $${columns.length + 1} AND revision = $${columns.length + 2}`,
          [...columns.map(([, value]) => value), article.id, previousRevision],
        )) as [unknown, number];
        // The row is locked by findForUpdate, so this only fails on a programming error.
        if (count !== 1) throw new Error(`article ${article.id} changed under its lock`);
      },
      delete: async (id) => {
        await manager.query(`DELETE FROM articles WHERE id = $1`, [id]);
      },
      insertVersion: async (version) => {
        await manager.query(
          `INSERT INTO article_versions (article_id, number, ${CONTENT_COLUMN_NAMES.join(', ')},
             author_id, approved_by, origin, restored_from, published_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
          [
            version.articleId,
            version.number,
            ...contentValues(version.content),
            version.authorId,
            version.approvedBy,
            version.origin,
            version.restoredFrom,
            version.publishedAt,
          ],
        );
      },
      findVersion: (articleId, number) => findVersion(manager, articleId, number),
      insertReview: async (review) => {
        await manager.query(
          `INSERT INTO article_reviews (id, article_id, reviewer_id, decision, comment, revision, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            review.id,
            review.articleId,
            review.reviewerId,
            review.decision,
            review.comment,
            review.revision,
            review.createdAt,
          ],
        );
      },
      findCategory: (id) => findCategory(manager, id),
      insertCategory: async (category) => {
        // The only unique index besides the fresh id is the sibling name.
        const inserted = (await manager.query(
          `INSERT INTO knowledge_categories (id, parent_id, name, path, created_at)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT DO NOTHING
           RETURNING id`,
          [category.id, category.parentId, category.name, category.path, category.createdAt],
        )) as unknown[];
        return inserted.length === 1 ? 'inserted' : 'name-taken';
      },
      emit: async <T>(eventType: EventType<T>, event: EmittedEvent<T>) => {
        await outbox.append(manager, eventType, event);
      },
      queueForIndex: async (articleIds) => {
        await queueForIndex(manager, articleIds);
      },
    };
  }
}

/**
 * Queues articles for the index: a new row, or a new position for a queued one, so the
 * projector knows it must read the article again even if it is applying the old state now.
 */
export async function queueForIndex(
  manager: EntityManager,
  articleIds: readonly string[],
): Promise<void> {
  if (articleIds.length === 0) return;
  await manager.query(
    `INSERT INTO article_index_queue (article_id)
     SELECT unnest($1::uuid[])
     ON CONFLICT (article_id) DO UPDATE
       SET seq = nextval('article_index_queue_seq'), queued_at = now(), attempts = 0, last_error = NULL`,
    [articleIds],
  );
}
