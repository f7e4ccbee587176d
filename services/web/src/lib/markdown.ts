/**
 * The Markdown of knowledge articles as a small tree the page renders with React elements, so
 * nothing an author writes ever reaches the page as markup: raw HTML stays text, links keep
 * only web, mail and in-app addresses, and images show their description instead of loading.
 * The subset is what articles use: headings, paragraphs, lists, quotes, code, rules, emphasis.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'break' };

export type Block =
  | { kind: 'heading'; level: 2 | 3 | 4; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Inline[][] }
  | { kind: 'quote'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

/**
 * An address a reader may follow: http(s) and mailto, or a path inside the app. Anything
 * else (javascript:, data:, protocol-relative //host) is not a link.
 */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  if (/^\/(?![/\\])/.test(href)) return href;
  if (/^(https?:\/\/|mailto:)/i.test(href) && !/[\s<>"]/.test(href)) return href;
  return null;
}

const LIST_ITEM = /^\s{0,3}(?:([-*+])|(\d{1,9})[.)])\s+(.*)$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
/** `(address "title")` after a link's text; the address may hold one level of parentheses. */
const LINK_TARGET = /^\(((?:[^()\s]|\([^()\s]*\))*)(?:\s+"[^"]*")?\)/;

function headingLevel(hashes: number): 2 | 3 | 4 {
  // The page title is the article's h1; the body's headings sit below it.
  if (hashes <= 2) return 2;
  if (hashes === 3) return 3;
  return 4;
}

export function parseMarkdown(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let index = 0;
  const isBlockStart = (line: string) =>
    HEADING.test(line) ||
    RULE.test(line) ||
    FENCE.test(line) ||
    QUOTE.test(line) ||
    LIST_ITEM.test(line);

  while (index < lines.length) {
    const line = lines[index] ?? '';
    if (line.trim() === '') {
      index += 1;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] ?? '```';
      const code: string[] = [];
      index += 1;
      while (index < lines.length && !(lines[index] ?? '').trim().startsWith(marker)) {
        code.push(lines[index] ?? '');
        index += 1;
      }
      index += 1;
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({
        kind: 'heading',
        level: headingLevel((heading[1] ?? '#').length),
        children: parseInline(heading[2] ?? ''),
      });
      index += 1;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: 'rule' });
      index += 1;
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (index < lines.length) {
        const match = QUOTE.exec(lines[index] ?? '');
        if (!match) break;
        quoted.push(match[1] ?? '');
        index += 1;
      }
      blocks.push({ kind: 'quote', children: parseInline(quoted.join('\n')) });
      continue;
    }
    const first = LIST_ITEM.exec(line);
    if (first) {
      const ordered = first[2] !== undefined;
      const items: string[][] = [];
      while (index < lines.length) {
        const current = lines[index] ?? '';
        const item = LIST_ITEM.exec(current);
        if (item && (item[2] !== undefined) === ordered) {
          items.push([item[3] ?? '']);
        } else if (current.trim() !== '' && /^\s+\S/.test(current) && items.length > 0) {
          items[items.length - 1]?.push(current.trim());
        } else if (current.trim() === '' && LIST_ITEM.test(lines[index + 1] ?? '')) {
          // A blank line between items keeps the list going.
        } else {
          break;
        }
        index += 1;
      }
      blocks.push({
        kind: 'list',
        ordered,
        start: ordered ? Number(first[2]) : 1,
        items: items.map((item) => parseInline(item.join('\n'))),
      });
      continue;
    }
    const paragraph: string[] = [];
    while (index < lines.length) {
      const current = lines[index] ?? '';
      if (current.trim() === '' || (paragraph.length > 0 && isBlockStart(current))) break;
      paragraph.push(current);
      index += 1;
    }
    blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join('\n')) });
  }
  return blocks;
}

function pushText(parts: Inline[], text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last?.kind === 'text') last.text += text;
  else parts.push({ kind: 'text', text });
}

function appendAll(parts: Inline[], children: Inline[]): void {
  for (const child of children) {
    if (child.kind === 'text') pushText(parts, child.text);
    else parts.push(child);
  }
}

