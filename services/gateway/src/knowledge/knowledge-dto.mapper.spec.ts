import {
  type Article,
  ArticleAction,
  ArticleAudience,
  ArticleLanguage,
  ArticleStatus,
  KnowledgeViewer,
  toTimestamp,
} from '@itsm/contracts';
import {
  toArticleDto,
  toCreateArticleRequest,
  toSearchArticlesRequest,
  toSuggestArticlesRequest,
  toTransitionArticleRequest,
  toUpdateArticleRequest,
  toUnansweredSearchDto,
  viewerOf,
} from './knowledge-dto.mapper';

const at = new Date('2026-11-27T08:30:00.250Z');

const content = {
  title: 'Не работает VPN',
  body: 'Перезапустите клиент.',
  audience: ArticleAudience.ARTICLE_AUDIENCE_PUBLIC,
  categoryId: '',
  tags: ['vpn'],
  serviceIds: [],
  configurationItemIds: [],
};

const article: Article = {
  id: 'a-1',
  language: ArticleLanguage.ARTICLE_LANGUAGE_RU,
  translationGroupId: 'a-1',
  status: ArticleStatus.ARTICLE_STATUS_IN_REVIEW,
  content,
  publishedVersion: 0,
  publishedContent: undefined,
  authorId: 'author-1',
  editorId: '',
  createdAt: toTimestamp(at),
  updatedAt: toTimestamp(at),
  publishedAt: undefined,
  reviewBy: undefined,
  expiresAt: undefined,
  outdated: false,
  revision: 2,
};

describe('knowledge REST ⇄ gRPC', () => {
  it.each([
    [undefined, undefined, KnowledgeViewer.KNOWLEDGE_VIEWER_REQUESTER],
    ['requester', undefined, KnowledgeViewer.KNOWLEDGE_VIEWER_REQUESTER],
    ['requester', 'public', KnowledgeViewer.KNOWLEDGE_VIEWER_REQUESTER],
    ['agent', undefined, KnowledgeViewer.KNOWLEDGE_VIEWER_AGENT],
    [undefined, 'internal', KnowledgeViewer.KNOWLEDGE_VIEWER_AGENT],
  ] as const)('view %s with audience %s reads as %s', (view, audience, viewer) => {
    expect(viewerOf(view, audience)).toBe(viewer);
  });

  it('spells an article in REST, with nulls for what is not set yet', () => {
    expect(toArticleDto(article)).toEqual({
      id: 'a-1',
      language: 'ru',
      translationGroupId: 'a-1',
      status: 'in_review',
      content: {
        title: 'Не работает VPN',
        body: 'Перезапустите клиент.',
        audience: 'public',
        categoryId: null,
        tags: ['vpn'],
        serviceIds: [],
        configurationItemIds: [],
      },
      publishedVersion: 0,
      publishedContent: null,
      authorId: 'author-1',
      editorId: null,
      createdAt: '2026-11-27T08:30:00.250Z',
      updatedAt: '2026-11-27T08:30:00.250Z',
      publishedAt: null,
      reviewBy: null,
      expiresAt: null,
      outdated: false,
      revision: 2,
    });
  });

  it('creates with the contract enums and empty strings for what is absent', () => {
    expect(
      toCreateArticleRequest(
        {
          language: 'en',
          title: 'VPN',
          audience: 'internal',
          reviewBy: '2027-01-01T00:00:00+03:00',
        },
        'author-1',
      ),
    ).toEqual({
      language: ArticleLanguage.ARTICLE_LANGUAGE_EN,
      content: {
        title: 'VPN',
        body: '',
        audience: ArticleAudience.ARTICLE_AUDIENCE_INTERNAL,
        categoryId: '',
        tags: [],
        serviceIds: [],
        configurationItemIds: [],
      },
      authorId: 'author-1',
      translationOf: '',
      reviewBy: toTimestamp(new Date('2026-12-31T21:00:00.000Z')),
      expiresAt: undefined,
    });
  });

  it('names in update_paths exactly the fields present; null is present', () => {
    const request = toUpdateArticleRequest(
      'a-1',
      { body: 'new', categoryId: null, expiresAt: null, outdated: false },
      'e',
      4,
    );
    expect(request).toMatchObject({
      id: 'a-1',
      expectedRevision: 4,
      editorId: 'e',
      updatePaths: ['body', 'category_id', 'expires_at', 'outdated'],
      content: { body: 'new', categoryId: '' },
      expiresAt: undefined,
      outdated: false,
    });
  });

  it('maps a rollback transition with its version and the If-Match revision', () => {
    expect(toTransitionArticleRequest('a-1', { action: 'rollback', version: 1 }, 'm', 7)).toEqual({
      id: 'a-1',
      action: ArticleAction.ARTICLE_ACTION_ROLLBACK,
      actorId: 'm',
      comment: '',
      version: 1,
      expectedRevision: 7,
    });
  });

  it('searches and suggests as the viewer decided', () => {
    const requester = KnowledgeViewer.KNOWLEDGE_VIEWER_REQUESTER;
    expect(toSearchArticlesRequest({ q: 'впн', tags: ['vpn'] }, requester)).toEqual({
      query: 'впн',
      viewer: KnowledgeViewer.KNOWLEDGE_VIEWER_REQUESTER,
      audience: ArticleAudience.ARTICLE_AUDIENCE_UNSPECIFIED,
      language: ArticleLanguage.ARTICLE_LANGUAGE_UNSPECIFIED,
      categoryId: '',
      tags: ['vpn'],
      serviceId: '',
      page: 0,
      pageSize: 0,
    });
    const agent = KnowledgeViewer.KNOWLEDGE_VIEWER_AGENT;
    expect(
      toSuggestArticlesRequest({ title: 'VPN', view: 'agent', limit: 3 }, agent),
    ).toMatchObject({
      viewer: KnowledgeViewer.KNOWLEDGE_VIEWER_AGENT,
      limit: 3,
    });
  });

  it('spells an unanswered search without a language filter as null', () => {
    expect(
      toUnansweredSearchDto({
        query: 'квантовая гравитация',
        language: ArticleLanguage.ARTICLE_LANGUAGE_UNSPECIFIED,
        searches: 2,
        lastSearchedAt: toTimestamp(at),
      }),
    ).toEqual({
      query: 'квантовая гравитация',
      language: null,
      searches: 2,
      lastSearchedAt: '2026-11-27T08:30:00.250Z',
    });
  });
});
