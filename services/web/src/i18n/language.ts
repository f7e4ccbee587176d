export const LANGUAGES = ['ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return value === 'ru' || value === 'en';
}

/** Russian for browsers set to Russian, English otherwise. */
export function defaultLanguage(navigatorLanguage: string | undefined): Language {
  return navigatorLanguage?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}
