import type { estypes } from '@elastic/elasticsearch';

/**
 * Russian and English full-text analysis. The filters come from the analysis-common module,
 * which both Elasticsearch and OpenSearch load by default, so no plugin is needed. `ru_text`
 * stems Cyrillic words only and `en_text` Latin ones, so a field can carry both analyzers as
 * sub-fields and a query over both matches either language.
 */
export const RU_EN_ANALYSIS = {
  filter: {
    ru_stop: { type: 'stop', stopwords: '_russian_' },
    ru_stemmer: { type: 'stemmer', language: 'russian' },
    en_stop: { type: 'stop', stopwords: '_english_' },
    en_stemmer: { type: 'stemmer', language: 'english' },
  },
  analyzer: {
    ru_text: {
      type: 'custom',
      tokenizer: 'standard',
      filter: ['lowercase', 'ru_stop', 'ru_stemmer'],
    },
    en_text: {
      type: 'custom',
      tokenizer: 'standard',
      filter: ['lowercase', 'en_stop', 'en_stemmer'],
    },
  },
} satisfies estypes.IndicesIndexSettingsAnalysis;

export type TextAnalyzer = keyof typeof RU_EN_ANALYSIS.analyzer;

/** A text field searchable in both languages: `<field>.ru` and `<field>.en`. */
export function bilingualTextField(): estypes.MappingTextProperty {
  return {
    type: 'text',
    fields: {
      ru: { type: 'text', analyzer: 'ru_text' },
      en: { type: 'text', analyzer: 'en_text' },
    },
  };
}
