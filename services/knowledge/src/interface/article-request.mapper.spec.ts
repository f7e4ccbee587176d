import {
  ArticleAction,
  ArticleAudience,
  ArticleLanguage,
  ArticleViewSource,
  KnowledgeViewer,
  toTimestamp,
} from '@itsm/contracts';
import { KnowledgeErrorCode } from '../domain/knowledge-error';
import {
  toCreateArticleCommand,
  toTransitionCommand,
  toUpdateArticleCommand,
  viewerOf,
  viewSourceOf,
} from './article-request.mapper';

const id = '0193a7a0-0000-7000-8000-00000000a001';
const content = {
  title: 'VPN',
  body: 'b',
  audience: ArticleAudience.ARTICLE_AUDIENCE_PUBLIC,
  categoryId: '',
  tags: [],
  serviceIds: [],
  configurationItemIds: [],
};

describe('article request mappers', () => {
  it.each([
    [KnowledgeViewer.KNOWLEDGE_VIEWER_UNSPECIFIED, 'requester'],
    [KnowledgeViewer.KNOWLEDGE_VIEWER_REQUESTER, 'requester'],
    [KnowledgeViewer.KNOWLEDGE_VIEWER_AGENT, 'agent'],
    [KnowledgeViewer.UNRECOGNIZED, 'requester'],
  ])('reads viewer %s as %s', (viewer, expected) => {
    expect(viewerOf(viewer)).toBe(expected);
  });

  it.each([
    [ArticleViewSource.ARTICLE_VIEW_SOURCE_SEARCH, 'search'],
    [ArticleViewSource.ARTICLE_VIEW_SOURCE_SUGGESTION, 'suggestion'],
    [ArticleViewSource.ARTICLE_VIEW_SOURCE_UNSPECIFIED, 'direct'],
  ])('reads view source %s as %s', (source, expected) => {
    expect(viewSourceOf(source)).toBe(expected);
  });

  it('refuses a create without language or audience and with a malformed category id', () => {
    expect(() =>
      toCreateArticleCommand({
        language: ArticleLanguage.ARTICLE_LANGUAGE_UNSPECIFIED,
        content: {
          ...content,
          audience: ArticleAudience.ARTICLE_AUDIENCE_UNSPECIFIED,
          categoryId: 'cat',
        },
        authorId: 'a',
        translationOf: '',
        reviewBy: undefined,
        expiresAt: undefined,
      }),
    ).toThrow(
      expect.objectContaining({
        code: KnowledgeErrorCode.ValidationFailed,
        violations: [
          { field: 'language', message: 'language must be ru or en' },
          { field: 'content.audience', message: 'audience must be public or internal' },
          { field: 'content.categoryId', message: 'content.categoryId must be a UUID' },
        ],
      }) as Error,
    );
  });

  it('turns the named update paths into an edit; an absent date clears it', () => {
    const reviewBy = new Date('2027-01-01T00:00:00.000Z');
    expect(
      toUpdateArticleCommand({
        id,
        expectedRevision: 4,
        editorId: 'author-1',
        updatePaths: ['body', 'category_id', 'review_by', 'expires_at', 'outdated'],
        content: { ...content, body: 'new' },
        reviewBy: toTimestamp(reviewBy),
        expiresAt: undefined,
        outdated: true,
      }),
    ).toEqual({
      articleId: id,
      expectedRevision: 4,
      editorId: 'author-1',
      edit: {
        content: { body: 'new', categoryId: null },
        reviewBy,
        expiresAt: null,
        outdated: true,
      },
    });
  });

  it('refuses unknown update paths and an empty list', () => {
    expect(() =>
      toUpdateArticleCommand({
        id,
        expectedRevision: 0,
        editorId: 'a',
        updatePaths: ['status'],
        content: undefined,
        reviewBy: undefined,
        expiresAt: undefined,
        outdated: false,
      }),
    ).toThrow(
      expect.objectContaining({
        violations: [expect.objectContaining({ field: 'status' })],
      }) as Error,
    );
  });

  it('needs the version for a rollback', () => {
    expect(() =>
      toTransitionCommand({
        id,
        action: ArticleAction.ARTICLE_ACTION_ROLLBACK,
        actorId: 'm',
        comment: '',
        version: 0,
        expectedRevision: 0,
      }),
    ).toThrow(
      expect.objectContaining({
        violations: [expect.objectContaining({ field: 'version' })],
      }) as Error,
    );
  });
});
