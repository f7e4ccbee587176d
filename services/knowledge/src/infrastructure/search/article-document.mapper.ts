import type { estypes } from '@elastic/elasticsearch';
import type { IndexChange } from '@itsm/search';
import type { Language } from '../../domain/article';
import { isOutdated, isSearchable } from '../../domain/article-visibility';
import { excerpt, markdownToPlainText } from '../../domain/plain-text';
import type { ArticleSearchHit, IndexEntry } from '../../application/ports/article-search';
import type { ArticleDocument } from './knowledge-articles.index';

/**
 * The index change of a queued article: its live version's document, versioned by the article's
 * revision, or its removal when it is gone or not searchable (never published, or archived).
 * A deleted article was a never-published draft, so it has no document to version against.
 */
export function toIndexChange(entry: IndexEntry): IndexChange<ArticleDocument> {
  const { article } = entry;
  if (!article) return { kind: 'delete', id: entry.articleId };
  const live = article.publishedContent;
  if (!live || !isSearchable(article)) {
    return { kind: 'delete', id: article.id, version: article.revision };
  }
  const body = markdownToPlainText(live.body);
  return {
    kind: 'index',
    id: article.id,
    version: article.revision,
    body: {
      language: article.language,
      translation_group_id: article.translationGroupId,
      audience: live.audience,
      title: live.title,
      body,
      excerpt: excerpt(body),
      category_id: live.categoryId,
      category_path: live.categoryId ? entry.categoryPath : [],
      tags: live.tags,
      service_ids: live.serviceIds,
      configuration_item_ids: live.configurationItemIds,
      version: article.publishedVersion,
      published_at: article.publishedAt?.toISOString() ?? null,
      review_by: article.reviewBy?.toISOString() ?? null,
      expires_at: article.expiresAt?.toISOString() ?? null,
      outdated: article.outdatedFlag,
    },
  };
}

/** Highlights of one field, from the sub-field of the article's language first. */
function highlightsOf(
  highlight: Record<string, string[]> | undefined,
  field: 'title' | 'body',
  language: Language,
): string[] {
  const other = language === 'ru' ? 'en' : 'ru';
  const own = highlight?.[`${field}.${language}`] ?? [];
  return own.length > 0 ? own : (highlight?.[`${field}.${other}`] ?? []);
}

export function toSearchHit(
  hit: estypes.SearchHit<ArticleDocument>,
  now: Date,
): ArticleSearchHit | undefined {
  const source = hit._source;
  if (!source || !hit._id) return undefined;
  return {
    articleId: hit._id,
    language: source.language,
    audience: source.audience,
    title: source.title,
    excerpt: source.excerpt,
    categoryId: source.category_id,
    tags: source.tags,
    version: source.version,
    publishedAt: source.published_at ? new Date(source.published_at) : null,
    outdated: isOutdated(
      {
        outdatedFlag: source.outdated,
        reviewBy: source.review_by ? new Date(source.review_by) : null,
      },
      now,
    ),
    score: hit._score ?? 0,
    titleHighlight: highlightsOf(hit.highlight, 'title', source.language)[0] ?? '',
    bodyHighlights: highlightsOf(hit.highlight, 'body', source.language),
  };
}
