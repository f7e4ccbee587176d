import type { Article, ArticleStatus } from './article';
import {
  ARTICLE_ACTIONS,
  type ArticleAction,
  allowedArticleActions,
  transitionArticle,
} from './article-lifecycle';
import type { ArticleVersion } from './article-version';
import { KnowledgeErrorCode } from './knowledge-error';
import { content, draft, published, T0 } from './testing-articles';

const context = { now: new Date('2026-11-28T10:00:00.000Z'), reviewId: 'review-1' };

function withStatus(status: ArticleStatus, live: boolean): Article {
  return live ? published({ status }) : draft({ status });
}

describe('article lifecycle', () => {
  it.each<[ArticleStatus, boolean, ArticleAction[]]>([
    ['draft', false, ['submit', 'archive']],
    ['draft', true, ['submit', 'archive', 'rollback']],
    ['in_review', false, ['approve', 'send_back', 'archive']],
    ['in_review', true, ['approve', 'send_back', 'archive']],
    ['published', true, ['archive', 'rollback']],
    ['archived', false, []],
    ['archived', true, ['publish']],
  ])('a %s article (live version: %s) allows %j', (status, live, actions) => {
    expect(allowedArticleActions(withStatus(status, live))).toEqual(actions);
  });

  it.each(
    ARTICLE_ACTIONS.flatMap((action) =>
      (['draft', 'in_review', 'published', 'archived'] as const)
        .filter((status) => !allowedArticleActions(withStatus(status, true)).includes(action))
        .map((status) => [action, status] as const),
    ),
  )('refuses %s from %s with the allowed actions', (action, status) => {
    const article = withStatus(status, true);
    expect(() =>
      transitionArticle(article, { action, actorId: 'someone', comment: 'c' }, context),
    ).toThrow(
      expect.objectContaining({
        code: KnowledgeErrorCode.InvalidTransition,
        details: { currentStatus: status, allowedActions: allowedArticleActions(article) },
      }) as Error,
    );
  });

  it('submits a draft with a body, counting a revision', () => {
    const { article, version, review } = transitionArticle(
      draft(),
      { action: 'submit', actorId: 'author-1' },
      context,
    );
    expect(article).toMatchObject({ status: 'in_review', revision: 2, updatedAt: context.now });
    expect([version, review]).toEqual([null, null]);
  });

  it('refuses to submit an empty body for review', () => {
    expect(() =>
      transitionArticle(
        draft({ content: content({ body: '  ' }) }),
        { action: 'submit', actorId: 'author-1' },
        context,
      ),
    ).toThrow(expect.objectContaining({ code: KnowledgeErrorCode.ValidationFailed }) as Error);
  });

  it('approves the working copy as the next version, written by its editor', () => {
    const inReview = published({
      status: 'in_review',
      editorId: 'author-2',
      content: content({ title: 'VPN: новая инструкция' }),
    });
    const { article, version, review } = transitionArticle(
      inReview,
      { action: 'approve', actorId: 'reviewer-1', comment: ' ok ' },
      context,
    );
    expect(version).toEqual({
      articleId: inReview.id,
      number: 2,
      content: inReview.content,
      authorId: 'author-2',
      approvedBy: 'reviewer-1',
      origin: 'approve',
      restoredFrom: null,
      publishedAt: context.now,
    });
    expect(article).toMatchObject({
      status: 'published',
      publishedVersion: 2,
      publishedContent: inReview.content,
      publishedAt: context.now,
      revision: inReview.revision + 1,
    });
    expect(review).toMatchObject({
      decision: 'approved',
      reviewerId: 'reviewer-1',
      comment: 'ok',
      revision: inReview.revision,
    });
  });

  it('keeps four eyes: the last editor cannot approve', () => {
    expect(() =>
      transitionArticle(
        draft({ status: 'in_review' }),
        { action: 'approve', actorId: 'author-1' },
        context,
      ),
    ).toThrow(
      expect.objectContaining({
        code: KnowledgeErrorCode.ValidationFailed,
        violations: [{ field: 'actorId', message: 'the reviewer must not be the last editor' }],
      }) as Error,
    );
  });

  it.each([undefined, '', '   ', 'x'.repeat(2001)])(
    'refuses to send back without a usable comment (%j)',
    (comment) => {
      expect(() =>
        transitionArticle(
          draft({ status: 'in_review' }),
          { action: 'send_back', actorId: 'reviewer-1', comment },
          context,
        ),
      ).toThrow(expect.objectContaining({ code: KnowledgeErrorCode.ValidationFailed }) as Error);
    },
  );

  it('sends back to draft with the reviewer comment on record', () => {
    const { article, review } = transitionArticle(
      draft({ status: 'in_review' }),
      { action: 'send_back', actorId: 'reviewer-1', comment: 'Добавьте скриншоты' },
      context,
    );
    expect(article.status).toBe('draft');
    expect(review).toMatchObject({ decision: 'sent_back', comment: 'Добавьте скриншоты' });
  });

  it.each<[string, Article, ArticleStatus]>([
    ['unchanged since its last version', published({ status: 'archived' }), 'published'],
    [
      'with unreviewed changes',
      published({ status: 'archived', content: content({ body: 'черновик' }) }),
      'draft',
    ],
  ])('publishes an archived article %s; its live version is back', (_case, archived, status) => {
    const { article, version } = transitionArticle(
      archived,
      { action: 'publish', actorId: 'kb-manager' },
      context,
    );
    expect(article).toMatchObject({ status, publishedVersion: 1, publishedAt: context.now });
    expect(version).toBeNull();
  });

  it('rolls back by publishing the old content as the next version', () => {
    const v1: ArticleVersion = {
      articleId: published().id,
      number: 1,
      content: content({ title: 'Старая' }),
      authorId: 'author-1',
      approvedBy: 'reviewer-1',
      origin: 'approve',
      restoredFrom: null,
      publishedAt: T0,
    };
    const current = published({
      publishedVersion: 2,
      publishedContent: content({ title: 'Новая' }),
    });
    const { article, version } = transitionArticle(
      current,
      { action: 'rollback', actorId: 'kb-manager', restore: v1 },
      context,
    );
    expect(version).toMatchObject({
      number: 3,
      content: v1.content,
      authorId: 'kb-manager',
      origin: 'rollback',
      restoredFrom: 1,
    });
    expect(article).toMatchObject({
      status: 'published',
      content: v1.content,
      publishedContent: v1.content,
      publishedVersion: 3,
      editorId: 'kb-manager',
    });
  });

  it('refuses a rollback to the live version or without a version', () => {
    const live = published();
    const v1: ArticleVersion = {
      articleId: live.id,
      number: 1,
      content: live.content,
      authorId: 'author-1',
      approvedBy: 'reviewer-1',
      origin: 'approve',
      restoredFrom: null,
      publishedAt: T0,
    };
    expect(() =>
      transitionArticle(live, { action: 'rollback', actorId: 'm', restore: v1 }, context),
    ).toThrow(expect.objectContaining({ code: KnowledgeErrorCode.InvalidTransition }) as Error);
    expect(() => transitionArticle(live, { action: 'rollback', actorId: 'm' }, context)).toThrow(
      expect.objectContaining({ code: KnowledgeErrorCode.ValidationFailed }) as Error,
    );
  });

  it('needs an actor for every action', () => {
    expect(() => transitionArticle(draft(), { action: 'submit', actorId: ' ' }, context)).toThrow(
      expect.objectContaining({ code: KnowledgeErrorCode.ValidationFailed }) as Error,
    );
  });
});
