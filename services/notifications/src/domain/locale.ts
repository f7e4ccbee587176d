export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The locale to write to a person in, from a stored preference ('ru', 'en-GB') or an
 * Accept-Language value ('en-US,en;q=0.9,ru;q=0.8'): the first supported language by weight,
 * regions ignored because the texts are not regional. Anything else gets the fallback.
 */
export function resolveLocale(
  preferred: string | null | undefined,
  fallback: Locale = 'ru',
): Locale {
  if (!preferred) return fallback;
  const ranges = preferred
    .split(',')
    .map((range, index) => {
      const [tag = '', ...params] = range.split(';').map((part) => part.trim());
      const q = params.find((param) => /^q\s*=/i.test(param));
      const weight = q === undefined ? 1 : Number(q.replace(/^q\s*=\s*/i, ''));
      return { language: tag.split(/[-_]/)[0]?.toLowerCase() ?? '', weight, index };
    })
    .filter(({ weight }) => Number.isFinite(weight) && weight > 0)
    // Equal weights keep the order they were listed in.
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranges.map(({ language }) => language).find(isLocale) ?? fallback;
}
