import { assertUnreachable } from '@itsm/lang';
import type { Article } from './article';

/** Whose eyes a read is for. Requesters get the narrowest view; it is the default. */
export type Viewer = 'requester' | 'agent';

/** The article has a live version that is not archived: it belongs in the search index. */
export function isSearchable(article: Pick<Article, 'publishedVersion' | 'status'>): boolean {
  return article.publishedVersion > 0 && article.status !== 'archived';
}

export function isExpired(article: Pick<Article, 'expiresAt'>, now: Date): boolean {
  return article.expiresAt !== null && article.expiresAt.getTime() <= now.getTime();
}

/** Flagged by hand, or its review date has come. */
export function isOutdated(
  article: Pick<Article, 'outdatedFlag' | 'reviewBy'>,
  now: Date,
): boolean {
  return (
    article.outdatedFlag ||
    (article.reviewBy !== null && article.reviewBy.getTime() <= now.getTime())
  );
}

/**
 * Agents read every article. A requester reads only a live, public, unexpired version: an
 * internal, draft-only, archived or expired article does not exist for them.
 */
export function isReadableBy(article: Article, viewer: Viewer, now: Date): boolean {
  switch (viewer) {
    case 'agent':
      return true;
    case 'requester':
      return (
        isSearchable(article) &&
        article.publishedContent?.audience === 'public' &&
        !isExpired(article, now)
      );
    default:
      return assertUnreachable(viewer, 'viewer');
  }
}

/**
 * The article as a viewer sees it: a requester gets the live content as the content, and
 * nothing of the working copy or who edited it.
 */
export function viewOf(article: Article, viewer: Viewer): Article {
  if (viewer === 'agent' || !article.publishedContent) return article;
  return {
    ...article,
    status: 'published',
    content: article.publishedContent,
    editorId: '',
  };
}
