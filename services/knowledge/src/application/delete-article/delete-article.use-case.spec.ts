import { KnowledgeErrorCode } from '../../domain/knowledge-error';
import { draft, published, T0 } from '../../domain/testing-articles';
import { fixedClock, InMemoryArticleStore } from '../testing/in-memory-article-store';
import { DeleteArticleUseCase } from './delete-article.use-case';

describe('DeleteArticleUseCase', () => {
  it('deletes a never published draft and announces it', async () => {
    const store = new InMemoryArticleStore();
    store.seed(draft());

    await new DeleteArticleUseCase(store, fixedClock(T0)).execute(draft().id, 'author-1');

    expect(await store.findById(draft().id)).toBeUndefined();
    expect(store.events).toEqual([
      expect.objectContaining({ type: 'itsm.knowledge.v1.article.deleted', key: draft().id }),
    ]);
  });

  it('refuses anything that was published once: it is archived instead', async () => {
    const store = new InMemoryArticleStore();
    store.seed(published({ status: 'draft' }));

    await expect(
      new DeleteArticleUseCase(store, fixedClock(T0)).execute(published().id, 'author-1'),
    ).rejects.toMatchObject({ code: KnowledgeErrorCode.InvalidTransition });
    expect(await store.findById(published().id)).toBeDefined();
  });
});
