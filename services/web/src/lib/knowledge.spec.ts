import {
  categoryTree,
  hasNextPage,
  knowledgeSearchParams,
  pageCount,
  readKnowledgeQuery,
  reportProblemLink,
} from './knowledge';

describe('readKnowledgeQuery', () => {
  it.each([
    ['', { q: '', category: '', page: 1 }],
    ['?q=%20vpn%20&page=3', { q: 'vpn', category: '', page: 3 }],
    ['?category=c1&page=0', { q: '', category: 'c1', page: 1 }],
    ['?page=two', { q: '', category: '', page: 1 }],
    ['?page=2.5', { q: '', category: '', page: 1 }],
    ['?page=5000', { q: '', category: '', page: 1000 }],
  ])('reads “%s”', (search, expected) => {
    expect(readKnowledgeQuery(new URLSearchParams(search))).toEqual(expected);
  });

  it('cuts a query to what the API takes', () => {
    expect(readKnowledgeQuery(new URLSearchParams({ q: 'a'.repeat(300) })).q).toHaveLength(200);
  });
});

describe('knowledgeSearchParams', () => {
  it('leaves out the defaults and round-trips the rest', () => {
    expect(knowledgeSearchParams({ q: '  ', category: '', page: 1 }).toString()).toBe('');
    const query = { q: 'не работает впн', category: 'c1', page: 2 };
    expect(readKnowledgeQuery(knowledgeSearchParams(query))).toEqual(query);
  });
});

describe('hasNextPage', () => {
  it.each([
    [{ page: 1, pageSize: 10, total: 25, totalExact: true, shown: 10 }, true],
    [{ page: 3, pageSize: 10, total: 25, totalExact: true, shown: 5 }, false],
    [{ page: 2, pageSize: 10, total: 20, totalExact: true, shown: 10 }, false],
    [{ page: 2, pageSize: 10, total: 20, totalExact: false, shown: 10 }, true],
    [{ page: 2, pageSize: 10, total: 20, totalExact: false, shown: 7 }, false],
    [{ page: 1000, pageSize: 10, total: 20_000, totalExact: false, shown: 10 }, false],
  ])('%j: %s', (result, expected) => {
    expect(hasNextPage(result)).toBe(expected);
  });
});

describe('pageCount', () => {
  it.each([
    [{ page: 1, pageSize: 10, total: 0 }, 1],
    [{ page: 1, pageSize: 10, total: 10 }, 1],
    [{ page: 1, pageSize: 10, total: 11 }, 2],
    [{ page: 4, pageSize: 10, total: 11 }, 4],
  ])('%j: %d', (result, expected) => {
    expect(pageCount(result)).toBe(expected);
  });
});

describe('categoryTree', () => {
  it('indents categories by the ancestors the reader knows', () => {
    const tree = categoryTree([
      { id: 'net', parentId: null, name: 'Network', path: ['net'] },
      { id: 'vpn', parentId: 'net', name: 'VPN', path: ['net', 'vpn'] },
      { id: 'mac', parentId: 'vpn', name: 'macOS', path: ['net', 'vpn', 'mac'] },
      { id: 'orphan', parentId: 'gone', name: 'Orphan', path: ['gone', 'orphan'] },
    ]);
    expect(tree.map(({ category, depth }) => [category.id, depth])).toEqual([
      ['net', 0],
      ['vpn', 1],
      ['mac', 2],
      ['orphan', 0],
    ]);
  });
});

describe('reportProblemLink', () => {
  it.each([
    [{}, '/portal/report'],
    [{ articleId: 'a1' }, '/portal/report?article=a1'],
    [{ title: ' vpn & wifi ' }, '/portal/report?title=vpn+%26+wifi'],
  ])('%j links to %s', (context, expected) => {
    expect(reportProblemLink(context)).toBe(expected);
  });
});
