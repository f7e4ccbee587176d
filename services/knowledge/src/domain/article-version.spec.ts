import { contentChanges, MAX_DIFF_LINES, unifiedDiff } from './article-version';
import { content } from './testing-articles';

describe('contentChanges', () => {
  it('lists the fields that differ as JSON', () => {
    expect(contentChanges(content(), content({ title: 'VPN', tags: ['vpn', 'mac'] }))).toEqual([
      { field: 'title', from: '"Не работает VPN"', to: '"VPN"' },
      { field: 'tags', from: '["vpn"]', to: '["vpn","mac"]' },
    ]);
  });

  it('lists every field that has a value for a first version', () => {
    expect(contentChanges(null, content()).map((change) => change.field)).toEqual([
      'title',
      'audience',
      'tags',
      'serviceIds',
      'configurationItemIds',
      'body',
    ]);
  });
});

describe('unifiedDiff', () => {
  const labels = { before: 'v1', after: 'v2' };

  it.each([
    ['equal texts', 'a\nb', 'a\nb', ''],
    [
      'one changed line among many, with two lines of context',
      '1\n2\n3\n4\n5\n6\n7',
      '1\n2\n3\nfour\n5\n6\n7',
      '--- v1\n+++ v2\n@@ -2,5 +2,5 @@\n 2\n 3\n-4\n+four\n 5\n 6',
    ],
    ['an added last line', 'a\nb', 'a\nb\nc', '--- v1\n+++ v2\n@@ -1,2 +1,3 @@\n a\n b\n+c'],
    ['from nothing', '', 'a', '--- v1\n+++ v2\n@@ -1,1 +1,1 @@\n-\n+a'],
    [
      'two changes far apart as two hunks',
      'a\n1\n2\n3\n4\n5\n6\nb',
      'A\n1\n2\n3\n4\n5\n6\nB',
      '--- v1\n+++ v2\n@@ -1,3 +1,3 @@\n-a\n+A\n 1\n 2\n@@ -6,3 +6,3 @@\n 5\n 6\n-b\n+B',
    ],
  ])('diffs %s', (_case, before, after, expected) => {
    expect(unifiedDiff(before, after, labels)).toBe(expected);
  });

  it('shows a body too long for a line diff as replaced', () => {
    const long = Array.from({ length: MAX_DIFF_LINES + 1 }, (_, i) => `line ${i}`).join('\n');
    const diff = unifiedDiff(long, 'short', labels).split('\n');
    expect(diff.filter((line) => /^-(?!--)/.test(line))).toHaveLength(MAX_DIFF_LINES + 1);
    expect(diff.at(-1)).toBe('+short');
  });
});
