import {
  ArticleAction as ArticleActionMessage,
  type ArticleChangedEvent,
  type EventType,
} from '@itsm/contracts';
import type { Article } from '../domain/article';
import type { ArticleAction } from '../domain/article-lifecycle';
import { isSearchable } from '../domain/article-visibility';
import { KnowledgeError, KnowledgeErrorCode, notFound } from '../domain/knowledge-error';
import { articleActionMessages, toArticleMessage } from './article-message.mapper';
import type { ArticleTransaction } from './ports/article-store';

/**
 * Reads and locks the article for a change at the revision the caller saw (If-Match); 0 or
 * undefined skips the check.
 */
export async function lockArticle(
  transaction: ArticleTransaction,
  id: string,
  expectedRevision: number | undefined,
): Promise<Article> {
  const article = await transaction.findForUpdate(id);
  if (!article) throw notFound(`article ${id}`);
  if (expectedRevision && expectedRevision !== article.revision) {
    throw new KnowledgeError(
      KnowledgeErrorCode.VersionConflict,
      `article ${id} is at revision ${article.revision}, not ${expectedRevision}; reload it and try again`,
      [],
      { currentRevision: article.revision },
    );
  }
  return article;
}

export interface ArticleChange {
  before: Article | undefined;
  after: Article;
  eventType: EventType<ArticleChangedEvent>;
  action: ArticleAction | undefined;
  actorId: string;
  comment?: string;
  /** The version that went live, for published events. */
  version?: number;
  now: Date;
}

/**
 * Writes what every article change writes besides the row itself: its event, and its place in
 * the search index's queue when the change can touch the index (the article is or was searchable).
 */
export async function recordArticleChange(
  transaction: ArticleTransaction,
  change: ArticleChange,
): Promise<void> {
  const { before, after, now } = change;
  await transaction.emit(change.eventType, {
    key: after.id,
    payload: {
      article: toArticleMessage(after, now),
      action: change.action
        ? articleActionMessages[change.action]
        : ArticleActionMessage.ARTICLE_ACTION_UNSPECIFIED,
      actorId: change.actorId,
      comment: change.comment ?? '',
      version: change.version ?? 0,
    },
    occurredAt: now,
  });
  if ((before && isSearchable(before)) || isSearchable(after)) {
    await transaction.queueForIndex([after.id]);
  }
}
