import type {
  ArticleRecord,
  ArticleTransitionBody,
  CreateArticleBody,
  CreateKnowledgeCategoryBody,
  KnowledgeCategoryRecord,
} from './gateway-api';
import type { KnowledgeApi } from './gateway-client';
import type { KnowledgePlan } from './knowledge-plan';
import { syncKnowledge } from './knowledge-sync';

/** The knowledge endpoints in memory, with the review workflow's rules. */
class FakeKnowledgeApi implements KnowledgeApi {
  readonly calls: string[] = [];
  readonly categories: KnowledgeCategoryRecord[] = [];
  readonly articles: (ArticleRecord & { editorId: string; translationOf?: string })[] = [];

  async listKnowledgeCategories(): Promise<KnowledgeCategoryRecord[]> {
    return this.categories.map((category) => ({ ...category }));
  }

  async createKnowledgeCategory(
    body: CreateKnowledgeCategoryBody,
  ): Promise<KnowledgeCategoryRecord> {
    this.calls.push(`category ${body.name} by ${body.actorId}`);
    const category = { id: `kc-${this.categories.length + 1}`, parentId: null, name: body.name };
    this.categories.push(category);
    return { ...category };
  }

  async listArticlesBy(authorId: string): Promise<ArticleRecord[]> {
    this.calls.push(`list articles of ${authorId}`);
    return this.articles
      .filter((article) => article.authorId === authorId)
      .map((article) => ({ ...article }));
  }

  async createArticle(body: CreateArticleBody): Promise<ArticleRecord> {
    const translation = body.translationOf ? ` translating ${body.translationOf}` : '';
    this.calls.push(`create ${body.language} "${body.title}" by ${body.authorId}${translation}`);
    const article = {
      id: `ka-${this.articles.length + 1}`,
      language: body.language,
      status: 'draft' as const,
      authorId: body.authorId,
      editorId: body.authorId,
      content: { title: body.title },
      ...(body.translationOf ? { translationOf: body.translationOf } : {}),
    };
    this.articles.push(article);
    return { ...article };
  }

  async transitionArticle(articleId: string, body: ArticleTransitionBody): Promise<ArticleRecord> {
    this.calls.push(`${body.action} ${articleId} by ${body.actorId}`);
    const article = this.articles.find((candidate) => candidate.id === articleId);
    if (!article) throw new Error(`404 ${articleId}`);
    if (body.action === 'submit' && article.status === 'draft') {
      article.status = 'in_review';
    } else if (
      body.action === 'approve' &&
      article.status === 'in_review' &&
      body.actorId !== article.editorId
    ) {
      article.status = 'published';
    } else {
      throw new Error(`409 cannot ${body.action} a ${article.status} article as ${body.actorId}`);
    }
    return { ...article };
  }
}

const PLAN: KnowledgePlan = {
  editorId: 'agent-05',
  categories: [
    { key: 'network', name: 'Network' },
    { key: 'runbooks', name: 'Runbooks' },
  ],
  articles: [
    {
      key: 'vpn.ru',
      language: 'ru',
      title: 'Не подключается VPN',
      body: '1. Перезапустите клиент.',
      audience: 'public',
      category: 'network',
      tags: ['vpn'],
      authorId: 'agent-07',
      reviewerId: 'agent-02',
    },
    {
      key: 'vpn.en',
      language: 'en',
      title: 'VPN does not connect',
      body: '1. Restart the client.',
      audience: 'public',
      category: 'network',
      tags: ['vpn'],
      authorId: 'agent-07',
      reviewerId: 'agent-02',
      translationOf: 'vpn.ru',
    },
  ],
};

describe('syncKnowledge', () => {
  it('creates the categories and publishes each article through review, translations linked', async () => {
    const api = new FakeKnowledgeApi();
    const counts = await syncKnowledge(PLAN, api);
    expect(api.calls).toEqual([
      'category Network by agent-05',
      'category Runbooks by agent-05',
      'list articles of agent-07',
      'create ru "Не подключается VPN" by agent-07',
      'submit ka-1 by agent-07',
      'approve ka-1 by agent-02',
      'create en "VPN does not connect" by agent-07 translating ka-1',
      'submit ka-2 by agent-07',
      'approve ka-2 by agent-02',
    ]);
    expect(api.articles.map((article) => article.status)).toEqual(['published', 'published']);
    expect(counts).toEqual({
      categories: { total: 2, created: 2 },
      articles: { total: 2, created: 2, published: 2 },
    });
  });

  it('creates nothing the second time', async () => {
    const api = new FakeKnowledgeApi();
    await syncKnowledge(PLAN, api);
    api.calls.length = 0;
    const again = await syncKnowledge(PLAN, api);
    expect(api.calls).toEqual(['list articles of agent-07']);
    expect(again).toEqual({
      categories: { total: 2, created: 0 },
      articles: { total: 2, created: 0, published: 0 },
    });
  });

  it('finds articles whatever the case, and takes one left in review on to published', async () => {
    const api = new FakeKnowledgeApi();
    api.categories.push({ id: 'kc-9', parentId: null, name: ' network ' });
    await api.createArticle({
      language: 'ru',
      title: 'не подключается vpn',
      audience: 'public',
      body: '',
      authorId: 'agent-07',
    });
    await api.transitionArticle('ka-1', { action: 'submit', actorId: 'agent-07' });
    api.calls.length = 0;
    const counts = await syncKnowledge(PLAN, api);
    expect(api.calls.slice(0, 3)).toEqual([
      'category Runbooks by agent-05',
      'list articles of agent-07',
      'approve ka-1 by agent-02',
    ]);
    expect(api.calls).toContain('create en "VPN does not connect" by agent-07 translating ka-1');
    expect(counts.articles).toEqual({ total: 2, created: 1, published: 2 });
  });

  it('says which article failed', async () => {
    const api = new FakeKnowledgeApi();
    const plan = {
      ...PLAN,
      articles: PLAN.articles.map((article) => ({ ...article, reviewerId: article.authorId })),
    };
    await expect(syncKnowledge(plan, api)).rejects.toThrow(
      'article "Не подключается VPN": 409 cannot approve a in_review article as agent-07',
    );
  });
});
