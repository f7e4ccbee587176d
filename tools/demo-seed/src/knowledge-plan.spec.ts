import { KNOWLEDGE_CATEGORIES, KNOWLEDGE_TOPICS } from './catalogue/knowledge.catalogue';
import { buildKnowledgePlan } from './knowledge-plan';

describe('buildKnowledgePlan', () => {
  const plan = buildKnowledgePlan(KNOWLEDGE_TOPICS);

  it('is the same on every run', () => {
    expect(buildKnowledgePlan(KNOWLEDGE_TOPICS)).toEqual(plan);
  });

  it('writes every topic in Russian and English, half and half', () => {
    const ru = plan.articles.filter((article) => article.language === 'ru');
    const en = plan.articles.filter((article) => article.language === 'en');
    expect(ru).toHaveLength(KNOWLEDGE_TOPICS.length);
    expect(en).toHaveLength(KNOWLEDGE_TOPICS.length);
    expect(plan.articles.length).toBeGreaterThanOrEqual(16);
  });

  it('has articles for requesters and runbooks only agents read', () => {
    const internal = plan.articles.filter((article) => article.audience === 'internal');
    expect(internal.length).toBeGreaterThanOrEqual(4);
    expect(internal.every((article) => article.category === 'runbooks')).toBe(true);
    expect(plan.articles.some((article) => article.audience === 'public')).toBe(true);
  });

  it('gives each article a title of its own in its language, and a body', () => {
    for (const language of ['ru', 'en'] as const) {
      const titles = plan.articles
        .filter((article) => article.language === language)
        .map((article) => article.title.trim().toLowerCase());
      expect(new Set(titles).size).toBe(titles.length);
    }
    const keys = plan.articles.map((article) => article.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const article of plan.articles) {
      expect(article.title.length).toBeLessThanOrEqual(200);
      expect(article.body).toMatch(/^1\. /m);
      expect(article.tags.length).toBeLessThanOrEqual(20);
    }
  });

  it('writes Russian in Cyrillic and English in Latin letters', () => {
    for (const article of plan.articles) {
      expect([article.key, /[а-яё]/i.test(article.title)]).toEqual([
        article.key,
        article.language === 'ru',
      ]);
    }
  });

  it('plans an original before its translation, in the same category and audience', () => {
    const seen = new Map(plan.articles.map((article, index) => [article.key, { article, index }]));
    const translations = plan.articles.filter((article) => article.translationOf !== undefined);
    expect(translations).toHaveLength(KNOWLEDGE_TOPICS.length);
    for (const [index, translation] of plan.articles.entries()) {
      if (translation.translationOf === undefined) continue;
      const original = seen.get(translation.translationOf);
      expect(original).toBeDefined();
      expect(original?.index).toBeLessThan(index);
      expect(original?.article.translationOf).toBeUndefined();
      expect(original?.article.language).not.toBe(translation.language);
      expect(original?.article.category).toBe(translation.category);
      expect(original?.article.audience).toBe(translation.audience);
    }
  });

  it('has every article approved by somebody other than its author', () => {
    for (const article of plan.articles) {
      expect(article.reviewerId).not.toBe(article.authorId);
    }
  });

  it('files articles under the categories it creates', () => {
    expect(plan.categories.map((category) => category.name)).toEqual(
      Object.values(KNOWLEDGE_CATEGORIES),
    );
    const planned = new Set(plan.categories.map((category) => category.key));
    expect(plan.articles.every((article) => planned.has(article.category))).toBe(true);
  });
});
