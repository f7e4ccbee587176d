import {
  ArticleAction,
  ArticleAudience,
  type Article,
  type ArticleContent,
  type ArticleFeedback,
  ArticleLanguage,
  type ArticleReview,
  type ArticleSearchHit,
  ArticleStatus,
  type ArticleTicketLink,
  type ArticleVersion,
  ArticleViewSource,
  type CreateArticleRequest,
  fromRestSpelling,
  fromTimestamp,
  type GetArticleVersionResponse,
  type KnowledgeCategory,
  KnowledgeViewer,
  type ListArticlesRequest,
  type SearchArticlesRequest,
  type SuggestArticlesRequest,
  type Timestamp,
  toRestSpelling,
  toTimestamp,
  type TransitionArticleRequest,
  type UnansweredSearch,
  type UpdateArticleRequest,
} from '@itsm/contracts';
import type {
  ArticleContentDto,
  ArticleDto,
  ArticleReviewDto,
  ArticleVersionDetailDto,
  ArticleVersionDto,
} from './dto/article.dto';
import type { KnowledgeCategoryDto } from './dto/category.dto';
import type {
  ArticleFeedbackDto,
  TicketArticleLinkDto,
  UnansweredSearchDto,
} from './dto/feedback.dto';
import {
  ARTICLE_AUDIENCES,
  ARTICLE_LANGUAGES,
  ARTICLE_STATUSES,
  type ArticleAudienceName,
  type ViewName,
} from './dto/knowledge-enums';
import type { ListArticlesQueryDto } from './dto/list-articles.query.dto';
import type {
  SearchArticlesQueryDto,
  SearchHitDto,
  SuggestionsQueryDto,
} from './dto/search.query.dto';
import type { TransitionArticleDto } from './dto/transition-article.dto';
import {
  type CreateArticleDto,
  UPDATABLE_ARTICLE_FIELDS,
  type UpdateArticleDto,
} from './dto/write-article.dto';

function instant(timestamp: Timestamp | undefined, what: string): string {
  if (!timestamp) throw new Error(`the knowledge service answered without ${what}`);
  return fromTimestamp(timestamp).toISOString();
}

function optionalInstant(timestamp: Timestamp | undefined): string | null {
  return timestamp ? fromTimestamp(timestamp).toISOString() : null;
}

function optionalTimestamp(value: string | null | undefined): Timestamp | undefined {
  return value ? toTimestamp(new Date(value)) : undefined;
}

/**
 * Whose view a read is for: an agent when the caller says `view=agent` or asks for internal
 * articles, a requester otherwise, so a caller that says nothing never sees an internal article.
 */
export function viewerOf(
  view: ViewName | undefined,
  audience?: ArticleAudienceName,
): KnowledgeViewer {
  return view === 'agent' || audience === 'internal'
    ? KnowledgeViewer.KNOWLEDGE_VIEWER_AGENT
    : KnowledgeViewer.KNOWLEDGE_VIEWER_REQUESTER;
}

function toContentDto(content: ArticleContent): ArticleContentDto {
  return {
    title: content.title,
    body: content.body,
    audience: toRestSpelling('ARTICLE_AUDIENCE_', content.audience, ARTICLE_AUDIENCES),
    categoryId: content.categoryId || null,
    tags: content.tags,
    serviceIds: content.serviceIds,
    configurationItemIds: content.configurationItemIds,
  };
}

export function toArticleDto(article: Article): ArticleDto {
  if (!article.content) throw new Error(`article ${article.id} came without content`);
  return {
    id: article.id,
    language: toRestSpelling('ARTICLE_LANGUAGE_', article.language, ARTICLE_LANGUAGES),
    translationGroupId: article.translationGroupId,
    status: toRestSpelling('ARTICLE_STATUS_', article.status, ARTICLE_STATUSES),
    content: toContentDto(article.content),
    publishedVersion: article.publishedVersion,
    publishedContent: article.publishedContent ? toContentDto(article.publishedContent) : null,
    authorId: article.authorId,
    editorId: article.editorId || null,
    createdAt: instant(article.createdAt, 'createdAt'),
    updatedAt: instant(article.updatedAt, 'updatedAt'),
    publishedAt: optionalInstant(article.publishedAt),
    reviewBy: optionalInstant(article.reviewBy),
    expiresAt: optionalInstant(article.expiresAt),
    outdated: article.outdated,
    revision: article.revision,
  };
}

