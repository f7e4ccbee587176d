import { buildKeywordIndex, findKeywords } from './keyword-index';

function found(keywords: string[], text: string): string[] {
  const flags = findKeywords(buildKeywordIndex(keywords), text);
  return keywords.filter((_, id) => flags[id] === 1);
}

describe('finding keywords in a text', () => {
  it.each<[string, string[], string, string[]]>([
    ['nothing to look for', [], 'любой текст', []],
    ['a keyword in the middle', ['принтер'], 'у принтера замятие', ['принтер']],
    ['none present', ['vpn', 'сеть'], 'не печатает принтер', []],
    ['a keyword inside another', ['he', 'she', 'hers', 'his'], 'ushers', ['he', 'she', 'hers']],
    ['overlapping keywords', ['abcd', 'bc', 'cde'], 'xabcdex', ['abcd', 'bc', 'cde']],
    ['a keyword found only through a failed longer match', ['abcx', 'bcd'], 'abcd', ['bcd']],
    ['repeated characters', ['aa', 'aaa'], 'aaaa', ['aa', 'aaa']],
    ['a keyword spanning a line break', ['нет\nсети'], 'нет\nсети', ['нет\nсети']],
    ['the empty keyword is never found', ['', 'a'], 'a', ['a']],
    ['the same keyword twice', ['vpn', 'vpn'], 'vpn упал', ['vpn', 'vpn']],
  ])('%s', (_name, keywords, text, expected) => {
    expect(found(keywords, text)).toEqual(expected);
  });

  it('agrees with String.includes on generated texts', () => {
    // A fixed pseudo-random walk over a small alphabet makes many partial matches and fail jumps.
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const word = (length: number): string =>
      Array.from({ length }, () => 'абвab'.charAt(next(5))).join('');
    const keywords = Array.from({ length: 300 }, () => word(1 + next(6)));
    const index = buildKeywordIndex(keywords);
    for (let round = 0; round < 50; round++) {
      const text = word(next(80));
      const flags = findKeywords(index, text);
      expect(keywords.map((_, id) => flags[id] === 1)).toEqual(
        keywords.map((keyword) => text.includes(keyword)),
      );
    }
  });
});
