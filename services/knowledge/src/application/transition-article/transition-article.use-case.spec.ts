import { content, draft, published, T0 } from '../../domain/testing-articles';
import { KnowledgeErrorCode } from '../../domain/knowledge-error';
import {
  fixedClock,
  InMemoryArticleStore,
  sequentialIds,
} from '../testing/in-memory-article-store';
import { TransitionArticleUseCase } from './transition-article.use-case';

const now = new Date('2026-11-28T12:00:00.000Z');

function setUp() {
  const store = new InMemoryArticleStore();
  const useCase = new TransitionArticleUseCase(store, fixedClock(now), sequentialIds());
  return { store, useCase };
}

const command = {
  comment: undefined,
  version: undefined,
  expectedRevision: undefined,
};

describe('TransitionArticleUseCase', () => {
  it('approves: the version, the review, a published event and an index queue entry together', async () => {
    const { store, useCase } = setUp();
    const article = draft({ status: 'in_review', revision: 2 });
    store.seed(article);

    const { article: after, version } = await useCase.execute({
      ...command,
      articleId: article.id,
      action: 'approve',
      actorId: 'reviewer-1',
    });

    expect(after).toMatchObject({ status: 'published', publishedVersion: 1, revision: 3 });
    expect(version).toMatchObject({ number: 1, approvedBy: 'reviewer-1', authorId: 'author-1' });
    expect(store.storedVersions).toEqual([version]);
    expect(await store.reviews(article.id)).toEqual([
      expect.objectContaining({ decision: 'approved', reviewerId: 'reviewer-1', revision: 2 }),
    ]);
    expect(store.events).toEqual([
      {
        type: 'itsm.knowledge.v1.article.published',
        key: article.id,
        payload: expect.objectContaining({
          action: 'ARTICLE_ACTION_APPROVE',
          actorId: 'reviewer-1',
          version: 1,
          article: expect.objectContaining({ status: 'ARTICLE_STATUS_PUBLISHED', revision: 3 }),
        }),
      },
    ]);
    expect(store.indexQueue).toEqual([article.id]);
  });

  it('does not queue a change of an article that never was and is not searchable', async () => {
    const { store, useCase } = setUp();
    const article = draft();
    store.seed(article);

    await useCase.execute({ ...command, articleId: article.id, action: 'submit', actorId: 'a' });

    expect(store.events.map((event) => event.type)).toEqual([
      'itsm.knowledge.v1.article.submitted',
    ]);
    expect(store.indexQueue).toEqual([]);
  });

  it('queues an archived article so the index drops it', async () => {
    const { store, useCase } = setUp();
    const article = published();
    store.seed(article);

    await useCase.execute({ ...command, articleId: article.id, action: 'archive', actorId: 'm' });

    expect(store.indexQueue).toEqual([article.id]);
    expect(store.events[0]?.type).toBe('itsm.knowledge.v1.article.archived');
  });

  it('rolls back to a stored version', async () => {
    const { store, useCase } = setUp();
    const v1 = {
      articleId: published().id,
      number: 1,
      content: content({ title: 'Первая' }),
      authorId: 'author-1',
      approvedBy: 'reviewer-1',
      origin: 'approve' as const,
      restoredFrom: null,
      publishedAt: T0,
    };
    store.seed(published({ publishedVersion: 2, publishedContent: content({ title: 'Вторая' }) }), [
      v1,
    ]);

    const { article, version } = await useCase.execute({
      ...command,
      articleId: v1.articleId,
      action: 'rollback',
      actorId: 'kb-manager',
      version: 1,
    });

    expect(version).toMatchObject({ number: 3, restoredFrom: 1, content: v1.content });
    expect(article.publishedContent?.title).toBe('Первая');
  });

  it('refuses a stale revision and writes nothing', async () => {
    const { store, useCase } = setUp();
    const article = draft({ status: 'in_review', revision: 4 });
    store.seed(article);

    await expect(
      useCase.execute({
        ...command,
        articleId: article.id,
        action: 'approve',
        actorId: 'reviewer-1',
        expectedRevision: 3,
      }),
    ).rejects.toMatchObject({
      code: KnowledgeErrorCode.VersionConflict,
      details: { currentRevision: 4 },
    });
    expect(store.events).toEqual([]);
    expect(await store.findById(article.id)).toEqual(article);
  });

  it('answers NOT_FOUND for an unknown article', async () => {
    const { useCase } = setUp();
    await expect(
      useCase.execute({ ...command, articleId: 'nope', action: 'submit', actorId: 'a' }),
    ).rejects.toMatchObject({ code: KnowledgeErrorCode.NotFound });
  });
});
