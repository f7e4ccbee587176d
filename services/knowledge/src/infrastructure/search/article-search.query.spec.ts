import type { SearchFilters } from '../../domain/search-request';
import {
  filterClauses,
  searchBody,
  suggestionBody,
  TEXT_FIELDS,
  TITLE_FIELDS,
} from './article-search.query';

const requesterFilters: SearchFilters = {
  audiences: ['public'],
  language: undefined,
  categoryId: undefined,
  tags: [],
  serviceId: undefined,
  includeExpired: false,
};

describe('filterClauses', () => {
  it('keeps a requester to public, unexpired articles', () => {
    expect(filterClauses(requesterFilters)).toEqual([
      { terms: { audience: ['public'] } },
      {
        bool: {
          should: [
            { bool: { must_not: { exists: { field: 'expires_at' } } } },
            { range: { expires_at: { gt: 'now' } } },
          ],
          minimum_should_match: 1,
        },
      },
    ]);
  });

  it('narrows by language, category subtree, every tag and service', () => {
    expect(
      filterClauses({
        audiences: ['public', 'internal'],
        language: 'ru',
        categoryId: 'cat-1',
        tags: ['vpn', 'mac'],
        serviceId: 'svc-1',
        includeExpired: true,
      }),
    ).toEqual([
      { terms: { audience: ['public', 'internal'] } },
      { term: { language: 'ru' } },
      { term: { category_path: 'cat-1' } },
      { term: { tags: 'vpn' } },
      { term: { tags: 'mac' } },
      { term: { service_ids: 'svc-1' } },
    ]);
  });
});

describe('searchBody', () => {
  it('matches words fuzzily over title and body, boosts the phrase, highlights and pages', () => {
    const body = searchBody({
      text: 'не работет впн',
      filters: requesterFilters,
      page: 3,
      pageSize: 10,
    });
    expect(body).toMatchObject({
      from: 20,
      size: 10,
      _source: { excludes: ['body'] },
      query: {
        bool: {
          must: [
            {
              bool: {
                minimum_should_match: 1,
                should: [
                  { multi_match: { query: 'не работет впн', fields: TEXT_FIELDS } },
                  {
                    multi_match: {
                      query: 'не работет впн',
                      fields: TITLE_FIELDS,
                      fuzziness: 'AUTO',
                      prefix_length: 1,
                    },
                  },
                ],
              },
            },
          ],
          should: [{ multi_match: { type: 'phrase', slop: 2, boost: 2 } }],
        },
      },
      highlight: { encoder: 'html', pre_tags: ['<mark>'] },
    });
    expect(TEXT_FIELDS).toEqual(['title.ru^3', 'title.en^3', 'body.ru', 'body.en']);
    expect(TITLE_FIELDS).toEqual(['title.ru^3', 'title.en^3']);
  });

  it('browses newest first without words', () => {
    expect(searchBody({ text: '', filters: requesterFilters, page: 1, pageSize: 5 })).toMatchObject(
      {
        query: { bool: { filter: filterClauses(requesterFilters) } },
        sort: [{ published_at: { order: 'desc' } }, { _id: { order: 'asc' } }],
      },
    );
  });
});

describe('suggestionBody', () => {
  it('combines more-like-this over the whole ticket with the title matched again', () => {
    const body = suggestionBody({
      title: 'Не работает впн',
      description: 'Из дома',
      filters: requesterFilters,
      limit: 5,
    });
    expect(body).toMatchObject({
      size: 5,
      query: {
        bool: {
          minimum_should_match: 1,
          should: [
            { more_like_this: { like: 'Не работает впн\nИз дома', min_doc_freq: 1 } },
            { bool: { boost: 2, should: [{}, { multi_match: { fuzziness: 'AUTO' } }] } },
          ],
        },
      },
    });
  });

  it('relies on more-like-this alone without a title', () => {
    const body = suggestionBody({
      title: '',
      description: 'VPN drops every hour',
      filters: requesterFilters,
      limit: 3,
    });
    expect((body.query?.bool?.should as unknown[]).length).toBe(1);
  });
});
