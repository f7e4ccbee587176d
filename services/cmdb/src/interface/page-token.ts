import type { ItemCursor } from '../application/ports/cmdb-store';
import { CmdbError, CmdbErrorCode } from '../domain/cmdb-error';

/** Where the next page of items starts: the last name and id of the page before, opaque to callers. */
export function toPageToken(after: ItemCursor): string {
  return Buffer.from(JSON.stringify([after.name, after.id]), 'utf8').toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function fromPageToken(token: string): ItemCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string' &&
      UUID.test(parsed[1])
    ) {
      return { name: parsed[0], id: parsed[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw new CmdbError(CmdbErrorCode.ValidationFailed, 'the page token is invalid', [
    { field: 'pageToken', message: 'is not a token of this list' },
  ]);
}
