/**
 * An opaque page position: the sort key of the last item, as base64url JSON. Clients pass back
 * the `nextCursor` they were given; anything else is refused.
 */
export function encodeCursor(position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, length: number): string[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== length) return undefined;
  if (!value.every((item): item is string => typeof item === 'string')) return undefined;
  return value;
}

/** A two-part position, e.g. [name, id] or [at, id]. */
export function decodeCursorPair(cursor: string): [string, string] | undefined {
  const [first, second] = decodeCursor(cursor, 2) ?? [];
  return first !== undefined && second !== undefined ? [first, second] : undefined;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
