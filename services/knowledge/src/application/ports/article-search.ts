import type { Article, Audience, Language } from '../../domain/article';
import type { ArticleSearchRequest, SuggestionRequest } from '../../domain/search-request';

/** One article found, with its live content's summary. */
export interface ArticleSearchHit {
  articleId: string;
  language: Language;
  audience: Audience;
  title: string;
  excerpt: string;
  categoryId: string | null;
  tags: string[];
  version: number;
  publishedAt: Date | null;
  outdated: boolean;
  score: number;
  /** The title with matches in <mark>…</mark>, HTML-escaped; empty when it did not match. */
  titleHighlight: string;
  bodyHighlights: string[];
}

export interface ArticleSearchPage {
  hits: ArticleSearchHit[];
  total: number;
  /** False when `total` is a lower bound. */
  totalExact: boolean;
}

/** Reading the search index. Throws KnowledgeError(SearchUnavailable) when the engine is down. */
export interface ArticleSearch {
  search(request: ArticleSearchRequest, now: Date): Promise<ArticleSearchPage>;
  suggest(request: SuggestionRequest, now: Date): Promise<ArticleSearchHit[]>;
}

export const ARTICLE_SEARCH = Symbol('ArticleSearch');

/** An article as the index needs it; `article` is absent when the row is gone. */
export interface IndexEntry {
  articleId: string;
  article: Article | undefined;
  /** Ids from the root down to the article's live category. */
  categoryPath: string[];
}

export interface IndexWriteResult {
  applied: number;
  /** Entries older than what the index holds already (another writer was faster). */
  stale: number;
}

/** An index being rebuilt behind the alias. */
export interface IndexBuild {
  index: string;
}

/**
 * Writing the search index: each entry becomes its article's document, or its removal when the
 * article is not searchable; the article's revision is the document version, so an older state
 * never overwrites a newer one.
 */
export interface ArticleIndexWriter {
  /** Creates the index and alias if missing; true when it created the index (it is empty). */
  ensureIndex(): Promise<{ index: string; created: boolean }>;
  write(entries: readonly IndexEntry[], build?: IndexBuild): Promise<IndexWriteResult>;
  startRebuild(): Promise<IndexBuild>;
  /** Moves the alias onto the build and drops the index it leaves. */
  completeRebuild(build: IndexBuild): Promise<{ detachedFrom: string[] }>;
}

export const ARTICLE_INDEX_WRITER = Symbol('ArticleIndexWriter');
