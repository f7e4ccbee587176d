import { editArticle } from './article-edit';
import { KnowledgeErrorCode } from './knowledge-error';
import { content, draft, published } from './testing-articles';

const now = new Date('2026-11-28T10:00:00.000Z');

describe('editArticle', () => {
  it('starts a draft revision of a published article; the live version stays', () => {
    const live = published();
    const { article, changed, contentChanged } = editArticle(
      live,
      { content: { body: 'Новая инструкция' } },
      'author-2',
      now,
    );
    expect({ changed, contentChanged }).toEqual({ changed: true, contentChanged: true });
    expect(article).toMatchObject({
      status: 'draft',
      editorId: 'author-2',
      publishedContent: live.publishedContent,
      publishedVersion: 1,
      revision: live.revision + 1,
      updatedAt: now,
    });
    expect(article.content.body).toBe('Новая инструкция');
  });

  it('changes review date, expiry and the outdated flag at once, without a review', () => {
    const live = published();
    const reviewBy = new Date('2027-01-01T00:00:00.000Z');
    const { article, contentChanged } = editArticle(
      live,
      { reviewBy, outdated: true },
      'kb-manager',
      now,
    );
    expect(contentChanged).toBe(false);
    expect(article).toMatchObject({
      status: 'published',
      reviewBy,
      outdatedFlag: true,
      editorId: live.editorId,
    });
  });

  it('writes nothing when every named field keeps its value', () => {
    const live = published();
    const result = editArticle(
      live,
      { content: { title: ` ${live.content.title} `, tags: ['VPN'] } },
      'author-2',
      now,
    );
    expect(result).toEqual({ article: live, changed: false, contentChanged: false });
  });

  it.each([
    ['in review', draft({ status: 'in_review' })],
    ['archived', published({ status: 'archived' })],
  ])('refuses a content edit of an article %s', (_case, article) => {
    expect(() => editArticle(article, { content: { title: 'x' } }, 'author-1', now)).toThrow(
      expect.objectContaining({ code: KnowledgeErrorCode.InvalidTransition }) as Error,
    );
  });

  it('lets the outdated flag be set while the article is in review', () => {
    expect(
      editArticle(draft({ status: 'in_review' }), { outdated: true }, 'm', now).article
        .outdatedFlag,
    ).toBe(true);
  });

  it('reports every broken rule at once', () => {
    expect(() =>
      editArticle(
        draft(),
        {
          content: { title: '', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
          reviewBy: new Date('2027-02-01'),
          expiresAt: new Date('2027-01-01'),
        },
        'author-1',
        now,
      ),
    ).toThrow(
      expect.objectContaining({
        violations: [
          { field: 'content.title', message: 'title is required' },
          { field: 'content.tags', message: 'at most 20 tags' },
          { field: 'expiresAt', message: 'expiresAt must not be before reviewBy' },
        ],
      }) as Error,
    );
  });

  it('normalises tags and related ids', () => {
    const { article } = editArticle(
      draft(),
      { content: { tags: [' VPN', 'vpn', 'Mac'], serviceIds: [' svc-1 ', '', 'svc-1'] } },
      'author-1',
      now,
    );
    expect(article.content).toEqual(content({ tags: ['vpn', 'mac'], serviceIds: ['svc-1'] }));
  });
});
