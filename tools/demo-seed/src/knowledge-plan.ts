import {
  KNOWLEDGE_CATEGORIES,
  KNOWLEDGE_CATEGORY_KEYS,
  KNOWLEDGE_EDITOR,
  KNOWLEDGE_REVIEWERS,
  type KnowledgeCategoryKey,
  type KnowledgeTopic,
} from './catalogue/knowledge.catalogue';
import type { ArticleAudience, Language } from './gateway-api';

/** One article and who takes it through review: the author submits, the reviewer approves. */
export interface ArticlePlan {
  /** `<topic>.<language>`: names the article in the plan. */
  key: string;
  language: Language;
  title: string;
  body: string;
  audience: ArticleAudience;
  category: KnowledgeCategoryKey;
  tags: string[];
  authorId: string;
  /** Approving publishes; the API takes it only from someone other than the last editor. */
  reviewerId: string;
  /** The key of the article this one translates, planned before it. */
  translationOf?: string;
}

export interface KnowledgePlan {
  editorId: string;
  categories: { key: KnowledgeCategoryKey; name: string }[];
  /** Originals come before their translations. */
  articles: ArticlePlan[];
}

const LANGUAGES: readonly Language[] = ['ru', 'en'];

function reviewerOf(authorId: string, index: number): string {
  const reviewers = KNOWLEDGE_REVIEWERS.filter((reviewer) => reviewer !== authorId);
  const reviewer = reviewers[index % reviewers.length];
  if (reviewer === undefined) throw new Error(`nobody can review the articles of ${authorId}`);
  return reviewer;
}

/** The knowledge base the demo publishes; the same on every run. */
export function buildKnowledgePlan(topics: readonly KnowledgeTopic[]): KnowledgePlan {
  const originals: ArticlePlan[] = [];
  const translations: ArticlePlan[] = [];
  topics.forEach((topic, index) => {
    const reviewerId = reviewerOf(topic.authorId, index);
    const originalKey = `${topic.key}.${topic.original}`;
    for (const language of LANGUAGES) {
      const article: ArticlePlan = {
        key: `${topic.key}.${language}`,
        language,
        ...topic.text[language],
        audience: topic.audience,
        category: topic.category,
        tags: [...topic.tags],
        authorId: topic.authorId,
        reviewerId,
        ...(language === topic.original ? {} : { translationOf: originalKey }),
      };
      (language === topic.original ? originals : translations).push(article);
    }
  });
  return {
    editorId: KNOWLEDGE_EDITOR,
    categories: KNOWLEDGE_CATEGORY_KEYS.map((key) => ({ key, name: KNOWLEDGE_CATEGORIES[key] })),
    articles: [...originals, ...translations],
  };
}
