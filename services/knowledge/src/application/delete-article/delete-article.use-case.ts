import { ArticleDeleted } from '@itsm/contracts';
import { allowedArticleActions } from '../../domain/article-lifecycle';
import { KnowledgeError, KnowledgeErrorCode, throwIfInvalid } from '../../domain/knowledge-error';
import { lockArticle } from '../article-changes';
import type { ArticleStore } from '../ports/article-store';
import type { Clock } from '../ports/clock';

/**
 * Deletes a draft that was never published (it has no versions, no readers and no place in the
 * index). Anything that was published once is archived instead, so its history stays.
 */
export class DeleteArticleUseCase {
  constructor(
    private readonly articles: ArticleStore,
    private readonly clock: Clock,
  ) {}

  execute(articleId: string, actorId: string): Promise<void> {
    if (!actorId.trim()) {
      throwIfInvalid('cannot delete the article', [
        { field: 'actorId', message: 'actorId is required' },
      ]);
    }
    return this.articles.transaction(async (transaction) => {
      const article = await lockArticle(transaction, articleId, undefined);
      if (article.publishedVersion > 0 || article.status !== 'draft') {
        throw new KnowledgeError(
          KnowledgeErrorCode.InvalidTransition,
          'only drafts that were never published are deleted; archive this article instead',
          [],
          { currentStatus: article.status, allowedActions: allowedArticleActions(article) },
        );
      }
      await transaction.delete(article.id);
      await transaction.emit(ArticleDeleted, {
        key: article.id,
        payload: { articleId: article.id, actorId: actorId.trim() },
        occurredAt: this.clock.now(),
      });
    });
  }
}
