import { ArticleUpdated } from '@itsm/contracts';
import type { Article } from '../../domain/article';
import { editArticle } from '../../domain/article-edit';
import { type FieldViolation, throwIfInvalid } from '../../domain/knowledge-error';
import { lockArticle, recordArticleChange } from '../article-changes';
import { checkCategory } from '../create-article/create-article.use-case';
import type { ArticleStore } from '../ports/article-store';
import type { Clock } from '../ports/clock';
import type { UpdateArticleCommand } from './update-article.command';

/**
 * Edits the working copy or the article's dates and flag. An edit that changes nothing writes
 * nothing and emits nothing.
 */
export class UpdateArticleUseCase {
  constructor(
    private readonly articles: ArticleStore,
    private readonly clock: Clock,
  ) {}

  execute(command: UpdateArticleCommand): Promise<Article> {
    return this.articles.transaction(async (transaction) => {
      const before = await lockArticle(transaction, command.articleId, command.expectedRevision);
      const violations: FieldViolation[] = [];
      const categoryId = command.edit.content?.categoryId;
      if (categoryId !== undefined && categoryId !== before.content.categoryId) {
        await checkCategory(transaction, categoryId, violations);
      }
      throwIfInvalid('the edit is invalid', violations);
      const now = this.clock.now();
      const { article, changed } = editArticle(before, command.edit, command.editorId, now);
      if (!changed) return before;
      await transaction.update(article, before.revision);
      await recordArticleChange(transaction, {
        before,
        after: article,
        eventType: ArticleUpdated,
        action: undefined,
        actorId: command.editorId.trim(),
        now,
      });
      return article;
    });
  }
}
