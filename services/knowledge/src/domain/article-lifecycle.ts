import { assertUnreachable } from '@itsm/lang';
import { type Article, type ArticleStatus, sameContent } from './article';
import type { ArticleReview, ArticleVersion } from './article-version';
import {
  type FieldViolation,
  KnowledgeError,
  KnowledgeErrorCode,
  throwIfInvalid,
} from './knowledge-error';

export const ARTICLE_ACTIONS = [
  'submit',
  'approve',
  'send_back',
  'publish',
  'archive',
  'rollback',
] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];

export const REVIEW_COMMENT_MAX_LENGTH = 2000;

/**
 * The review workflow: which action leads from which status where. `approve` and `rollback`
 * publish a new version; `publish` brings an archived article's last version back.
 */
export const ARTICLE_LIFECYCLE: Readonly<
  Record<ArticleAction, { from: readonly ArticleStatus[]; to: ArticleStatus }>
> = {
  submit: { from: ['draft'], to: 'in_review' },
  approve: { from: ['in_review'], to: 'published' },
  send_back: { from: ['in_review'], to: 'draft' },
  publish: { from: ['archived'], to: 'published' },
  archive: { from: ['draft', 'in_review', 'published'], to: 'archived' },
  rollback: { from: ['draft', 'published'], to: 'published' },
};

/** Actions that need a live version to work with. */
const NEEDS_LIVE_VERSION: readonly ArticleAction[] = ['publish', 'rollback'];

export function allowedArticleActions(
  article: Pick<Article, 'status' | 'publishedVersion'>,
): ArticleAction[] {
  return ARTICLE_ACTIONS.filter(
    (action) =>
      ARTICLE_LIFECYCLE[action].from.includes(article.status) &&
      (article.publishedVersion > 0 || !NEEDS_LIVE_VERSION.includes(action)),
  );
}

export interface ArticleTransitionInput {
  action: ArticleAction;
  actorId: string;
  /** The reviewer's reason; required with send_back. */
  comment?: string | undefined;
  /** The version a rollback restores, read by the caller. */
  restore?: ArticleVersion | undefined;
}

export interface ArticleTransitionContext {
  now: Date;
  /** Id of the review record approve and send_back write. */
  reviewId: string;
}

export interface ArticleTransition {
  article: Article;
  from: ArticleStatus;
  /** The version approve or rollback published. */
  version: ArticleVersion | null;
  /** The reviewer's decision of approve or send_back. */
  review: ArticleReview | null;
}

function refuse(article: Article, action: ArticleAction, reason?: string): never {
  const allowed = allowedArticleActions(article);
  throw new KnowledgeError(
    KnowledgeErrorCode.InvalidTransition,
    reason ??
      `cannot ${action} an article that is ${article.status}; allowed: ${allowed.join(', ') || 'none'}`,
    [],
    { currentStatus: article.status, allowedActions: allowed },
  );
}

/**
 * Moves an article through its review workflow. Approving publishes the working copy as the
 * next version (four eyes: not by its editor); rolling back publishes an earlier version's
 * content as the next one; publishing brings an archived article's live version back and keeps
 * unreviewed changes of the working copy as a draft.
 */
export function transitionArticle(
  article: Article,
  input: ArticleTransitionInput,
  { now, reviewId }: ArticleTransitionContext,
): ArticleTransition {
  const actorId = input.actorId.trim();
  const violations: FieldViolation[] = [];
  if (!actorId) violations.push({ field: 'actorId', message: 'actorId is required' });
  throwIfInvalid(`cannot ${input.action} the article`, violations);
  if (!allowedArticleActions(article).includes(input.action)) refuse(article, input.action);

  const changed: Article = {
    ...article,
    status: ARTICLE_LIFECYCLE[input.action].to,
    updatedAt: now,
    revision: article.revision + 1,
  };
  const review = (decision: ArticleReview['decision'], comment: string): ArticleReview => ({
    id: reviewId,
    articleId: article.id,
    reviewerId: actorId,
    decision,
    comment,
    revision: article.revision,
    createdAt: now,
  });

  switch (input.action) {
    case 'submit': {
      if (article.content.body.trim().length === 0) {
        throwIfInvalid('an article needs a body before review', [
          { field: 'content.body', message: 'body is required for review' },
        ]);
      }
      return { article: changed, from: article.status, version: null, review: null };
    }
    case 'approve': {
      if (actorId === article.editorId) {
        throwIfInvalid('a reviewer cannot approve their own changes', [
          { field: 'actorId', message: 'the reviewer must not be the last editor' },
        ]);
      }
      const version: ArticleVersion = {
        articleId: article.id,
        number: article.publishedVersion + 1,
        content: article.content,
        authorId: article.editorId,
        approvedBy: actorId,
        origin: 'approve',
        restoredFrom: null,
        publishedAt: now,
      };
      return {
        article: {
          ...changed,
          publishedVersion: version.number,
          publishedContent: version.content,
          publishedAt: now,
        },
        from: article.status,
        version,
        review: review('approved', input.comment?.trim() ?? ''),
      };
    }
    case 'send_back': {
      const comment = input.comment?.trim() ?? '';
      if (comment.length === 0 || comment.length > REVIEW_COMMENT_MAX_LENGTH) {
        throwIfInvalid('sending back needs a comment', [
          {
            field: 'comment',
            message: `comment is required: 1 to ${REVIEW_COMMENT_MAX_LENGTH} characters telling the author what to change`,
          },
        ]);
      }
      return {
        article: changed,
        from: article.status,
        version: null,
        review: review('sent_back', comment),
      };
    }
    case 'publish':
      return {
        article: {
          ...changed,
          // Unreviewed changes of the working copy stay a draft beside the live version.
          status: sameContent(article.content, article.publishedContent) ? 'published' : 'draft',
          publishedAt: now,
        },
        from: article.status,
        version: null,
        review: null,
      };
    case 'archive':
      return { article: changed, from: article.status, version: null, review: null };
    case 'rollback': {
      const restore = input.restore;
      if (!restore || restore.articleId !== article.id) {
        throwIfInvalid('rollback needs a version of this article', [
          { field: 'version', message: 'version must name a published version of the article' },
        ]);
        return refuse(article, 'rollback');
      }
      if (restore.number === article.publishedVersion) {
        refuse(article, 'rollback', `version ${restore.number} is the live version already`);
      }
      const version: ArticleVersion = {
        articleId: article.id,
        number: article.publishedVersion + 1,
        content: restore.content,
        authorId: actorId,
        approvedBy: actorId,
        origin: 'rollback',
        restoredFrom: restore.number,
        publishedAt: now,
      };
      return {
        article: {
          ...changed,
          content: restore.content,
          editorId: actorId,
          publishedVersion: version.number,
          publishedContent: restore.content,
          publishedAt: now,
        },
        from: article.status,
        version,
        review: null,
      };
    }
    default:
      return assertUnreachable(input.action, 'article action');
  }
}
