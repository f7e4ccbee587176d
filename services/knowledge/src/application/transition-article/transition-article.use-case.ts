import {
  type ArticleChangedEvent,
  ArticleArchived,
  ArticlePublished,
  ArticleSentBack,
  ArticleSubmitted,
  type EventType,
} from '@itsm/contracts';
import { assertUnreachable } from '@itsm/lang';
import type { Article } from '../../domain/article';
import { type ArticleAction, transitionArticle } from '../../domain/article-lifecycle';
import type { ArticleVersion } from '../../domain/article-version';
import { lockArticle, recordArticleChange } from '../article-changes';
import type { ArticleStore } from '../ports/article-store';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type { TransitionArticleCommand } from './transition-article.command';

/** One event per transition; its type names what happened. */
export function eventTypeOf(action: ArticleAction): EventType<ArticleChangedEvent> {
  switch (action) {
    case 'submit':
      return ArticleSubmitted;
    case 'send_back':
      return ArticleSentBack;
    case 'approve':
    case 'publish':
    case 'rollback':
      return ArticlePublished;
    case 'archive':
      return ArticleArchived;
    default:
      return assertUnreachable(action, 'article action');
  }
}

export interface TransitionResult {
  article: Article;
  /** The version approve or rollback published. */
  version: ArticleVersion | null;
}

/**
 * Moves an article through its workflow in one transaction: the row is locked at the revision
 * the caller saw, the lifecycle decides, and the article, its new version, the reviewer's
 * decision, the event and the index queue entry are written together.
 */
export class TransitionArticleUseCase {
  constructor(
    private readonly articles: ArticleStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  execute(command: TransitionArticleCommand): Promise<TransitionResult> {
    return this.articles.transaction(async (transaction) => {
      const before = await lockArticle(transaction, command.articleId, command.expectedRevision);
      const restore =
        command.action === 'rollback' && command.version
          ? await transaction.findVersion(before.id, command.version)
          : undefined;
      const now = this.clock.now();
      const { article, version, review } = transitionArticle(
        before,
        {
          action: command.action,
          actorId: command.actorId,
          comment: command.comment,
          restore,
        },
        { now, reviewId: this.ids.newId() },
      );
      await transaction.update(article, before.revision);
      if (version) await transaction.insertVersion(version);
      if (review) await transaction.insertReview(review);
      await recordArticleChange(transaction, {
        before,
        after: article,
        eventType: eventTypeOf(command.action),
        action: command.action,
        actorId: command.actorId.trim(),
        comment: review?.comment ?? '',
        version: eventTypeOf(command.action) === ArticlePublished ? article.publishedVersion : 0,
        now,
      });
      return { article, version };
    });
  }
}
