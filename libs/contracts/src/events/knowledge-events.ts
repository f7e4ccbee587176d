import {
  type Article,
  ArticleAction,
  ArticleAudience,
  ArticleLanguage,
  ArticleStatus,
} from '../generated/itsm/knowledge/v1/article';
import {
  ArticleChangedEvent,
  ArticleDeletedEvent,
  ArticleLinkedToTicketEvent,
} from '../generated/itsm/knowledge/v1/events';
import { defineEventType } from './event-type';
import { Topics } from './topics';

/** What every consumer may rely on in the article of a knowledge event. */
function articleProblems(article: Article | undefined): string[] {
  if (!article) return ['article is missing'];
  const problems: string[] = [];
  if (!article.id) problems.push('article.id is empty');
  if (!article.translationGroupId) problems.push('article.translationGroupId is empty');
  if (article.language === ArticleLanguage.ARTICLE_LANGUAGE_UNSPECIFIED) {
    problems.push('article.language is unspecified');
  }
  if (article.status === ArticleStatus.ARTICLE_STATUS_UNSPECIFIED) {
    problems.push('article.status is unspecified');
  }
  if (!article.content) problems.push('article.content is missing');
  if (article.content?.audience === ArticleAudience.ARTICLE_AUDIENCE_UNSPECIFIED) {
    problems.push('article.content.audience is unspecified');
  }
  if (!article.createdAt) problems.push('article.createdAt is missing');
  if (article.revision < 1) problems.push('article.revision is not positive');
  return problems;
}

/**
 * An event about an article after a change. `actions` lists the actions this type may carry
 * (UNSPECIFIED for plain creation and edits), so a published event cannot claim a send-back.
 */
function articleChange(type: string, actions: readonly ArticleAction[]) {
  return defineEventType<ArticleChangedEvent>({
    topic: Topics.knowledge,
    type: `itsm.knowledge.v1.article.${type}`,
    codec: ArticleChangedEvent,
    validate: ({ article, action, version }) => [
      ...articleProblems(article),
      ...(actions.includes(action) ? [] : [`action ${action} does not fit ${type}`]),
      ...(type === 'published' && version < 1 ? ['version is not positive'] : []),
    ],
  });
}

export const ArticleCreated = articleChange('created', [ArticleAction.ARTICLE_ACTION_UNSPECIFIED]);
/** The working copy or the article's review date, expiry or outdated flag changed. */
export const ArticleUpdated = articleChange('updated', [ArticleAction.ARTICLE_ACTION_UNSPECIFIED]);
export const ArticleSubmitted = articleChange('submitted', [ArticleAction.ARTICLE_ACTION_SUBMIT]);
export const ArticleSentBack = articleChange('sent_back', [ArticleAction.ARTICLE_ACTION_SEND_BACK]);
/** A version went live: approved, re-published from the archive, or rolled back to. */
export const ArticlePublished = articleChange('published', [
  ArticleAction.ARTICLE_ACTION_APPROVE,
  ArticleAction.ARTICLE_ACTION_PUBLISH,
  ArticleAction.ARTICLE_ACTION_ROLLBACK,
]);
export const ArticleArchived = articleChange('archived', [ArticleAction.ARTICLE_ACTION_ARCHIVE]);

export const ArticleDeleted = defineEventType<ArticleDeletedEvent>({
  topic: Topics.knowledge,
  type: 'itsm.knowledge.v1.article.deleted',
  codec: ArticleDeletedEvent,
  validate: ({ articleId }) => (articleId ? [] : ['articleId is empty']),
});

export const ArticleLinkedToTicket = defineEventType<ArticleLinkedToTicketEvent>({
  topic: Topics.knowledge,
  type: 'itsm.knowledge.v1.article.linked_to_ticket',
  codec: ArticleLinkedToTicketEvent,
  validate: ({ link }) => [
    ...(!link ? ['link is missing'] : []),
    ...(link && (!link.articleId || !link.ticketId)
      ? ['link.articleId and link.ticketId are required']
      : []),
    ...(link && !link.linkedAt ? ['link.linkedAt is missing'] : []),
  ],
});
