import type { ArticleEdit } from '../../domain/article-edit';

export interface UpdateArticleCommand {
  articleId: string;
  /** The revision the editor saw; undefined skips the check. */
  expectedRevision: number | undefined;
  editorId: string;
  edit: ArticleEdit;
}
