/** Articles on one page of the portal's knowledge base. */
export const KNOWLEDGE_PAGE_SIZE = 10;
/** The gateway pages search results up to here. */
const LAST_PAGE = 1000;
/** The gateway's longest query. */
export const KNOWLEDGE_QUERY_MAX_LENGTH = 200;

/** What the knowledge base page shows, as its URL says: `?q=vpn&category=…&page=2`. */
export interface KnowledgeQuery {
  q: string;
  category: string;
  page: number;
}

export function readKnowledgeQuery(params: URLSearchParams): KnowledgeQuery {
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').trim().slice(0, KNOWLEDGE_QUERY_MAX_LENGTH),
    category: params.get('category') ?? '',
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, LAST_PAGE) : 1,
  };
}

/** The URL search of a query, leaving out what is the default. */
export function knowledgeSearchParams(query: KnowledgeQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set('q', query.q.trim());
  if (query.category) params.set('category', query.category);
  if (query.page > 1) params.set('page', String(query.page));
  return params;
}

/**
 * Whether a page follows this one. An approximate total (a large result) is a lower bound, so
 * a full page may be followed by more.
 */
export function hasNextPage(result: {
  page: number;
  pageSize: number;
  total: number;
  totalExact: boolean;
  shown: number;
}): boolean {
  if (result.page >= LAST_PAGE) return false;
  if (result.page * result.pageSize < result.total) return true;
  return !result.totalExact && result.shown === result.pageSize;
}

/** Pages there are, as far as the answer knows; at least the page shown. */
export function pageCount(result: { page: number; pageSize: number; total: number }): number {
  return Math.max(result.page, Math.ceil(result.total / Math.max(1, result.pageSize)));
}

export interface CategoryNode {
  id: string;
  parentId: string | null;
  name: string;
  path: string[];
}

/** Categories in the order the API gives (parents before children), with their depth. */
export function categoryTree<C extends CategoryNode>(
  categories: readonly C[],
): { category: C; depth: number }[] {
  const known = new Set(categories.map((category) => category.id));
  return categories.map((category) => ({
    category,
    // The path lists the category itself last; ancestors unknown to the reader do not indent.
    depth: category.path.slice(0, -1).filter((id) => known.has(id)).length,
  }));
}

/** "Report a problem" after reading an article: the form knows which one did not help. */
export function reportProblemLink(context: { articleId?: string; title?: string }): string {
  const params = new URLSearchParams();
  if (context.articleId) params.set('article', context.articleId);
  if (context.title?.trim()) params.set('title', context.title.trim());
  const search = params.toString();
  return search ? `/portal/report?${search}` : '/portal/report';
}
