import type { estypes } from '@elastic/elasticsearch';

/**
 * Russian and English full-text analysis. The filters come from the analysis-common module,
 * which both Elasticsearch and OpenSearch load by default, so no plugin is needed. `ru_text`
 * stems Cyrillic words only and `en_text` Latin ones, so a field can carry both analyzers as
 * sub-fields and a query over both matches either language. Both drop the stop words of both
 * languages: each sub-field sees the whole mixed text, and a Russian "не" left in the English
 * sub-field would match every Russian text that has one.
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
      filter: ['lowercase', 'ru_stop', 'en_stop', 'ru_stemmer'],
    },
    en_text: {
      type: 'custom',
      tokenizer: 'standard',
      filter: ['lowercase', 'en_stop', 'ru_stop', 'en_stemmer'],
    },
  },
} satisfies estypes.IndicesIndexSettingsAnalysis;

export type TextAnalyzer = keyof typeof RU_EN_ANALYSIS.analyzer;

export interface BilingualFieldOptions {
  /**
   * Keep term offsets in the language sub-fields' postings, so the highlighter reads match
   * positions from the index instead of analysing each hit's text again (a larger index).
   */
  offsets?: boolean;
}

/** A text field searchable in both languages: `<field>.ru` and `<field>.en`. */
export function bilingualTextField({
  offsets = false,
}: BilingualFieldOptions = {}): estypes.MappingTextProperty {
  const indexOptions = offsets ? { index_options: 'offsets' as const } : {};
  return {
    type: 'text',
    fields: {
      ru: { type: 'text', analyzer: 'ru_text', ...indexOptions },
      en: { type: 'text', analyzer: 'en_text', ...indexOptions },
    },
  };
}

/**
 * `RU_EN_ANALYSIS` with a synonym list applied before stop words and stemming in both analyzers,
 * e.g. `впн, vpn` so a requester typing the Cyrillic spelling finds an article that writes the
 * Latin one. Rules use the Solr format and must be lower case (they pass through `lowercase`);
 * `lenient` skips a rule the chain cannot parse instead of refusing the index.
 */
export function ruEnAnalysisWithSynonyms(
  synonyms: readonly string[],
): estypes.IndicesIndexSettingsAnalysis {
  const { ru_text, en_text } = RU_EN_ANALYSIS.analyzer;
  return {
    filter: {
      ...RU_EN_ANALYSIS.filter,
      ru_en_synonyms: { type: 'synonym', lenient: true, synonyms: [...synonyms] },
    },
    analyzer: {
      ru_text: { ...ru_text, filter: withSynonymsAfterLowercase(ru_text.filter) },
      en_text: { ...en_text, filter: withSynonymsAfterLowercase(en_text.filter) },
    },
  };
}

function withSynonymsAfterLowercase(filters: readonly string[]): string[] {
  return filters.flatMap((filter) =>
    filter === 'lowercase' ? [filter, 'ru_en_synonyms'] : [filter],
  );
}
