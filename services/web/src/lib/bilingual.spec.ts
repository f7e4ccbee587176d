import { bilingual } from './bilingual';

describe('bilingual', () => {
  it.each([
    ['Новый ноутбук / New laptop', 'ru', 'Новый ноутбук'],
    ['Новый ноутбук / New laptop', 'en', 'New laptop'],
    ['VPN', 'ru', 'VPN'],
    // Not a translation pair: a path, or two halves in one language.
    ['TCP / IP', 'ru', 'TCP / IP'],
    ['Почта / календарь', 'en', 'Почта / календарь'],
    ['a / b / c', 'en', 'a / b / c'],
  ] as const)('%s in %s reads %s', (text, language, expected) => {
    expect(bilingual(text, language)).toBe(expected);
  });
});
