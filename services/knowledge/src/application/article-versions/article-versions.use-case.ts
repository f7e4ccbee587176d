import type { ArticleReview, ArticleVersion, ContentChange } from '../../domain/article-version';
import { contentChanges, unifiedDiff } from '../../domain/article-version';
import { notFound } from '../../domain/knowledge-error';
import type { ArticleStore } from '../ports/article-store';

export interface VersionWithChanges {
  version: ArticleVersion;
  /** Against the version before it; every field for version 1. */
  changes: ContentChange[];
  bodyDiff: string;
}

/** The published history of an article: versions, what each changed, and the reviews. */
export class ArticleVersionsUseCase {
  constructor(private readonly articles: ArticleStore) {}

  async list(articleId: string): Promise<ArticleVersion[]> {
    await this.requireArticle(articleId);
    return this.articles.versions(articleId);
  }

  async get(articleId: string, number: number): Promise<VersionWithChanges> {
    const version = await this.articles.findVersion(articleId, number);
    if (!version) throw notFound(`version ${number} of article ${articleId}`);
    const previous =
      number > 1 ? await this.articles.findVersion(articleId, number - 1) : undefined;
    return {
      version,
      changes: contentChanges(previous?.content ?? null, version.content),
      bodyDiff: unifiedDiff(previous?.content.body ?? '', version.content.body, {
        before: previous ? `v${previous.number}` : 'empty',
        after: `v${version.number}`,
      }),
    };
  }

  async reviews(articleId: string): Promise<ArticleReview[]> {
    await this.requireArticle(articleId);
    return this.articles.reviews(articleId);
  }

  private async requireArticle(articleId: string): Promise<void> {
    if (!(await this.articles.findById(articleId))) throw notFound(`article ${articleId}`);
  }
}
