import type { FeedbackStore } from '../ports/feedback-store';
import type { ArticleSearch, ArticleSearchPage } from '../ports/article-search';
import { fixedClock } from '../testing/in-memory-article-store';
import { SearchArticlesUseCase } from './search-articles.use-case';

const now = new Date('2026-11-28T12:00:00.000Z');

function setUp(page: ArticleSearchPage) {
  const misses: unknown[][] = [];
  const requests: unknown[] = [];
  const search: ArticleSearch = {
    search: (request) => {
      requests.push(request);
      return Promise.resolve(page);
    },
    suggest: () => Promise.resolve([]),
  };
  const feedback = {
    recordUnansweredSearch: (...args: unknown[]) => {
      misses.push(args);
      return Promise.resolve();
    },
  } as unknown as FeedbackStore;
  return {
    misses,
    requests,
    useCase: new SearchArticlesUseCase(search, feedback, fixedClock(now)),
  };
}

const query = {
  text: '  Сброс  Пароля 1С ',
  viewer: 'requester' as const,
  audience: undefined,
  language: 'ru' as const,
  categoryId: undefined,
  tags: [],
  serviceId: undefined,
  page: undefined,
  pageSize: undefined,
};

describe('SearchArticlesUseCase', () => {
  it('counts a search for words that found nothing, normalised', async () => {
    const { misses, useCase } = setUp({ hits: [], total: 0, totalExact: true });

    const result = await useCase.execute(query);

    expect(result).toMatchObject({ total: 0, page: 1, pageSize: 10 });
    expect(misses).toEqual([['сброс пароля 1с', 'ru', now]]);
  });

  it.each([
    ['a browse without words', { text: '' }],
    ['a later page', { page: 2 }],
  ])('does not count %s', async (_case, input) => {
    const { misses, useCase } = setUp({ hits: [], total: 0, totalExact: true });
    await useCase.execute({ ...query, ...input });
    expect(misses).toEqual([]);
  });

  it('asks the index for public articles only on behalf of a requester', async () => {
    const { requests, useCase } = setUp({ hits: [], total: 3, totalExact: true });
    await useCase.execute(query);
    expect(requests).toEqual([
      expect.objectContaining({ filters: expect.objectContaining({ audiences: ['public'] }) }),
    ]);
  });
});
