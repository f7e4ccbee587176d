import { isLocale, type Locale, LOCALES, resolveLocale } from './locale';

describe('resolving the locale to write in', () => {
  it.each<[string | null | undefined, Locale]>([
    ['ru', 'ru'],
    ['en', 'en'],
    ['ru-RU', 'ru'],
    ['EN-us', 'en'],
    ['en_GB', 'en'],
    ['  en  ', 'en'],
    ['EN', 'en'],
    ['de-DE', 'ru'],
    ['', 'ru'],
    [null, 'ru'],
    [undefined, 'ru'],
    ['english', 'ru'],
    ['en-US,en;q=0.9,ru;q=0.8', 'en'],
    ['de-DE,de;q=0.9,en;q=0.8,ru;q=0.7', 'en'],
    ['ru;q=0.5,en;q=0.8', 'en'],
    ['en;q=0,ru', 'ru'],
    ['en;q=0', 'ru'],
    ['fr;q=0.9,ru;q=0.9,en;q=0.9', 'ru'],
    ['*', 'ru'],
  ])('%p is %s', (preferred, locale) => {
    expect(resolveLocale(preferred)).toBe(locale);
  });

  it.each<[string | null, Locale]>([
    ['de', 'en'],
    [null, 'en'],
    ['ru-RU', 'ru'],
  ])('%p with the fallback en is %s', (preferred, locale) => {
    expect(resolveLocale(preferred, 'en')).toBe(locale);
  });
});

describe('recognising a locale', () => {
  it('lists Russian first, as the default', () => {
    expect(LOCALES).toEqual(['ru', 'en']);
  });

  it.each<[unknown, boolean]>([
    ['ru', true],
    ['en', true],
    ['RU', false],
    ['en-US', false],
    ['', false],
    [null, false],
    [1, false],
  ])('%p is a locale: %s', (value, expected) => {
    expect(isLocale(value)).toBe(expected);
  });
});
