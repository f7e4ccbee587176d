import type { ArticleAction } from '../../domain/article-lifecycle';

export interface TransitionArticleCommand {
  articleId: string;
  action: ArticleAction;
  actorId: string;
  comment: string | undefined;
  /** The version rollback restores. */
  version: number | undefined;
  expectedRevision: number | undefined;
}
