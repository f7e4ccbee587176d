import { type KnowledgeCategory, treeOrder } from '../../domain/category';
import type { ArticleStore } from '../ports/article-store';

export class ListCategoriesUseCase {
  constructor(private readonly articles: ArticleStore) {}

  async execute(): Promise<KnowledgeCategory[]> {
    return treeOrder(await this.articles.categories());
  }
}
