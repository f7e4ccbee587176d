import type { Audience, Language } from '../../domain/article';
import type { Viewer } from '../../domain/article-visibility';
import { normalizeSearchText, searchRequest } from '../../domain/search-request';
import type { ArticleSearch, ArticleSearchPage } from '../ports/article-search';
import type { Clock } from '../ports/clock';
import type { FeedbackStore } from '../ports/feedback-store';

export interface SearchArticlesQuery {
  text: string;
  viewer: Viewer;
  audience: Audience | undefined;
  language: Language | undefined;
  categoryId: string | undefined;
  tags: string[];
  serviceId: string | undefined;
  page: number | undefined;
  pageSize: number | undefined;
}

export interface SearchResult extends ArticleSearchPage {
  page: number;
  pageSize: number;
}

/**
 * Searches the live versions the viewer may read. A search for words that finds nothing is
 * counted for the authors' "searched, not found" report.
 */
export class SearchArticlesUseCase {
  constructor(
    private readonly search: ArticleSearch,
    private readonly feedback: FeedbackStore,
    private readonly clock: Clock,
  ) {}

  async execute(query: SearchArticlesQuery): Promise<SearchResult> {
    const request = searchRequest(query);
    const now = this.clock.now();
    const page = await this.search.search(request, now);
    if (page.total === 0 && request.text.length > 0 && request.page === 1) {
      await this.feedback.recordUnansweredSearch(
        normalizeSearchText(request.text),
        request.filters.language ?? null,
        now,
      );
    }
    return { ...page, page: request.page, pageSize: request.pageSize };
  }
}