export function toVersionDto(version: ArticleVersion): ArticleVersionDto {
  if (!version.content) throw new Error(`version ${version.number} came without content`);
  return {
    number: version.number,
    content: toContentDto(version.content),
    authorId: version.authorId,
    approvedBy: version.approvedBy,
    origin: version.action === ArticleAction.ARTICLE_ACTION_ROLLBACK ? 'rollback' : 'approve',
    restoredFrom: version.restoredFrom || null,
    publishedAt: instant(version.publishedAt, 'publishedAt'),
  };
}

export function toVersionDetailDto(response: GetArticleVersionResponse): ArticleVersionDetailDto {
  if (!response.version) throw new Error('the knowledge service answered without a version');
  return {
    ...toVersionDto(response.version),
    changes: response.changes.map(({ field, from, to }) => ({ field, from, to })),
    bodyDiff: response.bodyDiff,
  };
}

export function toReviewDto(review: ArticleReview): ArticleReviewDto {
  return {
    id: review.id,
    reviewerId: review.reviewerId,
    decision: review.decision === 'ARTICLE_REVIEW_DECISION_SENT_BACK' ? 'sent_back' : 'approved',
    comment: review.comment,
    revision: review.revision,
    createdAt: instant(review.createdAt, 'createdAt'),
  };
}

export function toCategoryDto(category: KnowledgeCategory): KnowledgeCategoryDto {
  return {
    id: category.id,
    parentId: category.parentId || null,
    name: category.name,
    path: category.path,
    createdAt: instant(category.createdAt, 'createdAt'),
  };
}

export function toSearchHitDto(hit: ArticleSearchHit): SearchHitDto {
  return {
    id: hit.articleId,
    language: toRestSpelling('ARTICLE_LANGUAGE_', hit.language, ARTICLE_LANGUAGES),
    audience: toRestSpelling('ARTICLE_AUDIENCE_', hit.audience, ARTICLE_AUDIENCES),
    title: hit.title,
    excerpt: hit.excerpt,
    categoryId: hit.categoryId || null,
    tags: hit.tags,
    version: hit.version,
    publishedAt: optionalInstant(hit.publishedAt),
    outdated: hit.outdated,
    score: hit.score,
    titleHighlight: hit.titleHighlight || null,
    highlights: hit.bodyHighlights,
  };
}

export function toFeedbackDto(feedback: ArticleFeedback | undefined): ArticleFeedbackDto {
  if (!feedback) throw new Error('the knowledge service answered without feedback');
  return { ...feedback };
}

export function toTicketLinkDto(link: ArticleTicketLink): TicketArticleLinkDto {
  return {
    articleId: link.articleId,
    ticketId: link.ticketId,
    linkedBy: link.linkedBy,
    linkedAt: instant(link.linkedAt, 'linkedAt'),
    articleTitle: link.articleTitle,
  };
}

export function toUnansweredSearchDto(search: UnansweredSearch): UnansweredSearchDto {
  return {
    query: search.query,
    language:
      search.language === ArticleLanguage.ARTICLE_LANGUAGE_UNSPECIFIED
        ? null
        : toRestSpelling('ARTICLE_LANGUAGE_', search.language, ARTICLE_LANGUAGES),
    searches: search.searches,
    lastSearchedAt: instant(search.lastSearchedAt, 'lastSearchedAt'),
  };
}

export function toCreateArticleRequest(
  dto: CreateArticleDto,
  authorId: string,
): CreateArticleRequest {
  return {
    language: fromRestSpelling(
      'ARTICLE_LANGUAGE_',
      dto.language,
      ArticleLanguage.ARTICLE_LANGUAGE_UNSPECIFIED,
    ),
    content: {
      title: dto.title,
      body: dto.body ?? '',
      audience: fromRestSpelling(
        'ARTICLE_AUDIENCE_',
        dto.audience,
        ArticleAudience.ARTICLE_AUDIENCE_UNSPECIFIED,
      ),
      categoryId: dto.categoryId ?? '',
      tags: dto.tags ?? [],
      serviceIds: dto.serviceIds ?? [],
      configurationItemIds: dto.configurationItemIds ?? [],
    },
    authorId,
    translationOf: dto.translationOf ?? '',
    reviewBy: optionalTimestamp(dto.reviewBy),
    expiresAt: optionalTimestamp(dto.expiresAt),
  };
}

