import { createCategory, type KnowledgeCategory } from '../../domain/category';
import { KnowledgeError, KnowledgeErrorCode, throwIfInvalid } from '../../domain/knowledge-error';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type { ArticleStore } from '../ports/article-store';

export interface CreateCategoryCommand {
  name: string;
  parentId: string | undefined;
  actorId: string;
}

/** Adds a node to the category tree; sibling names are unique regardless of case. */
export class CreateCategoryUseCase {
  constructor(
    private readonly articles: ArticleStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  execute(command: CreateCategoryCommand): Promise<KnowledgeCategory> {
    return this.articles.transaction(async (transaction) => {
      const parent = command.parentId
        ? await transaction.findCategory(command.parentId)
        : undefined;
      if (command.parentId && !parent) {
        throwIfInvalid('the category is invalid', [
          { field: 'parentId', message: `category ${command.parentId} does not exist` },
        ]);
      }
      const category = createCategory({
        id: this.ids.newId(),
        name: command.name,
        parent: parent ?? null,
        now: this.clock.now(),
      });
      if ((await transaction.insertCategory(category)) === 'name-taken') {
        throw new KnowledgeError(
          KnowledgeErrorCode.AlreadyExists,
          `a category named "${category.name}" exists there already`,
          [{ field: 'name', message: 'sibling categories need different names' }],
        );
      }
      return category;
    });
  }
}
