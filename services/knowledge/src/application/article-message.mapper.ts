import {
  ArticleAction as ArticleActionMessage,
  ArticleAudience as ArticleAudienceMessage,
  type ArticleContent as ArticleContentMessage,
  type ArticleFeedback as ArticleFeedbackMessage,
  ArticleLanguage as ArticleLanguageMessage,
  type Article as ArticleMessage,
  ArticleReviewDecision as ArticleReviewDecisionMessage,
  type ArticleReview as ArticleReviewMessage,
  type ArticleSearchHit as ArticleSearchHitMessage,
  ArticleStatus as ArticleStatusMessage,
  type ArticleTicketLink as ArticleTicketLinkMessage,
  type ArticleVersion as ArticleVersionMessage,
  type KnowledgeCategory as KnowledgeCategoryMessage,
  type UnansweredSearch as UnansweredSearchMessage,
  toTimestamp,
} from '@itsm/contracts';
import type { Article, ArticleContent, ArticleStatus, Audience, Language } from '../domain/article';
import type { ArticleAction } from '../domain/article-lifecycle';
import type { ArticleReview, ArticleVersion, ReviewDecision } from '../domain/article-version';
import { isOutdated } from '../domain/article-visibility';
import type { KnowledgeCategory } from '../domain/category';
import type { ArticleFeedback, ArticleTicketLink, UnansweredSearch } from '../domain/feedback';
import type { ArticleSearchHit } from './ports/article-search';

/** Domain values ⇄ contract enums: one table per enum, so the two cannot drift apart. */
export const articleStatusMessages: Record<ArticleStatus, ArticleStatusMessage> = {
  draft: ArticleStatusMessage.ARTICLE_STATUS_DRAFT,
  in_review: ArticleStatusMessage.ARTICLE_STATUS_IN_REVIEW,
  published: ArticleStatusMessage.ARTICLE_STATUS_PUBLISHED,
  archived: ArticleStatusMessage.ARTICLE_STATUS_ARCHIVED,
};

export const audienceMessages: Record<Audience, ArticleAudienceMessage> = {
  public: ArticleAudienceMessage.ARTICLE_AUDIENCE_PUBLIC,
  internal: ArticleAudienceMessage.ARTICLE_AUDIENCE_INTERNAL,
};

export const languageMessages: Record<Language, ArticleLanguageMessage> = {
  ru: ArticleLanguageMessage.ARTICLE_LANGUAGE_RU,
  en: ArticleLanguageMessage.ARTICLE_LANGUAGE_EN,
};

export const articleActionMessages: Record<ArticleAction, ArticleActionMessage> = {
  submit: ArticleActionMessage.ARTICLE_ACTION_SUBMIT,
  approve: ArticleActionMessage.ARTICLE_ACTION_APPROVE,
  send_back: ArticleActionMessage.ARTICLE_ACTION_SEND_BACK,
  publish: ArticleActionMessage.ARTICLE_ACTION_PUBLISH,
  archive: ArticleActionMessage.ARTICLE_ACTION_ARCHIVE,
  rollback: ArticleActionMessage.ARTICLE_ACTION_ROLLBACK,
};

export const reviewDecisionMessages: Record<ReviewDecision, ArticleReviewDecisionMessage> = {
  approved: ArticleReviewDecisionMessage.ARTICLE_REVIEW_DECISION_APPROVED,
  sent_back: ArticleReviewDecisionMessage.ARTICLE_REVIEW_DECISION_SENT_BACK,
};

/** The domain value of a contract enum; undefined for UNSPECIFIED and unknown values. */
export function fromMessage<D extends string, M extends string>(
  table: Record<D, M>,
  value: M | undefined,
): D | undefined {
  const entry = Object.entries(table).find(([, message]) => message === value);
  return entry?.[0] as D | undefined;
}

function optionalTimestamp(date: Date | null) {
  return date ? toTimestamp(date) : undefined;
}

export function toContentMessage(content: ArticleContent): ArticleContentMessage {
  return {
    title: content.title,
    body: content.body,
    audience: audienceMessages[content.audience],
    categoryId: content.categoryId ?? '',
    tags: content.tags,
    serviceIds: content.serviceIds,
    configurationItemIds: content.configurationItemIds,
  };
}

export function toArticleMessage(article: Article, now: Date): ArticleMessage {
  return {
    id: article.id,
    language: languageMessages[article.language],
    translationGroupId: article.translationGroupId,
    status: articleStatusMessages[article.status],
    content: toContentMessage(article.content),
    publishedVersion: article.publishedVersion,
    publishedContent: article.publishedContent
      ? toContentMessage(article.publishedContent)
      : undefined,
    authorId: article.authorId,
    editorId: article.editorId,
    createdAt: toTimestamp(article.createdAt),
    updatedAt: toTimestamp(article.updatedAt),
    publishedAt: optionalTimestamp(article.publishedAt),
    reviewBy: optionalTimestamp(article.reviewBy),
    expiresAt: optionalTimestamp(article.expiresAt),
    outdated: isOutdated(article, now),
    revision: article.revision,
  };
}

export function toVersionMessage(version: ArticleVersion): ArticleVersionMessage {
  return {
    articleId: version.articleId,
    number: version.number,
    content: toContentMessage(version.content),
    authorId: version.authorId,
    approvedBy: version.approvedBy,
    action: articleActionMessages[version.origin],
    restoredFrom: version.restoredFrom ?? 0,
    publishedAt: toTimestamp(version.publishedAt),
  };
}

export function toReviewMessage(review: ArticleReview): ArticleReviewMessage {
  return {
    id: review.id,
    articleId: review.articleId,
    reviewerId: review.reviewerId,
    decision: reviewDecisionMessages[review.decision],
    comment: review.comment,
    revision: review.revision,
    createdAt: toTimestamp(review.createdAt),
  };
}

export function toCategoryMessage(category: KnowledgeCategory): KnowledgeCategoryMessage {
  return {
    id: category.id,
    parentId: category.parentId ?? '',
    name: category.name,
    path: category.path,
    createdAt: toTimestamp(category.createdAt),
  };
}

export function toFeedbackMessage(feedback: ArticleFeedback): ArticleFeedbackMessage {
  return { ...feedback };
}

export function toTicketLinkMessage(link: ArticleTicketLink): ArticleTicketLinkMessage {
  return {
    articleId: link.articleId,
    ticketId: link.ticketId,
    linkedBy: link.linkedBy,
    linkedAt: toTimestamp(link.linkedAt),
    articleTitle: link.articleTitle,
  };
}

export function toSearchHitMessage(hit: ArticleSearchHit): ArticleSearchHitMessage {
  return {
    articleId: hit.articleId,
    language: languageMessages[hit.language],
    audience: audienceMessages[hit.audience],
    title: hit.title,
    excerpt: hit.excerpt,
    categoryId: hit.categoryId ?? '',
    tags: hit.tags,
    version: hit.version,
    publishedAt: optionalTimestamp(hit.publishedAt),
    outdated: hit.outdated,
    score: hit.score,
    titleHighlight: hit.titleHighlight,
    bodyHighlights: hit.bodyHighlights,
  };
}

export function toUnansweredSearchMessage(search: UnansweredSearch): UnansweredSearchMessage {
  return {
    query: search.query,
    language: search.language
      ? languageMessages[search.language]
      : ArticleLanguageMessage.ARTICLE_LANGUAGE_UNSPECIFIED,
    searches: search.searches,
    lastSearchedAt: toTimestamp(search.lastSearchedAt),
  };
}
