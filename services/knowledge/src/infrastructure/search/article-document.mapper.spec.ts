import { content, draft, published } from '../../domain/testing-articles';
import { toIndexChange, toSearchHit } from './article-document.mapper';

describe('toIndexChange', () => {
  it('indexes the live version as plain text, versioned by the article revision', () => {
    const article = published({
      status: 'draft',
      revision: 7,
      content: content({ title: 'Черновик' }),
      publishedContent: content({
        title: 'Не работает VPN',
        body: '# VPN\n\nПерезапустите **клиент**.',
        categoryId: 'cat-2',
      }),
      outdatedFlag: true,
    });
    expect(
      toIndexChange({ articleId: article.id, article, categoryPath: ['cat-1', 'cat-2'] }),
    ).toEqual({
      kind: 'index',
      id: article.id,
      version: 7,
      body: expect.objectContaining({
        title: 'Не работает VPN',
        body: 'VPN\n\nПерезапустите клиент.',
        excerpt: 'VPN Перезапустите клиент.',
        category_id: 'cat-2',
        category_path: ['cat-1', 'cat-2'],
        version: 1,
        outdated: true,
        audience: 'public',
      }),
    });
  });

  it.each([
    ['a never published draft', draft({ revision: 2 }), { version: 2 }],
    ['an archived article', published({ status: 'archived', revision: 5 }), { version: 5 }],
  ])('removes %s, versioned', (_case, article, expected) => {
    expect(toIndexChange({ articleId: article.id, article, categoryPath: [] })).toEqual({
      kind: 'delete',
      id: article.id,
      ...expected,
    });
  });

  it('removes a deleted article without a version', () => {
    expect(toIndexChange({ articleId: 'gone', article: undefined, categoryPath: [] })).toEqual({
      kind: 'delete',
      id: 'gone',
    });
  });
});

describe('toSearchHit', () => {
  it('prefers highlights of the article language and computes outdated from the review date', () => {
    const hit = toSearchHit(
      {
        _index: 'kb-v1',
        _id: 'a-1',
        _score: 3.5,
        _source: {
          language: 'ru',
          translation_group_id: 'a-1',
          audience: 'public',
          title: 'Не работает VPN',
          body: '',
          excerpt: 'Перезапустите клиент.',
          category_id: null,
          category_path: [],
          tags: ['vpn'],
          service_ids: [],
          configuration_item_ids: [],
          version: 2,
          published_at: '2026-11-27T09:00:00.000Z',
          review_by: '2026-11-01T00:00:00.000Z',
          expires_at: null,
          outdated: false,
        },
        highlight: {
          'title.en': ['Не работает <mark>VPN</mark>'],
          'title.ru': ['Не <mark>работает</mark> <mark>VPN</mark>'],
          'body.en': ['<mark>клиент</mark>'],
        },
      },
      new Date('2026-11-28T00:00:00.000Z'),
    );
    expect(hit).toMatchObject({
      articleId: 'a-1',
      score: 3.5,
      outdated: true,
      titleHighlight: 'Не <mark>работает</mark> <mark>VPN</mark>',
      bodyHighlights: ['<mark>клиент</mark>'],
      publishedAt: new Date('2026-11-27T09:00:00.000Z'),
    });
  });
});