/** The contract's update_paths spelling of each DTO field. */
const UPDATE_PATH_OF: Record<(typeof UPDATABLE_ARTICLE_FIELDS)[number], string> = {
  title: 'title',
  body: 'body',
  audience: 'audience',
  categoryId: 'category_id',
  tags: 'tags',
  serviceIds: 'service_ids',
  configurationItemIds: 'configuration_item_ids',
  reviewBy: 'review_by',
  expiresAt: 'expires_at',
  outdated: 'outdated',
};

export function toUpdateArticleRequest(
  id: string,
  dto: UpdateArticleDto,
  editorId: string,
  expectedRevision: number | undefined,
): UpdateArticleRequest {
  return {
    id,
    expectedRevision: expectedRevision ?? 0,
    editorId,
    // Absent fields are undefined; `null` is present (it clears the field).
    updatePaths: UPDATABLE_ARTICLE_FIELDS.filter((field) => dto[field] !== undefined).map(
      (field) => UPDATE_PATH_OF[field],
    ),
    content: {
      title: dto.title ?? '',
      body: dto.body ?? '',
      audience: fromRestSpelling(
        'ARTICLE_AUDIENCE_',
        dto.audience,
        ArticleAudience.ARTICLE_AUDIENCE_UNSPECIFIED,
      ),
      categoryId: dto.categoryId ?? '',
      tags: dto.tags ?? [],
      serviceIds: dto.serviceIds ?? [],
      configurationItemIds: dto.configurationItemIds ?? [],
    },
    reviewBy: optionalTimestamp(dto.reviewBy),
    expiresAt: optionalTimestamp(dto.expiresAt),
    outdated: dto.outdated ?? false,
  };
}

export function toTransitionArticleRequest(
  id: string,
  dto: TransitionArticleDto,
  actorId: string,
  expectedRevision: number | undefined,
): TransitionArticleRequest {
  return {
    id,
    action: fromRestSpelling(
      'ARTICLE_ACTION_',
      dto.action,
      ArticleAction.ARTICLE_ACTION_UNSPECIFIED,
    ),
    actorId,
    comment: dto.comment ?? '',
    version: dto.version ?? 0,
    expectedRevision: expectedRevision ?? 0,
  };
}

export function toListArticlesRequest(query: ListArticlesQueryDto): ListArticlesRequest {
  return {
    pageSize: query.limit ?? 0,
    pageToken: query.cursor ?? '',
    status: fromRestSpelling(
      'ARTICLE_STATUS_',
      query.status,
      ArticleStatus.ARTICLE_STATUS_UNSPECIFIED,
    ),
    language: fromRestSpelling(
      'ARTICLE_LANGUAGE_',
      query.language,
      ArticleLanguage.ARTICLE_LANGUAGE_UNSPECIFIED,
    ),
    categoryId: query.categoryId ?? '',
    authorId: query.authorId ?? '',
    outdatedOnly: query.outdated ?? false,
  };
}

/** A search for the viewer the caller may read as (`viewerFor`). */
export function toSearchArticlesRequest(
  query: SearchArticlesQueryDto,
  viewer: KnowledgeViewer,
): SearchArticlesRequest {
  return {
    query: query.q ?? '',
    viewer,
    audience: fromRestSpelling(
      'ARTICLE_AUDIENCE_',
      query.audience,
      ArticleAudience.ARTICLE_AUDIENCE_UNSPECIFIED,
    ),
    language: fromRestSpelling(
      'ARTICLE_LANGUAGE_',
      query.language,
      ArticleLanguage.ARTICLE_LANGUAGE_UNSPECIFIED,
    ),
    categoryId: query.category ?? '',
    tags: query.tags ?? [],
    serviceId: query.service ?? '',
    page: query.page ?? 0,
    pageSize: query.pageSize ?? 0,
  };
}

export function toSuggestArticlesRequest(
  query: SuggestionsQueryDto,
  viewer: KnowledgeViewer,
): SuggestArticlesRequest {
  return {
    title: query.title ?? '',
    description: query.description ?? '',
    viewer,
    language: fromRestSpelling(
      'ARTICLE_LANGUAGE_',
      query.language,
      ArticleLanguage.ARTICLE_LANGUAGE_UNSPECIFIED,
    ),
    serviceId: query.service ?? '',
    limit: query.limit ?? 0,
  };
}

export function viewSourceOf(source: string | undefined): ArticleViewSource {
  return fromRestSpelling(
    'ARTICLE_VIEW_SOURCE_',
    source,
    ArticleViewSource.ARTICLE_VIEW_SOURCE_UNSPECIFIED,
  );
}