/** Index of the `]` that closes the `[` at `open`, counting nested brackets. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let position = open; position < text.length; position += 1) {
    const character = text[position];
    if (character === '\\') position += 1;
    else if (character === '[') depth += 1;
    else if (character === ']') {
      depth -= 1;
      if (depth === 0) return position;
    }
  }
  return -1;
}

export function parseInline(text: string): Inline[] {
  const parts: Inline[] = [];
  let position = 0;
  while (position < text.length) {
    const rest = text.slice(position);
    const character = text[position] ?? '';

    if (character === '\\' && /^\\[\\`*_[\]()#+\-.!>~|]/.test(rest)) {
      pushText(parts, rest[1] ?? '');
      position += 2;
      continue;
    }
    if (character === '\n') {
      // A line ending in two spaces or a backslash is a hard break; otherwise a space.
      const previous = parts[parts.length - 1];
      if (previous?.kind === 'text' && / {2,}$/.test(previous.text)) {
        previous.text = previous.text.replace(/ +$/, '');
        parts.push({ kind: 'break' });
      } else {
        pushText(parts, ' ');
      }
      position += 1;
      continue;
    }
    if (character === '`') {
      const code = /^(`+)([\s\S]*?[^`])\1(?!`)/.exec(rest);
      if (code) {
        parts.push({ kind: 'code', text: (code[2] ?? '').trim() });
        position += code[0].length;
        continue;
      }
    }
    if (character === '!' && rest[1] === '[') {
      const close = closingBracket(text, position + 1);
      const target = close > 0 ? LINK_TARGET.exec(text.slice(close + 1)) : null;
      if (close > 0 && target) {
        // Images are not loaded from wherever an author pointed; their description stays.
        pushText(parts, text.slice(position + 2, close));
        position = close + 1 + target[0].length;
        continue;
      }
    }
    if (character === '[') {
      const close = closingBracket(text, position);
      const target = close > 0 ? LINK_TARGET.exec(text.slice(close + 1)) : null;
      if (close > 0 && target) {
        const children = parseInline(text.slice(position + 1, close));
        const href = safeHref(target[1] ?? '');
        if (href) parts.push({ kind: 'link', href, children });
        else appendAll(parts, children);
        position = close + 1 + target[0].length;
        continue;
      }
    }
    if (character === '*' || character === '_') {
      const before = position > 0 ? (text[position - 1] ?? '') : '';
      // Underscores emphasise whole words only: snake_case, window.__name and 2*3 stay text.
      const intraword = character === '_' && before !== '' && !/[\s([{"'«]/.test(before);
      const strong = intraword
        ? null
        : character === '*'
          ? /^\*\*(?=\S)([\s\S]*?\S)\*\*/.exec(rest)
          : /^__(?=\S)([\s\S]*?\S)__(?!\w)/.exec(rest);
      if (strong) {
        parts.push({ kind: 'strong', children: parseInline(strong[1] ?? '') });
        position += strong[0].length;
        continue;
      }
      const em = intraword
        ? null
        : character === '*'
          ? /^\*(?=[^\s*])([\s\S]*?[^\s*])\*(?!\*)/.exec(rest)
          : /^_(?=[^\s_])([\s\S]*?[^\s_])_(?!\w)/.exec(rest);
      if (em) {
        parts.push({ kind: 'em', children: parseInline(em[1] ?? '') });
        position += em[0].length;
        continue;
      }
    }
    if (rest.startsWith('~~')) {
      const struck = /^~~(?=\S)([\s\S]*?\S)~~/.exec(rest);
      if (struck) {
        appendAll(parts, parseInline(struck[1] ?? ''));
        position += struck[0].length;
        continue;
      }
    }
    const bare = /^https?:\/\/[^\s<>"')\]]+[^\s<>"')\].,;:!?]/.exec(rest);
    const previous = position > 0 ? (text[position - 1] ?? ' ') : ' ';
    if (bare && /[\s(]/.test(previous)) {
      parts.push({ kind: 'link', href: bare[0], children: [{ kind: 'text', text: bare[0] }] });
      position += bare[0].length;
      continue;
    }
    pushText(parts, character);
    position += 1;
  }
  const last = parts[parts.length - 1];
  if (last?.kind === 'text') last.text = last.text.replace(/\s+$/, '');
  return parts.filter((part) => part.kind !== 'text' || part.text !== '');
}
