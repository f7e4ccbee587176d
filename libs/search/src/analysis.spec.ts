import { bilingualTextField, RU_EN_ANALYSIS, ruEnAnalysisWithSynonyms } from './analysis';

describe('bilingual analysis', () => {
  it('drops the stop words of both languages in both analyzers', () => {
    expect(RU_EN_ANALYSIS.analyzer.ru_text.filter).toEqual([
      'lowercase',
      'ru_stop',
      'en_stop',
      'ru_stemmer',
    ]);
    expect(RU_EN_ANALYSIS.analyzer.en_text.filter).toEqual([
      'lowercase',
      'en_stop',
      'ru_stop',
      'en_stemmer',
    ]);
  });

  it('applies synonyms right after lower-casing, before stop words and stemming', () => {
    const analysis = ruEnAnalysisWithSynonyms(['впн, vpn']);
    expect(analysis.filter?.['ru_en_synonyms']).toEqual({
      type: 'synonym',
      lenient: true,
      synonyms: ['впн, vpn'],
    });
    expect(analysis.analyzer?.['ru_text']).toMatchObject({
      filter: ['lowercase', 'ru_en_synonyms', 'ru_stop', 'en_stop', 'ru_stemmer'],
    });
  });

  it('keeps offsets in the language sub-fields only when asked', () => {
    expect(bilingualTextField().fields?.['ru']).toEqual({ type: 'text', analyzer: 'ru_text' });
    expect(bilingualTextField({ offsets: true }).fields?.['en']).toEqual({
      type: 'text',
      analyzer: 'en_text',
      index_options: 'offsets',
    });
  });
});
