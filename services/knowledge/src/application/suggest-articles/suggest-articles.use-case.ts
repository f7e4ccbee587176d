import type { Language } from '../../domain/article';
import type { Viewer } from '../../domain/article-visibility';
import { suggestionRequest } from '../../domain/search-request';
import type { ArticleSearch, ArticleSearchHit } from '../ports/article-search';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';

export interface SuggestArticlesQuery {
  title: string;
  description: string;
  viewer: Viewer;
  language: Language | undefined;
  serviceId: string | undefined;
  limit: number | undefined;
}

export interface Suggestions {
  /** Quoted back when a view or a deflection comes from these suggestions. */
  suggestionId: string;
  hits: ArticleSearchHit[];
}

/** The articles that best match what a requester or agent writes in a ticket. */
export class SuggestArticlesUseCase {
  constructor(
    private readonly search: ArticleSearch,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(query: SuggestArticlesQuery): Promise<Suggestions> {
    const hits = await this.search.suggest(suggestionRequest(query), this.clock.now());
    return { suggestionId: this.ids.newId(), hits };
  }
}
