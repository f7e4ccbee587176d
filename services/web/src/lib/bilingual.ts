import type { Language } from '../i18n/language';

/**
 * Catalog texts are written once in both languages as "Русский / English" (the demo catalog
 * and most real ones do it so): the reader gets their half, or the whole text when there is
 * no such split.
 */
export function bilingual(text: string, language: Language): string {
  const parts = text.split(' / ');
  if (parts.length !== 2) return text;
  const [ru, en] = parts as [string, string];
  const cyrillic = /[а-яё]/i;
  // Only a Russian half followed by a non-Russian one is a translation pair, not a path.
  if (!cyrillic.test(ru) || cyrillic.test(en)) return text;
  return (language === 'ru' ? ru : en).trim();
}
