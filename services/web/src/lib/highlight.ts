export interface HighlightPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
  '&#x2F;': '/',
};

function unescapeHtml(text: string): string {
  return text.replace(
    /&(?:amp|lt|gt|quot|#39|#x27|#x2F);/g,
    (entity) => ENTITIES[entity] ?? entity,
  );
}

/**
 * Splits a search highlight (HTML-escaped text with <mark> around matches) into parts React
 * renders as text, so nothing from the index ever reaches the page as markup.
 */
export function highlightParts(html: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  const pattern = /<mark>(.*?)<\/mark>/gs;
  let last = 0;
  for (const match of html.matchAll(pattern)) {
    if (match.index > last)
      parts.push({ text: unescapeHtml(html.slice(last, match.index)), marked: false });
    parts.push({ text: unescapeHtml(match[1] ?? ''), marked: true });
    last = match.index + match[0].length;
  }
  if (last < html.length) parts.push({ text: unescapeHtml(html.slice(last)), marked: false });
  return parts.filter((part) => part.text !== '');
}
