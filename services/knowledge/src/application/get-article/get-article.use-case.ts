import type { Article } from '../../domain/article';
import { isReadableBy, type Viewer, viewOf } from '../../domain/article-visibility';
import { notFound } from '../../domain/knowledge-error';
import type { ArticleStore } from '../ports/article-store';
import type { Clock } from '../ports/clock';

/** Finds an article the viewer may read; otherwise it does not exist for them. */
export async function readableArticle(
  articles: ArticleStore,
  id: string,
  viewer: Viewer,
  now: Date,
): Promise<Article> {
  const article = await articles.findById(id);
  if (!article || !isReadableBy(article, viewer, now)) throw notFound(`article ${id}`);
  return article;
}

export class GetArticleUseCase {
  constructor(
    private readonly articles: ArticleStore,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, viewer: Viewer): Promise<Article> {
    return viewOf(await readableArticle(this.articles, id, viewer, this.clock.now()), viewer);
  }
}
