import { bilingualTextField, type IndexDefinition, ruEnAnalysisWithSynonyms } from '@itsm/search';

/**
 * Spellings requesters type for what articles write otherwise: Cyrillic transliterations of
 * product names, and the Cyrillic "с" in "1С". Rules in the engine's Solr format, lower case.
 */
export const KNOWLEDGE_SYNONYMS = [
  'впн, vpn',
  'вайфай, wifi',
  'аутлук, outlook',
  'эксель, excel',
  'ворд, word',
  'тимс, teams',
  'зум, zoom',
  'виндовс, windows',
  'линукс, linux',
  'джира, jira',
  'конфлюенс, confluence',
  '1с, 1c',
] as const;

/** The document of one article's live version, as the index stores it. */
export interface ArticleDocument {
  language: 'ru' | 'en';
  translation_group_id: string;
  audience: 'public' | 'internal';
  title: string;
  /** Plain text of the Markdown body. */
  body: string;
  excerpt: string;
  category_id: string | null;
  /** The category and its ancestors, so a filter on a category finds its subcategories too. */
  category_path: string[];
  tags: string[];
  service_ids: string[];
  configuration_item_ids: string[];
  version: number;
  published_at: string | null;
  review_by: string | null;
  expires_at: string | null;
  outdated: boolean;
}

export interface KnowledgeIndexOptions {
  /** The alias services read and write through; tests give each run its own. */
  alias: string;
  /** Replicas per shard: 0 on one node, 1 or more in production clusters. */
  replicas: number;
}

/**
 * Version 1 of the knowledge articles index. Bump `version` when settings or mappings change
 * and run `main.js reindex`: the new index is built beside the old one and the alias moves.
 */
export function knowledgeArticlesIndex({
  alias,
  replicas,
}: KnowledgeIndexOptions): IndexDefinition {
  return {
    name: alias,
    version: 1,
    settings: {
      // One shard keeps relevance statistics exact; a knowledge base fits in one many times over.
      number_of_shards: 1,
      number_of_replicas: replicas,
      refresh_interval: '1s',
      analysis: ruEnAnalysisWithSynonyms(KNOWLEDGE_SYNONYMS),
    },
    mappings: {
      dynamic: 'strict',
      properties: {
        language: { type: 'keyword' },
        translation_group_id: { type: 'keyword' },
        audience: { type: 'keyword' },
        title: bilingualTextField({ offsets: true }),
        body: bilingualTextField({ offsets: true }),
        excerpt: { type: 'text', index: false },
        category_id: { type: 'keyword' },
        category_path: { type: 'keyword' },
        tags: { type: 'keyword' },
        service_ids: { type: 'keyword' },
        configuration_item_ids: { type: 'keyword' },
        version: { type: 'integer' },
        published_at: { type: 'date' },
        review_by: { type: 'date' },
        expires_at: { type: 'date' },
        outdated: { type: 'boolean' },
      },
    },
  };
}
