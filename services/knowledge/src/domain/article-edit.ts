import { type Article, type ArticleContent, checkDates, normalizeContent } from './article';
import {
  type FieldViolation,
  KnowledgeError,
  KnowledgeErrorCode,
  throwIfInvalid,
} from './knowledge-error';
import { allowedArticleActions } from './article-lifecycle';

/** Fields that change the working copy and so need a review. */
export const CONTENT_FIELDS = [
  'title',
  'body',
  'audience',
  'categoryId',
  'tags',
  'serviceIds',
  'configurationItemIds',
] as const satisfies readonly (keyof ArticleContent)[];

/** Fields that change the article at once, without a review. */
export const ARTICLE_SETTINGS = ['reviewBy', 'expiresAt', 'outdated'] as const;

export type EditableField = (typeof CONTENT_FIELDS)[number] | (typeof ARTICLE_SETTINGS)[number];

/** The fields an edit names; absent fields stay as they are. */
export interface ArticleEdit {
  content?: Partial<ArticleContent>;
  reviewBy?: Date | null;
  expiresAt?: Date | null;
  outdated?: boolean;
}

export interface ArticleEditResult {
  article: Article;
  /** False when the edit set every field to what it was: nothing to write. */
  changed: boolean;
  /** The working copy changed (a published article now has a draft revision). */
  contentChanged: boolean;
}

/**
 * Applies an edit. A content change of an article in review is refused (the reviewer would
 * approve something else than they read); of a published article it starts a draft revision
 * while the live version stays readable. Archived articles are not edited.
 */
export function editArticle(
  article: Article,
  edit: ArticleEdit,
  editorId: string,
  now: Date,
): ArticleEditResult {
  const editor = editorId.trim();
  if (!editor) {
    throwIfInvalid('the edit is invalid', [{ field: 'editorId', message: 'editorId is required' }]);
  }
  if (article.status === 'archived') {
    throw new KnowledgeError(
      KnowledgeErrorCode.InvalidTransition,
      'an archived article is not edited; publish it first',
      [],
      { currentStatus: article.status, allowedActions: allowedArticleActions(article) },
    );
  }
  const violations: FieldViolation[] = [];
  const content = normalizeContent({ ...article.content, ...edit.content }, violations);
  const reviewBy = edit.reviewBy === undefined ? article.reviewBy : edit.reviewBy;
  const expiresAt = edit.expiresAt === undefined ? article.expiresAt : edit.expiresAt;
  checkDates(violations, { reviewBy, expiresAt });
  throwIfInvalid('the edit is invalid', violations);

  const contentChanged = CONTENT_FIELDS.some(
    (field) => JSON.stringify(content[field]) !== JSON.stringify(article.content[field]),
  );
  if (contentChanged && article.status === 'in_review') {
    throw new KnowledgeError(
      KnowledgeErrorCode.InvalidTransition,
      'an article in review is not edited; the reviewer sends it back first',
      [],
      { currentStatus: article.status, allowedActions: allowedArticleActions(article) },
    );
  }
  const outdatedFlag = edit.outdated ?? article.outdatedFlag;
  const settingsChanged =
    reviewBy?.getTime() !== article.reviewBy?.getTime() ||
    expiresAt?.getTime() !== article.expiresAt?.getTime() ||
    outdatedFlag !== article.outdatedFlag;
  if (!contentChanged && !settingsChanged) {
    return { article, changed: false, contentChanged: false };
  }
  return {
    article: {
      ...article,
      content,
      status: contentChanged && article.status === 'published' ? 'draft' : article.status,
      editorId: contentChanged ? editor : article.editorId,
      reviewBy,
      expiresAt,
      outdatedFlag,
      updatedAt: now,
      revision: article.revision + 1,
    },
    changed: true,
    contentChanged,
  };
}
