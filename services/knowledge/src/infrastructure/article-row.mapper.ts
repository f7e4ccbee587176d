import type { Article, ArticleContent, ArticleStatus, Audience, Language } from '../domain/article';
import type { ArticleVersion, VersionOrigin } from '../domain/article-version';

/** The columns of an article with its live version's content (prefixed `live_`). */
export const ARTICLE_COLUMNS = `
  a.id, a.language, a.translation_group_id, a.status, a.title, a.body, a.audience, a.category_id,
  a.tags, a.service_ids, a.configuration_item_ids, a.published_version, a.author_id, a.editor_id,
  a.created_at, a.updated_at, a.published_at, a.review_by, a.expires_at, a.outdated, a.revision,
  v.title AS live_title, v.body AS live_body, v.audience AS live_audience,
  v.category_id AS live_category_id, v.tags AS live_tags, v.service_ids AS live_service_ids,
  v.configuration_item_ids AS live_configuration_item_ids`;

/** Articles joined with their live version; `a` and `v` are the aliases ARTICLE_COLUMNS uses. */
export const ARTICLES_WITH_LIVE_VERSION = `
  articles a LEFT JOIN article_versions v ON v.article_id = a.id AND v.number = a.published_version`;

interface ContentRow {
  title: string;
  body: string;
  audience: string;
  category_id: string | null;
  tags: string[];
  service_ids: string[];
  configuration_item_ids: string[];
}

export interface ArticleRow extends ContentRow {
  id: string;
  language: string;
  translation_group_id: string;
  status: string;
  published_version: number;
  author_id: string;
  editor_id: string;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  review_by: Date | null;
  expires_at: Date | null;
  outdated: boolean;
  revision: number;
  live_title: string | null;
  live_body: string | null;
  live_audience: string | null;
  live_category_id: string | null;
  live_tags: string[] | null;
  live_service_ids: string[] | null;
  live_configuration_item_ids: string[] | null;
}

export interface VersionRow extends ContentRow {
  article_id: string;
  number: number;
  author_id: string;
  approved_by: string;
  origin: string;
  restored_from: number | null;
  published_at: Date;
}

export function toContent(row: ContentRow): ArticleContent {
  return {
    title: row.title,
    body: row.body,
    audience: row.audience as Audience,
    categoryId: row.category_id,
    tags: row.tags,
    serviceIds: row.service_ids,
    configurationItemIds: row.configuration_item_ids,
  };
}

function toLiveContent(row: ArticleRow): ArticleContent | null {
  if (row.live_title === null || row.live_body === null || row.live_audience === null) return null;
  return {
    title: row.live_title,
    body: row.live_body,
    audience: row.live_audience as Audience,
    categoryId: row.live_category_id,
    tags: row.live_tags ?? [],
    serviceIds: row.live_service_ids ?? [],
    configurationItemIds: row.live_configuration_item_ids ?? [],
  };
}

export function toArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    language: row.language as Language,
    translationGroupId: row.translation_group_id,
    status: row.status as ArticleStatus,
    content: toContent(row),
    publishedVersion: row.published_version,
    publishedContent: toLiveContent(row),
    authorId: row.author_id,
    editorId: row.editor_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    reviewBy: row.review_by,
    expiresAt: row.expires_at,
    outdatedFlag: row.outdated,
    revision: row.revision,
  };
}

export function toVersion(row: VersionRow): ArticleVersion {
  return {
    articleId: row.article_id,
    number: row.number,
    content: toContent(row),
    authorId: row.author_id,
    approvedBy: row.approved_by,
    origin: row.origin as VersionOrigin,
    restoredFrom: row.restored_from,
    publishedAt: row.published_at,
  };
}

/** The values of the content columns, in CONTENT_COLUMN_NAMES order. */
export function contentValues(content: ArticleContent): unknown[] {
  return [
    content.title,
    content.body,
    content.audience,
    content.categoryId,
    content.tags,
    content.serviceIds,
    content.configurationItemIds,
  ];
}

export const CONTENT_COLUMN_NAMES = [
  'title',
  'body',
  'audience',
  'category_id',
  'tags',
  'service_ids',
  'configuration_item_ids',
] as const;
