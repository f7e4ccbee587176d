import type { Audience, Language } from './article';
import type { Viewer } from './article-visibility';
import { type FieldViolation, throwIfInvalid } from './knowledge-error';

export const SEARCH_LIMITS = {
  queryLength: 200,
  maxPageSize: 50,
  defaultPageSize: 10,
  /** Deep pages cost the engine; nobody reads page 101 of a knowledge base. */
  maxResultWindow: 1000,
  suggestionTextLength: 4000,
  maxSuggestions: 20,
  defaultSuggestions: 5,
} as const;

/** What a reader may filter by; absent means any. */
export interface SearchFilters {
  /** The audience the viewer may see and asked for: requesters always get ['public']. */
  audiences: Audience[];
  language: Language | undefined;
  /** The category or any of its descendants. */
  categoryId: string | undefined;
  /** Every one of these tags. */
  tags: string[];
  serviceId: string | undefined;
  /** Agents also find expired articles (flagged outdated); requesters never do. */
  includeExpired: boolean;
}

export interface ArticleSearchRequest {
  /** Empty: browse the filtered articles, newest first. */
  text: string;
  filters: SearchFilters;
  page: number;
  pageSize: number;
}

/** Lower case, whitespace collapsed: how an unanswered search is counted. */
export function normalizeSearchText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/**
 * The audiences a viewer searches: requesters only public articles, whatever they ask for;
 * agents everything, or the one audience they narrow to.
 */
export function audiencesFor(
  viewer: Viewer,
  requested: Audience | undefined,
  violations: FieldViolation[],
): Audience[] {
  if (viewer === 'requester') {
    if (requested === 'internal') {
      violations.push({ field: 'audience', message: 'requesters see public articles only' });
    }
    return ['public'];
  }
  return requested ? [requested] : ['public', 'internal'];
}

export function searchRequest(input: {
  text: string;
  viewer: Viewer;
  audience: Audience | undefined;
  language: Language | undefined;
  categoryId: string | undefined;
  tags: string[];
  serviceId: string | undefined;
  page: number | undefined;
  pageSize: number | undefined;
}): ArticleSearchRequest {
  const violations: FieldViolation[] = [];
  const text = input.text.trim().replace(/\s+/g, ' ');
  if (text.length > SEARCH_LIMITS.queryLength) {
    violations.push({
      field: 'query',
      message: `query must be at most ${SEARCH_LIMITS.queryLength} characters`,
    });
  }
  const page = input.page || 1;
  const pageSize = input.pageSize || SEARCH_LIMITS.defaultPageSize;
  if (!Number.isInteger(page) || page < 1) {
    violations.push({ field: 'page', message: 'page must be a positive integer' });
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > SEARCH_LIMITS.maxPageSize) {
    violations.push({
      field: 'pageSize',
      message: `pageSize must be 1 to ${SEARCH_LIMITS.maxPageSize}`,
    });
  }
  if (page * pageSize > SEARCH_LIMITS.maxResultWindow) {
    violations.push({
      field: 'page',
      message: `only the first ${SEARCH_LIMITS.maxResultWindow} results can be paged through; narrow the search`,
    });
  }
  const audiences = audiencesFor(input.viewer, input.audience, violations);
  throwIfInvalid('the search is invalid', violations);
  return {
    text,
    filters: {
      audiences,
      language: input.language,
      categoryId: input.categoryId || undefined,
      tags: [...new Set(input.tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))],
      serviceId: input.serviceId || undefined,
      includeExpired: input.viewer === 'agent',
    },
    page,
    pageSize,
  };
}

export interface SuggestionRequest {
  /** Weighted above the description. */
  title: string;
  description: string;
  filters: SearchFilters;
  limit: number;
}

export function suggestionRequest(input: {
  title: string;
  description: string;
  viewer: Viewer;
  language: Language | undefined;
  serviceId: string | undefined;
  limit: number | undefined;
}): SuggestionRequest {
  const violations: FieldViolation[] = [];
  const title = input.title.trim().replace(/\s+/g, ' ');
  const description = input.description.trim();
  if (title.length === 0 && description.length === 0) {
    violations.push({ field: 'title', message: 'a title or a description is required' });
  }
  const limit = input.limit || SEARCH_LIMITS.defaultSuggestions;
  if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_LIMITS.maxSuggestions) {
    violations.push({
      field: 'limit',
      message: `limit must be 1 to ${SEARCH_LIMITS.maxSuggestions}`,
    });
  }
  throwIfInvalid('the suggestion request is invalid', violations);
  return {
    title: title.slice(0, SEARCH_LIMITS.queryLength),
    // Long descriptions (pasted logs) add noise, not relevance.
    description: description.slice(0, SEARCH_LIMITS.suggestionTextLength),
    filters: {
      audiences: audiencesFor(input.viewer, undefined, violations),
      language: input.language,
      categoryId: undefined,
      tags: [],
      serviceId: input.serviceId || undefined,
      includeExpired: input.viewer === 'agent',
    },
    limit,
  };
}
