import type { estypes } from '@elastic/elasticsearch';
import type {
  ArticleSearchRequest,
  SearchFilters,
  SuggestionRequest,
} from '../../domain/search-request';

/** Title matches weigh three times a body match. */
export const TEXT_FIELDS = ['title.ru^3', 'title.en^3', 'body.ru', 'body.en'];
export const TITLE_FIELDS = ['title.ru^3', 'title.en^3'];

/**
 * Every word in any form (stemmed) over title and body, or within a typo of a title word
 * (fuzziness AUTO: one edit from 3 letters, two from 6, the first letter exact). Typos are looked
 * up in titles only: fuzzy expansion over every body term costs the engine most of a query's time
 * (measured on the 100,000-article benchmark corpus) for little gain, since the words a reader
 * types are mostly the title's.
 */
function wordsMatch(text: string, boost?: number): estypes.QueryDslQueryContainer {
  return {
    bool: {
      should: [
        { multi_match: { query: text, fields: TEXT_FIELDS, type: 'most_fields' } },
        {
          multi_match: {
            query: text,
            fields: TITLE_FIELDS,
            type: 'most_fields',
            fuzziness: 'AUTO',
            prefix_length: 1,
            max_expansions: 50,
          },
        },
      ],
      minimum_should_match: 1,
      ...(boost === undefined ? {} : { boost }),
    },
  };
}

/**
 * More matches than this are counted only as "at least": past it the engine may skip documents
 * that cannot make the page (block-max WAND), which keeps broad queries over a large base fast.
 */
export const TOTAL_HITS_TRACKED = 1000;

export const HIGHLIGHT: estypes.SearchHighlight = {
  // Escapes the text around the tags, so a fragment is safe to render as HTML.
  encoder: 'html',
  pre_tags: ['<mark>'],
  post_tags: ['</mark>'],
  fields: {
    'title.ru': { number_of_fragments: 0 },
    'title.en': { number_of_fragments: 0 },
    'body.ru': { fragment_size: 160, number_of_fragments: 3 },
    'body.en': { fragment_size: 160, number_of_fragments: 3 },
  },
};

/** The filter clauses: they narrow without scoring, and the engine caches them. */
export function filterClauses(filters: SearchFilters): estypes.QueryDslQueryContainer[] {
  const clauses: estypes.QueryDslQueryContainer[] = [{ terms: { audience: filters.audiences } }];
  if (!filters.includeExpired) {
    clauses.push({
      bool: {
        should: [
          { bool: { must_not: { exists: { field: 'expires_at' } } } },
          { range: { expires_at: { gt: 'now' } } },
        ],
        minimum_should_match: 1,
      },
    });
  }
  if (filters.language) clauses.push({ term: { language: filters.language } });
  if (filters.categoryId) clauses.push({ term: { category_path: filters.categoryId } });
  for (const tag of filters.tags) clauses.push({ term: { tags: tag } });
  if (filters.serviceId) clauses.push({ term: { service_ids: filters.serviceId } });
  return clauses;
}

/**
 * Words in any form, typos forgiven in titles, a boost for the words as a phrase, title over
 * body. Without words: the filtered articles, newest first.
 */
export function searchBody(request: ArticleSearchRequest): Omit<estypes.SearchRequest, 'index'> {
  const filter = filterClauses(request.filters);
  const page = {
    from: (request.page - 1) * request.pageSize,
    size: request.pageSize,
    track_total_hits: TOTAL_HITS_TRACKED,
    _source: { excludes: ['body'] },
  };
  if (request.text.length === 0) {
    return {
      ...page,
      query: { bool: { filter } },
      sort: [{ published_at: { order: 'desc' } }, { _id: { order: 'asc' } }],
    };
  }
  return {
    ...page,
    query: {
      bool: {
        must: [wordsMatch(request.text)],
        should: [
          {
            multi_match: {
              query: request.text,
              fields: TEXT_FIELDS,
              type: 'phrase',
              slop: 2,
              boost: 2,
            },
          },
        ],
        filter,
      },
    },
    highlight: HIGHLIGHT,
  };
}

/**
 * Articles like a ticket's text (more-like-this over title and body picks its most telling
 * words), with the ticket's title matched again, typos allowed, at twice the weight.
 */
export function suggestionBody(request: SuggestionRequest): Omit<estypes.SearchRequest, 'index'> {
  const text = [request.title, request.description].filter(Boolean).join('\n');
  const should: estypes.QueryDslQueryContainer[] = [
    {
      more_like_this: {
        fields: ['title.ru', 'title.en', 'body.ru', 'body.en'],
        like: text,
        // A knowledge base is small: a word in one article is already telling.
        min_term_freq: 1,
        min_doc_freq: 1,
        max_query_terms: 25,
        minimum_should_match: '20%',
      },
    },
  ];
  if (request.title) {
    should.push(wordsMatch(request.title, 2));
  }
  return {
    size: request.limit,
    _source: { excludes: ['body'] },
    query: { bool: { should, minimum_should_match: 1, filter: filterClauses(request.filters) } },
    highlight: HIGHLIGHT,
  };
}
