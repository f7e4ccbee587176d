import { ArticleCreated } from '@itsm/contracts';
import { type Article, createArticle } from '../../domain/article';
import {
  type FieldViolation,
  KnowledgeError,
  KnowledgeErrorCode,
  throwIfInvalid,
} from '../../domain/knowledge-error';
import { recordArticleChange } from '../article-changes';
import type { ArticleStore, ArticleTransaction } from '../ports/article-store';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type { CreateArticleCommand } from './create-article.command';

/** Checks that the category exists; an edit names it the same way. */
export async function checkCategory(
  transaction: ArticleTransaction,
  categoryId: string | null,
  violations: FieldViolation[],
): Promise<void> {
  if (categoryId && !(await transaction.findCategory(categoryId))) {
    violations.push({
      field: 'content.categoryId',
      message: `category ${categoryId} does not exist`,
    });
  }
}

/** Writes a new draft and its event; as a translation, it joins the original's group. */
export class CreateArticleUseCase {
  constructor(
    private readonly articles: ArticleStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  execute(command: CreateArticleCommand): Promise<Article> {
    return this.articles.transaction(async (transaction) => {
      const violations: FieldViolation[] = [];
      await checkCategory(transaction, command.content.categoryId, violations);
      const original = command.translationOf
        ? await transaction.findForUpdate(command.translationOf)
        : undefined;
      if (command.translationOf && !original) {
        violations.push({
          field: 'translationOf',
          message: `article ${command.translationOf} does not exist`,
        });
      }
      throwIfInvalid('the article is invalid', violations);
      const now = this.clock.now();
      const article = createArticle({
        id: this.ids.newId(),
        language: command.language,
        content: command.content,
        authorId: command.authorId,
        translationGroupId: original?.translationGroupId ?? null,
        reviewBy: command.reviewBy,
        expiresAt: command.expiresAt,
        now,
      });
      if ((await transaction.insert(article)) === 'language-taken') {
        throw new KnowledgeError(
          KnowledgeErrorCode.AlreadyExists,
          `the article has a ${article.language} translation already`,
          [{ field: 'language', message: 'one article per language in a translation group' }],
        );
      }
      await recordArticleChange(transaction, {
        before: undefined,
        after: article,
        eventType: ArticleCreated,
        action: undefined,
        actorId: article.authorId,
        now,
      });
      return article;
    });
  }
}
