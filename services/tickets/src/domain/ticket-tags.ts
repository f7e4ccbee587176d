import type { FieldViolation } from './ticket-error';

export const MAX_TAGS = 20;
export const TAG_MAX_LENGTH = 50;

/**
 * Tags as agents mean them: trimmed, lower-case (so "VPN" and "vpn" are one tag), each once,
 * in the order first given. Problems are added to `violations` under `field`.
 */
export function normalizeTags(
  tags: readonly string[],
  violations: FieldViolation[],
  field = 'tags',
): string[] {
  const normalized = [...new Set(tags.map((tag) => tag.trim().toLowerCase()))];
  if (normalized.some((tag) => tag.length === 0 || tag.length > TAG_MAX_LENGTH)) {
    violations.push({ field, message: `each tag must be 1 to ${TAG_MAX_LENGTH} characters` });
  }
  if (normalized.some((tag) => tag.includes(','))) {
    violations.push({ field, message: 'a tag cannot contain a comma' });
  }
  if (normalized.length > MAX_TAGS) {
    violations.push({ field, message: `a ticket carries at most ${MAX_TAGS} tags` });
  }
  return normalized;
}

export interface AddedTags {
  tags: string[];
  /** Tags given that a ticket cannot carry (malformed, or beyond MAX_TAGS), as given. */
  dropped: string[];
}

/**
 * The ticket's tags with more added after them, each once. Unlike an agent's edit, which is
 * refused as a whole, a tag that does not fit is dropped and the others are kept: the tags come
 * from a rule that nobody is there to correct.
 */
export function withAddedTags(tags: readonly string[], added: readonly string[]): AddedTags {
  const result = [...tags];
  const dropped: string[] = [];
  for (const given of added) {
    const violations: FieldViolation[] = [];
    const [tag = ''] = normalizeTags([given], violations);
    if (violations.length === 0 && result.includes(tag)) continue;
    if (violations.length > 0 || result.length >= MAX_TAGS) dropped.push(given);
    else result.push(tag);
  }
  return { tags: result, dropped };
}
