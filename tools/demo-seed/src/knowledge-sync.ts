import type { KnowledgeCategoryKey } from './catalogue/knowledge.catalogue';
import type { ArticleRecord, KnowledgeCategoryRecord } from './gateway-api';
import type { KnowledgeApi } from './gateway-client';
import type { ArticlePlan, KnowledgePlan } from './knowledge-plan';

export interface KnowledgeCounts {
  categories: { total: number; created: number };
  /** `published`: those this run brought to published (new ones, or ones left under way). */
  articles: { total: number; created: number; published: number };
}

/** Names and titles match trimmed, whatever the case. */
function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Makes the knowledge base hold the demo's categories and published articles. Neither has an
 * idempotency key, so a category is looked up by name at the root and an article by its
 * author, language and title; only the missing ones are created, so a second run creates
 * nothing. An article an earlier run left in draft or review is taken on through review; a
 * published or archived one is left as it is (somebody may have worked on it since).
 */
export async function syncKnowledge(
  plan: KnowledgePlan,
  api: KnowledgeApi,
): Promise<KnowledgeCounts> {
  const counts: KnowledgeCounts = {
    categories: { total: plan.categories.length, created: 0 },
    articles: { total: plan.articles.length, created: 0, published: 0 },
  };

  const categories = await api.listKnowledgeCategories();
  const categoryIds = new Map<KnowledgeCategoryKey, string>();
  for (const entry of plan.categories) {
    let category: KnowledgeCategoryRecord | undefined = categories.find(
      (candidate) => candidate.parentId === null && sameText(candidate.name, entry.name),
    );
    if (!category) {
      category = await api.createKnowledgeCategory({ name: entry.name, actorId: plan.editorId });
      counts.categories.created += 1;
    }
    categoryIds.set(entry.key, category.id);
  }

  const byAuthor = new Map<string, ArticleRecord[]>();
  for (const authorId of new Set(plan.articles.map((article) => article.authorId))) {
    byAuthor.set(authorId, await api.listArticlesBy(authorId));
  }
  const articleIds = new Map<string, string>();
  for (const article of plan.articles) {
    const known = (byAuthor.get(article.authorId) ?? []).find(
      (candidate) =>
        candidate.language === article.language && sameText(candidate.content.title, article.title),
    );
    try {
      const record = known ?? (await createArticle(article, categoryIds, articleIds, api));
      if (!known) counts.articles.created += 1;
      if (await publish(record, article, api)) counts.articles.published += 1;
      articleIds.set(article.key, record.id);
    } catch (error) {
      throw new Error(`article "${article.title}": ${messageOf(error)}`);
    }
  }
  return counts;
}

async function createArticle(
  article: ArticlePlan,
  categoryIds: ReadonlyMap<KnowledgeCategoryKey, string>,
  articleIds: ReadonlyMap<string, string>,
  api: KnowledgeApi,
): Promise<ArticleRecord> {
  const categoryId = categoryIds.get(article.category);
  const translationOf =
    article.translationOf === undefined ? undefined : articleIds.get(article.translationOf);
  if (article.translationOf !== undefined && translationOf === undefined) {
    throw new Error(`${article.translationOf}, which it translates, is not in the knowledge base`);
  }
  return api.createArticle({
    language: article.language,
    title: article.title,
    body: article.body,
    audience: article.audience,
    ...(categoryId === undefined ? {} : { categoryId }),
    tags: article.tags,
    authorId: article.authorId,
    ...(translationOf === undefined ? {} : { translationOf }),
  });
}

/**
 * Takes an article through review: the author submits, the reviewer approves, which publishes
 * it. Answers whether it did anything.
 */
async function publish(
  record: ArticleRecord,
  article: ArticlePlan,
  api: KnowledgeApi,
): Promise<boolean> {
  if (record.status === 'published' || record.status === 'archived') return false;
  if (record.status === 'draft') {
    await api.transitionArticle(record.id, { action: 'submit', actorId: article.authorId });
  }
  const approved = await api.transitionArticle(record.id, {
    action: 'approve',
    actorId: article.reviewerId,
  });
  if (approved.status !== 'published') {
    throw new Error(`approved by ${article.reviewerId}, it is ${approved.status}, not published`);
  }
  return true;
}
