import { createSearchClient, type SearchClient } from '@itsm/search';
import type { KnowledgeConfig } from '../../config/knowledge.config';

export const SEARCH_CLIENT = Symbol('SearchClient');

/** The search engine client of the configuration (OpenSearch-compatible unless Elasticsearch). */
export function searchClientOf(config: KnowledgeConfig): SearchClient {
  return createSearchClient({
    node: config.SEARCH_URL,
    flavour: config.SEARCH_FLAVOUR,
    username: config.SEARCH_USERNAME,
    password: config.SEARCH_PASSWORD,
    requestTimeoutMs: config.SEARCH_REQUEST_TIMEOUT_MS,
  });
}
