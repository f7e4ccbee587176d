import type { ArticleContent, Language } from '../../domain/article';

export interface CreateArticleCommand {
  language: Language;
  content: ArticleContent;
  authorId: string;
  /** The article this one translates. */
  translationOf: string | undefined;
  reviewBy: Date | null;
  expiresAt: Date | null;
}
