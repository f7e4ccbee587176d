import {
  ArticleAction,
  ArticleAudience,
  ArticleLanguage,
  ArticleReviewDecision,
  ArticleStatus,
  ArticleViewSource,
  restSpellings,
} from '@itsm/contracts';

/** REST spellings of the knowledge contract enums: `ARTICLE_STATUS_IN_REVIEW` ⇄ `in_review`. */
export const ARTICLE_STATUSES = restSpellings(ArticleStatus, 'ARTICLE_STATUS_');
export const ARTICLE_AUDIENCES = restSpellings(ArticleAudience, 'ARTICLE_AUDIENCE_');
export const ARTICLE_LANGUAGES = restSpellings(ArticleLanguage, 'ARTICLE_LANGUAGE_');
export const ARTICLE_ACTIONS = restSpellings(ArticleAction, 'ARTICLE_ACTION_');
export const REVIEW_DECISIONS = restSpellings(ArticleReviewDecision, 'ARTICLE_REVIEW_DECISION_');
export const VIEW_SOURCES = restSpellings(ArticleViewSource, 'ARTICLE_VIEW_SOURCE_');

/**
 * Whose view a read is for. Requesters are the default, so a client that says nothing never
 * sees an internal article; the agent view needs a permission (see `agent-view.ts`).
 */
export const VIEWS = ['requester', 'agent'] as const;

export type ArticleStatusName = (typeof ARTICLE_STATUSES)[number];
export type ArticleAudienceName = (typeof ARTICLE_AUDIENCES)[number];
export type ArticleLanguageName = (typeof ARTICLE_LANGUAGES)[number];
export type ArticleActionName = (typeof ARTICLE_ACTIONS)[number];
export type ReviewDecisionName = (typeof REVIEW_DECISIONS)[number];
export type ViewSourceName = (typeof VIEW_SOURCES)[number];
export type ViewName = (typeof VIEWS)[number];
