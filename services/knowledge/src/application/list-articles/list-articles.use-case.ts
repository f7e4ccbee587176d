import type { Article, ArticleStatus, Language } from '../../domain/article';
import { KnowledgeError, KnowledgeErrorCode, throwIfInvalid } from '../../domain/knowledge-error';
import type { ArticleStore } from '../ports/article-store';
import type { Clock } from '../ports/clock';

export interface ListArticlesQuery {
  pageSize: number | undefined;
  pageToken: string | undefined;
  status: ArticleStatus | undefined;
  language: Language | undefined;
  categoryId: string | undefined;
  authorId: string | undefined;
  outdatedOnly: boolean;
}

export interface ArticlePage {
  articles: Article[];
  nextPageToken: string | undefined;
}

const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque to clients: where the previous page ended. */
export function encodePageToken(lastId: string): string {
  return Buffer.from(JSON.stringify({ after: lastId })).toString('base64url');
}

export function decodePageToken(token: string): string {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    const after = (decoded as { after?: unknown }).after;
    if (typeof after === 'string' && UUID.test(after)) return after;
  } catch {
    // Falls through to the refusal below.
  }
  throw new KnowledgeError(KnowledgeErrorCode.InvalidPageToken, 'the page token is not valid', [
    { field: 'pageToken', message: 'use the nextPageToken of a previous page' },
  ]);
}

/** The authors' and reviewers' list, newest first, from PostgreSQL (drafts included). */
export class ListArticlesUseCase {
  constructor(
    private readonly articles: ArticleStore,
    private readonly clock: Clock,
  ) {}

  async execute(query: ListArticlesQuery): Promise<ArticlePage> {
    const limit = query.pageSize || DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throwIfInvalid('the list is invalid', [
        { field: 'pageSize', message: `pageSize must be 1 to ${MAX_PAGE_SIZE}` },
      ]);
    }
    const rows = await this.articles.list({
      status: query.status,
      language: query.language,
      categoryId: query.categoryId || undefined,
      authorId: query.authorId || undefined,
      outdatedAt: query.outdatedOnly ? this.clock.now() : undefined,
      limit: limit + 1,
      afterId: query.pageToken ? decodePageToken(query.pageToken) : undefined,
    });
    const articles = rows.slice(0, limit);
    const last = articles.at(-1);
    return {
      articles,
      nextPageToken: rows.length > limit && last ? encodePageToken(last.id) : undefined,
    };
  }
}
