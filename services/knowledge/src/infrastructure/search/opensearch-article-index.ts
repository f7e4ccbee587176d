import type { estypes } from '@elastic/elasticsearch';
import {
  bulkApply,
  completeRebuild,
  ensureIndex,
  type IndexDefinition,
  requestFailed,
  type SearchClient,
  startRebuild,
} from '@itsm/search';
import { KnowledgeError, KnowledgeErrorCode } from '../../domain/knowledge-error';
import type { ArticleSearchRequest, SuggestionRequest } from '../../domain/search-request';
import type {
  ArticleIndexWriter,
  ArticleSearch,
  ArticleSearchHit,
  ArticleSearchPage,
  IndexBuild,
  IndexEntry,
  IndexWriteResult,
} from '../../application/ports/article-search';
import { toIndexChange, toSearchHit } from './article-document.mapper';
import { searchBody, suggestionBody } from './article-search.query';
import type { ArticleDocument } from './knowledge-articles.index';

function unavailable(action: string, cause: unknown): KnowledgeError {
  const error = requestFailed(action, cause);
  return new KnowledgeError(
    KnowledgeErrorCode.SearchUnavailable,
    'search is unavailable; try again shortly',
    [],
    { reason: error.message },
  );
}

function hitsOf(response: estypes.SearchResponse<ArticleDocument>, now: Date): ArticleSearchHit[] {
  return response.hits.hits.flatMap((hit) => toSearchHit(hit, now) ?? []);
}

/**
 * The knowledge articles index on Elasticsearch or OpenSearch (through @itsm/search's client):
 * searching and suggesting for readers, and the writes of the projector and of rebuilds.
 */
export class OpenSearchArticleIndex implements ArticleSearch, ArticleIndexWriter {
  constructor(
    private readonly client: SearchClient,
    private readonly definition: IndexDefinition,
  ) {}

  async search(request: ArticleSearchRequest, now: Date): Promise<ArticleSearchPage> {
    let response: estypes.SearchResponse<ArticleDocument>;
    try {
      response = await this.client.search<ArticleDocument>({
        index: this.definition.name,
        ...searchBody(request),
      });
    } catch (cause) {
      throw unavailable('Searching articles', cause);
    }
    const total = response.hits.total;
    const value = typeof total === 'number' ? total : (total?.value ?? 0);
    return {
      hits: hitsOf(response, now),
      total: value,
      totalExact: typeof total === 'number' || total?.relation !== 'gte',
    };
  }

  async suggest(request: SuggestionRequest, now: Date): Promise<ArticleSearchHit[]> {
    try {
      const response = await this.client.search<ArticleDocument>({
        index: this.definition.name,
        ...suggestionBody(request),
      });
      return hitsOf(response, now);
    } catch (cause) {
      throw unavailable('Suggesting articles', cause);
    }
  }

  async ensureIndex(): Promise<{ index: string; created: boolean }> {
    const { index, created } = await ensureIndex(this.client, this.definition);
    return { index, created };
  }

  async write(entries: readonly IndexEntry[], build?: IndexBuild): Promise<IndexWriteResult> {
    const result = await bulkApply(
      this.client,
      build?.index ?? this.definition.name,
      entries.map(toIndexChange),
    );
    return { applied: result.applied, stale: result.stale.length };
  }

  startRebuild(): Promise<IndexBuild> {
    return startRebuild(this.client, this.definition);
  }

  async completeRebuild(build: IndexBuild): Promise<{ detachedFrom: string[] }> {
    const { detachedFrom } = await completeRebuild(this.client, this.definition, {
      index: build.index,
      alias: this.definition.name,
    });
    return { detachedFrom };
  }
}
