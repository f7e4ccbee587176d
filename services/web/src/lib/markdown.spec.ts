import { parseInline, parseMarkdown, safeHref } from './markdown';

describe('safeHref', () => {
  it.each([
    ['https://vpn.example.com/help', 'https://vpn.example.com/help'],
    ['HTTP://intranet/faq', 'HTTP://intranet/faq'],
    ['mailto:servicedesk@example.com', 'mailto:servicedesk@example.com'],
    ['/portal/report', '/portal/report'],
    ['  /portal/knowledge  ', '/portal/knowledge'],
  ])('follows %s', (raw, expected) => {
    expect(safeHref(raw)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example.com',
    '/\\evil.example.com',
    'relative/path',
    'https://example.com/"onmouseover="x',
  ])('refuses %s', (raw) => {
    expect(safeHref(raw)).toBeNull();
  });
});

describe('parseInline', () => {
  it('reads emphasis, code and links', () => {
    expect(
      parseInline(
        'Restart **the VPN client**, then *wait*; run `ipconfig /all` or see [help](https://help.example.com).',
      ),
    ).toEqual([
      { kind: 'text', text: 'Restart ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'the VPN client' }] },
      { kind: 'text', text: ', then ' },
      { kind: 'em', children: [{ kind: 'text', text: 'wait' }] },
      { kind: 'text', text: '; run ' },
      { kind: 'code', text: 'ipconfig /all' },
      { kind: 'text', text: ' or see ' },
      {
        kind: 'link',
        href: 'https://help.example.com',
        children: [{ kind: 'text', text: 'help' }],
      },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps raw HTML as text', () => {
    expect(parseInline('<img src=x onerror=alert(1)> <script>alert(1)</script>')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)> <script>alert(1)</script>' },
    ]);
  });

  it('turns a link to a dangerous address into its text', () => {
    expect(parseInline('[click me](javascript:alert(1))')).toEqual([
      { kind: 'text', text: 'click me' },
    ]);
  });

  it('shows an image as its description without loading it', () => {
    expect(parseInline('See ![the error dialog](https://tracker.example.com/x.png) here')).toEqual([
      { kind: 'text', text: 'See the error dialog here' },
    ]);
  });

  it('leaves snake_case and lone asterisks alone', () => {
    expect(parseInline('set max_retry_count to 2 * 3')).toEqual([
      { kind: 'text', text: 'set max_retry_count to 2 * 3' },
    ]);
  });

  it('reads __ as strong only around whole words', () => {
    expect(parseInline('run window.__setup and window.__teardown, or __both__')).toEqual([
      { kind: 'text', text: 'run window.__setup and window.__teardown, or ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'both' }] },
    ]);
  });

  it('links bare web addresses without their trailing punctuation', () => {
    expect(parseInline('Open https://portal.example.com/vpn.')).toEqual([
      { kind: 'text', text: 'Open ' },
      {
        kind: 'link',
        href: 'https://portal.example.com/vpn',
        children: [{ kind: 'text', text: 'https://portal.example.com/vpn' }],
      },
      { kind: 'text', text: '.' },
    ]);
  });

  it('joins soft line breaks with a space and keeps hard ones', () => {
    expect(parseInline('first\nsecond  \nthird')).toEqual([
      { kind: 'text', text: 'first second' },
      { kind: 'break' },
      { kind: 'text', text: 'third' },
    ]);
  });

  it('reads backslash escapes as the character itself', () => {
    expect(parseInline('\\*not emphasis\\*')).toEqual([{ kind: 'text', text: '*not emphasis*' }]);
  });
});

describe('parseMarkdown', () => {
  it('reads an article with headings, an ordered list, a quote, code and a rule', () => {
    const blocks = parseMarkdown(
      [
        '# Checks',
        'If the VPN does not work:',
        '',
        '1. **Is the internet up?** Open any website.',
        '2. Restart the client',
        '   from the tray.',
        '',
        '> Never share your code.',
        '',
        '```',
        'ipconfig /flushdns',
        '<b>not bold</b>',
        '```',
        '---',
        '- one',
        '- two',
      ].join('\n'),
    );

    expect(blocks.map((block) => block.kind)).toEqual([
      'heading',
      'paragraph',
      'list',
      'quote',
      'code',
      'rule',
      'list',
    ]);
    expect(blocks[0]).toEqual({
      kind: 'heading',
      level: 2,
      children: [{ kind: 'text', text: 'Checks' }],
    });
    expect(blocks[2]).toMatchObject({ kind: 'list', ordered: true, start: 1 });
    expect(blocks[2]?.kind === 'list' && blocks[2].items[1]).toEqual([
      { kind: 'text', text: 'Restart the client from the tray.' },
    ]);
    expect(blocks[4]).toEqual({ kind: 'code', text: 'ipconfig /flushdns\n<b>not bold</b>' });
    expect(blocks[6]).toMatchObject({ kind: 'list', ordered: false });
  });

  it('keeps a list going across blank lines between items and starts where it says', () => {
    const [list] = parseMarkdown('3. three\n\n4. four');
    expect(list).toEqual({
      kind: 'list',
      ordered: true,
      start: 3,
      items: [[{ kind: 'text', text: 'three' }], [{ kind: 'text', text: 'four' }]],
    });
  });

  it('reads Windows line endings and splits paragraphs on blank lines', () => {
    expect(parseMarkdown('Первый абзац.\r\n\r\nВторой\r\nабзац.')).toEqual([
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Первый абзац.' }] },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Второй абзац.' }] },
    ]);
  });

  it('gives nothing for an empty body', () => {
    expect(parseMarkdown('  \n\n')).toEqual([]);
  });
});
