import { RoutingError, RoutingErrorCode } from '../domain/routing-error';

/** Where the next page of agents starts: the last name and id of the page before, opaque to callers. */
export function toPageToken(after: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([after.name, after.id]), 'utf8').toString('base64url');
}

export function fromPageToken(token: string): { name: string; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { name: parsed[0], id: parsed[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw new RoutingError(RoutingErrorCode.ValidationFailed, 'the page token is invalid', [
    { field: 'pageToken', message: 'is not a token of this list' },
  ]);
}
