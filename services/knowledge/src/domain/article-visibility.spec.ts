import type { Article } from './article';
import { isOutdated, isReadableBy, isSearchable, viewOf } from './article-visibility';
import { content, draft, published } from './testing-articles';

const now = new Date('2026-12-01T00:00:00.000Z');
const before = new Date('2026-11-30T00:00:00.000Z');
const after = new Date('2026-12-02T00:00:00.000Z');

describe('what a requester may read', () => {
  it.each<[string, Article, boolean]>([
    ['a public published article', published(), true],
    ['a never published draft', draft(), false],
    ['an archived article', published({ status: 'archived' }), false],
    [
      'an internal published article',
      published({ publishedContent: content({ audience: 'internal' }) }),
      false,
    ],
    [
      'a public live version whose draft revision turns internal',
      published({ status: 'draft', content: content({ audience: 'internal' }) }),
      true,
    ],
    ['an expired article', published({ expiresAt: before }), false],
    ['an article expiring later', published({ expiresAt: after }), true],
  ])('%s: %s', (_case, article, readable) => {
    expect(isReadableBy(article, 'requester', now)).toBe(readable);
    expect(isReadableBy(article, 'agent', now)).toBe(true);
  });

  it('shows a requester the live content and not who edits the draft', () => {
    const article = published({
      status: 'draft',
      editorId: 'author-2',
      content: content({ body: 'черновик' }),
    });
    expect(viewOf(article, 'requester')).toMatchObject({
      status: 'published',
      content: article.publishedContent,
      editorId: '',
    });
    expect(viewOf(article, 'agent')).toBe(article);
  });
});

describe('isSearchable and isOutdated', () => {
  it.each<[Article, boolean]>([
    [draft(), false],
    [published(), true],
    [published({ status: 'in_review' }), true],
    [published({ status: 'archived' }), false],
  ])('searchable: %#', (article, expected) => {
    expect(isSearchable(article)).toBe(expected);
  });

  it.each([
    [false, null, false],
    [true, null, true],
    [false, after, false],
    [false, before, true],
    [false, now, true],
  ])('flag %s, review by %s → outdated %s', (outdatedFlag, reviewBy, expected) => {
    expect(isOutdated({ outdatedFlag, reviewBy }, now)).toBe(expected);
  });
});
