/** Where requesters read a knowledge article in the portal. */
export function portalArticlePath(articleId: string): string {
  return `/portal/knowledge/${encodeURIComponent(articleId)}`;
}

/**
 * The reply with a link to an article added at its end, on a line of its own: the title, then
 * the portal address the requester can open. A link already in the reply is not added again.
 */
export function withArticleLink(
  reply: string,
  article: { id: string; title: string },
  origin: string,
): string {
  const url = `${origin.replace(/\/+$/, '')}${portalArticlePath(article.id)}`;
  if (reply.includes(url)) return reply;
  const line = `${article.title.trim()}: ${url}`;
  const text = reply.replace(/\s+$/, '');
  return text ? `${text}\n\n${line}` : line;
}
