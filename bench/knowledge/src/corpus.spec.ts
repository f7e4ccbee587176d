import { corpusArticle, random, SEARCH_CASES } from './corpus';
import { arrayLiteral } from './seed';
import { rawSearchBody } from './search-clients';

describe('the benchmark corpus', () => {
  it('is the same for the same index and varies between indexes', () => {
    expect(corpusArticle(42)).toEqual(corpusArticle(42));
    const titles = new Set(Array.from({ length: 200 }, (_, index) => corpusArticle(index).title));
    expect(titles.size).toBeGreaterThan(100);
  });

  it('mixes languages and audiences roughly as configured', () => {
    const articles = Array.from({ length: 2000 }, (_, index) => corpusArticle(index));
    const share = (predicate: (article: (typeof articles)[number]) => boolean) =>
      articles.filter(predicate).length / articles.length;
    expect(share((article) => article.language === 'ru')).toBeCloseTo(0.7, 1);
    expect(share((article) => article.audience === 'public')).toBeCloseTo(0.8, 1);
  });

  it('draws numbers in [0, 1)', () => {
    const next = random(1);
    const draws = Array.from({ length: 1000 }, next);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });

  it('escapes Postgres array literals', () => {
    expect(arrayLiteral(['vpn', 'a "b"', 'c\\d'])).toBe('{"vpn","a \\"b\\"","c\\\\d"}');
  });

  it('keeps every search case a requester search the baseline can repeat', () => {
    for (const { params } of SEARCH_CASES) {
      const body = rawSearchBody(params) as { query: { bool: { filter: unknown[] } } };
      expect(body.query.bool.filter[0]).toEqual({ terms: { audience: ['public'] } });
    }
  });
});
