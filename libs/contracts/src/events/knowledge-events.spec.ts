import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Article,
  ArticleAction,
  ArticleAudience,
  ArticleLanguage,
  ArticleStatus,
} from '../generated/itsm/knowledge/v1/article';
import { toTimestamp } from '../timestamps';
import { InvalidEventPayloadError } from './event-type';
import * as knowledgeEvents from './knowledge-events';
import {
  ArticleCreated,
  ArticleDeleted,
  ArticleLinkedToTicket,
  ArticlePublished,
  ArticleSentBack,
} from './knowledge-events';

const at = toTimestamp(new Date('2026-11-27T10:15:30.123Z'));

const article: Article = {
  ...Article.fromJSON({}),
  id: '0193a7a0-0000-7000-8000-00000000a001',
  language: ArticleLanguage.ARTICLE_LANGUAGE_RU,
  translationGroupId: '0193a7a0-0000-7000-8000-00000000a001',
  status: ArticleStatus.ARTICLE_STATUS_PUBLISHED,
  content: {
    title: 'Не работает VPN',
    body: 'Перезапустите клиент.',
    audience: ArticleAudience.ARTICLE_AUDIENCE_PUBLIC,
    categoryId: '',
    tags: ['vpn'],
    serviceIds: [],
    configurationItemIds: [],
  },
  publishedVersion: 1,
  authorId: 'author-1',
  editorId: 'author-1',
  createdAt: at,
  updatedAt: at,
  publishedAt: at,
  revision: 3,
};

describe('knowledge event contracts', () => {
  it('encodes proto JSON with enum names and decodes what it encodes', () => {
    const payload = {
      article,
      action: ArticleAction.ARTICLE_ACTION_APPROVE,
      actorId: 'reviewer-1',
      comment: '',
      version: 1,
    };
    const json = ArticlePublished.toJson(payload) as Record<string, unknown>;

    expect(json).toMatchObject({
      action: 'ARTICLE_ACTION_APPROVE',
      article: {
        language: 'ARTICLE_LANGUAGE_RU',
        status: 'ARTICLE_STATUS_PUBLISHED',
        createdAt: '2026-11-27T10:15:30.123Z',
      },
    });
    expect(ArticlePublished.fromJson(JSON.parse(JSON.stringify(json)))).toEqual(payload);
  });

  it.each([
    [
      'a published event without a version',
      () =>
        ArticlePublished.fromJson(
          ArticlePublished.toJson({
            article,
            action: ArticleAction.ARTICLE_ACTION_APPROVE,
            actorId: 'r',
            comment: '',
            version: 0,
          }),
        ),
      'version is not positive',
    ],
    [
      'a sent-back event claiming an approval',
      () =>
        ArticleSentBack.fromJson(
          ArticleSentBack.toJson({
            article,
            action: ArticleAction.ARTICLE_ACTION_APPROVE,
            actorId: 'r',
            comment: 'c',
            version: 0,
          }),
        ),
      'does not fit sent_back',
    ],
    [
      'an article without its language',
      () =>
        ArticleCreated.fromJson(
          ArticleCreated.toJson({
            article: { ...article, language: ArticleLanguage.ARTICLE_LANGUAGE_UNSPECIFIED },
            action: ArticleAction.ARTICLE_ACTION_UNSPECIFIED,
            actorId: 'a',
            comment: '',
            version: 0,
          }),
        ),
      'article.language is unspecified',
    ],
    [
      'a deletion without its article',
      () => ArticleDeleted.fromJson({ actorId: 'a' }),
      'articleId is empty',
    ],
    [
      'a link without its ticket',
      () => ArticleLinkedToTicket.fromJson({ link: { articleId: article.id, linkedAt: 'x' } }),
      'link.articleId and link.ticketId are required',
    ],
  ])('refuses %s', (_case, decode, problem) => {
    expect(decode).toThrow(InvalidEventPayloadError);
    expect(decode).toThrow(problem);
  });

  it('travels on the knowledge topic and is documented in AsyncAPI', () => {
    const document = readFileSync(join(__dirname, '../../../../proto/asyncapi.yaml'), 'utf8');
    const eventTypes = Object.values(knowledgeEvents);

    expect(eventTypes.map((eventType) => eventType.topic)).toEqual(
      eventTypes.map(() => 'itsm.knowledge.v1'),
    );
    expect(eventTypes).toHaveLength(8);
    expect(
      eventTypes
        .map((eventType) => eventType.type)
        .filter((type) => !document.includes(`name: ${type}\n`)),
    ).toEqual([]);
  });
});
