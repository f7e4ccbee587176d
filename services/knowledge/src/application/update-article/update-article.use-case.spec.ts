import { draft, published } from '../../domain/testing-articles';
import { fixedClock, InMemoryArticleStore } from '../testing/in-memory-article-store';
import { UpdateArticleUseCase } from './update-article.use-case';

const now = new Date('2026-11-28T12:00:00.000Z');

describe('UpdateArticleUseCase', () => {
  it('queues a published article for the index when its flag changes', async () => {
    const store = new InMemoryArticleStore();
    const article = published();
    store.seed(article);

    const updated = await new UpdateArticleUseCase(store, fixedClock(now)).execute({
      articleId: article.id,
      expectedRevision: article.revision,
      editorId: 'kb-manager',
      edit: { outdated: true },
    });

    expect(updated).toMatchObject({ outdatedFlag: true, revision: article.revision + 1 });
    expect(store.events.map((event) => event.type)).toEqual(['itsm.knowledge.v1.article.updated']);
    expect(store.indexQueue).toEqual([article.id]);
  });

  it('writes and announces nothing for an edit that changes nothing', async () => {
    const store = new InMemoryArticleStore();
    const article = draft();
    store.seed(article);

    const result = await new UpdateArticleUseCase(store, fixedClock(now)).execute({
      articleId: article.id,
      expectedRevision: undefined,
      editorId: 'author-1',
      edit: { content: { title: article.content.title } },
    });

    expect(result).toBe(article);
    expect(store.events).toEqual([]);
  });
});
