import { type FieldViolation, throwIfInvalid } from './knowledge-error';

export const ARTICLE_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** Requesters read public articles; agents read both. */
export const AUDIENCES = ['public', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const ARTICLE_LIMITS = {
  titleLength: 200,
  bodyLength: 100_000,
  tags: 20,
  tagLength: 50,
  relatedIds: 50,
  relatedIdLength: 200,
} as const;

/** What a version holds and a reviewer approves. */
export interface ArticleContent {
  title: string;
  /** Markdown as written; clients sanitise it when they render it. */
  body: string;
  audience: Audience;
  categoryId: string | null;
  tags: string[];
  serviceIds: string[];
  configurationItemIds: string[];
}

/**
 * A knowledge article. `content` is the working copy authors edit; `publishedContent` is the
 * live version readers see, kept while a new revision is drafted and reviewed.
 */
export interface Article {
  id: string;
  language: Language;
  translationGroupId: string;
  status: ArticleStatus;
  content: ArticleContent;
  /** Number of the live version; 0 until first published. */
  publishedVersion: number;
  publishedContent: ArticleContent | null;
  authorId: string;
  editorId: string;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  reviewBy: Date | null;
  expiresAt: Date | null;
  /** Flagged outdated by hand; see isOutdated for the review date. */
  outdatedFlag: boolean;
  /** Incremented on every change: the ETag, and the version of the article's search document. */
  revision: number;
}

/** Lower case, trimmed, unique, in the order given. */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().toLowerCase()))];
}

function normalizeIds(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.trim()).filter((id) => id.length > 0))];
}

/** Trims and de-duplicates the content, collecting every rule it breaks. */
export function normalizeContent(
  content: ArticleContent,
  violations: FieldViolation[],
  prefix = 'content',
): ArticleContent {
  const title = content.title.trim();
  const tags = normalizeTags(content.tags);
  const serviceIds = normalizeIds(content.serviceIds);
  const configurationItemIds = normalizeIds(content.configurationItemIds);
  const field = (name: string) => `${prefix}.${name}`;
  if (title.length === 0) violations.push({ field: field('title'), message: 'title is required' });
  if (title.length > ARTICLE_LIMITS.titleLength) {
    violations.push({
      field: field('title'),
      message: `title must be at most ${ARTICLE_LIMITS.titleLength} characters`,
    });
  }
  if (content.body.length > ARTICLE_LIMITS.bodyLength) {
    violations.push({
      field: field('body'),
      message: `body must be at most ${ARTICLE_LIMITS.bodyLength} characters`,
    });
  }
  if (tags.length > ARTICLE_LIMITS.tags) {
    violations.push({ field: field('tags'), message: `at most ${ARTICLE_LIMITS.tags} tags` });
  }
  for (const tag of tags) {
    if (tag.length === 0 || tag.length > ARTICLE_LIMITS.tagLength || tag.includes(',')) {
      violations.push({
        field: field('tags'),
        message: `a tag has 1 to ${ARTICLE_LIMITS.tagLength} characters and no comma`,
      });
      break;
    }
  }
  for (const [name, ids] of [
    ['serviceIds', serviceIds],
    ['configurationItemIds', configurationItemIds],
  ] as const) {
    if (
      ids.length > ARTICLE_LIMITS.relatedIds ||
      ids.some((id) => id.length > ARTICLE_LIMITS.relatedIdLength)
    ) {
      violations.push({
        field: field(name),
        message: `at most ${ARTICLE_LIMITS.relatedIds} ids of at most ${ARTICLE_LIMITS.relatedIdLength} characters`,
      });
    }
  }
  return {
    title,
    body: content.body,
    audience: content.audience,
    categoryId: content.categoryId,
    tags,
    serviceIds,
    configurationItemIds,
  };
}

export function sameContent(a: ArticleContent, b: ArticleContent | null): boolean {
  if (!b) return false;
  return (
    a.title === b.title &&
    a.body === b.body &&
    a.audience === b.audience &&
    a.categoryId === b.categoryId &&
    sameList(a.tags, b.tags) &&
    sameList(a.serviceIds, b.serviceIds) &&
    sameList(a.configurationItemIds, b.configurationItemIds)
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

export interface NewArticle {
  id: string;
  language: Language;
  content: ArticleContent;
  authorId: string;
  /** The group of the article this one translates; a new group (= id) otherwise. */
  translationGroupId: string | null;
  reviewBy: Date | null;
  expiresAt: Date | null;
  now: Date;
}

export function checkDates(
  violations: FieldViolation[],
  { reviewBy, expiresAt }: { reviewBy: Date | null; expiresAt: Date | null },
): void {
  if (reviewBy && expiresAt && expiresAt.getTime() < reviewBy.getTime()) {
    violations.push({ field: 'expiresAt', message: 'expiresAt must not be before reviewBy' });
  }
}

/** A new draft, never published. */
export function createArticle(input: NewArticle): Article {
  const violations: FieldViolation[] = [];
  const content = normalizeContent(input.content, violations);
  if (!input.authorId.trim())
    violations.push({ field: 'authorId', message: 'authorId is required' });
  checkDates(violations, input);
  throwIfInvalid('the article is invalid', violations);
  return {
    id: input.id,
    language: input.language,
    translationGroupId: input.translationGroupId ?? input.id,
    status: 'draft',
    content,
    publishedVersion: 0,
    publishedContent: null,
    authorId: input.authorId.trim(),
    editorId: input.authorId.trim(),
    createdAt: input.now,
    updatedAt: input.now,
    publishedAt: null,
    reviewBy: input.reviewBy,
    expiresAt: input.expiresAt,
    outdatedFlag: false,
    revision: 1,
  };
}
