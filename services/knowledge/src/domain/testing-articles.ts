import { type Article, type ArticleContent, createArticle } from './article';

export const T0 = new Date('2026-11-27T09:00:00.000Z');

export function content(overrides: Partial<ArticleContent> = {}): ArticleContent {
  return {
    title: 'Не работает VPN',
    body: 'Перезапустите клиент.',
    audience: 'public',
    categoryId: null,
    tags: ['vpn'],
    serviceIds: [],
    configurationItemIds: [],
    ...overrides,
  };
}

/** A draft by author-1, never published. */
export function draft(overrides: Partial<Article> = {}): Article {
  return {
    ...createArticle({
      id: '0193a7a0-0000-7000-8000-00000000a001',
      language: 'ru',
      content: content(),
      authorId: 'author-1',
      translationGroupId: null,
      reviewBy: null,
      expiresAt: null,
      now: T0,
    }),
    ...overrides,
  };
}

/** Version 1 is live and the working copy equals it. */
export function published(overrides: Partial<Article> = {}): Article {
  const base = draft();
  return {
    ...base,
    status: 'published',
    publishedVersion: 1,
    publishedContent: base.content,
    publishedAt: T0,
    revision: 3,
    ...overrides,
  };
}
