import { createCategory } from '../../domain/category';
import { KnowledgeErrorCode } from '../../domain/knowledge-error';
import { content, T0 } from '../../domain/testing-articles';
import {
  fixedClock,
  InMemoryArticleStore,
  sequentialIds,
} from '../testing/in-memory-article-store';
import { CreateArticleUseCase } from './create-article.use-case';

function setUp() {
  const store = new InMemoryArticleStore();
  return { store, useCase: new CreateArticleUseCase(store, fixedClock(T0), sequentialIds()) };
}

const command = {
  language: 'ru' as const,
  content: content(),
  authorId: 'author-1',
  translationOf: undefined,
  reviewBy: null,
  expiresAt: null,
};

describe('CreateArticleUseCase', () => {
  it('writes a draft in its own translation group and announces it', async () => {
    const { store, useCase } = setUp();

    const article = await useCase.execute(command);

    expect(article).toMatchObject({ status: 'draft', translationGroupId: article.id, revision: 1 });
    expect(store.events.map((event) => event.type)).toEqual(['itsm.knowledge.v1.article.created']);
    expect(store.indexQueue).toEqual([]);
  });

  it('joins the translation group of the original, one article per language', async () => {
    const { useCase } = setUp();
    const original = await useCase.execute(command);

    const english = await useCase.execute({
      ...command,
      language: 'en',
      content: content({ title: 'VPN does not work' }),
      translationOf: original.id,
    });

    expect(english.translationGroupId).toBe(original.id);
    await expect(useCase.execute({ ...command, translationOf: original.id })).rejects.toMatchObject(
      { code: KnowledgeErrorCode.AlreadyExists },
    );
  });

  it('refuses an unknown category or original', async () => {
    const { store, useCase } = setUp();
    store.seedCategory(createCategory({ id: 'cat-1', name: 'VPN', parent: null, now: T0 }));

    await expect(
      useCase.execute({
        ...command,
        content: content({ categoryId: 'cat-2' }),
        translationOf: 'missing',
      }),
    ).rejects.toMatchObject({
      code: KnowledgeErrorCode.ValidationFailed,
      violations: [
        { field: 'content.categoryId', message: 'category cat-2 does not exist' },
        { field: 'translationOf', message: 'article missing does not exist' },
      ],
    });
    await expect(
      useCase.execute({ ...command, content: content({ categoryId: 'cat-1' }) }),
    ).resolves.toMatchObject({ content: { categoryId: 'cat-1' } });
  });
});
