import { highlightParts } from './highlight';

describe('highlightParts', () => {
  it('splits marked matches from plain text and unescapes both', () => {
    expect(highlightParts('Не работает <mark>VPN</mark> &amp; <mark>почта</mark> &lt;3')).toEqual([
      { text: 'Не работает ', marked: false },
      { text: 'VPN', marked: true },
      { text: ' & ', marked: false },
      { text: 'почта', marked: true },
      { text: ' <3', marked: false },
    ]);
  });

  it('keeps markup other than <mark> as text', () => {
    expect(highlightParts('&lt;script&gt;alert(1)&lt;/script&gt;')).toEqual([
      { text: '<script>alert(1)</script>', marked: false },
    ]);
  });
});
