import { NotificationError, NotificationErrorCode } from '../../domain/notification-error';

/** Opaque keyset cursors: the position after the last row of a page, newest first. */
export interface KeysetPosition {
  at: Date;
  id: string;
}

export function encodePageToken(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.at.toISOString(), position.id]), 'utf8').toString(
    'base64url',
  );
}

/** Null for an empty token; throws for a token this service did not issue. */
export function decodePageToken(token: string): KeysetPosition | null {
  if (!token) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as [
      string,
      string,
    ];
    const date = new Date(at);
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw new Error('malformed');
    return { at: date, id };
  } catch {
    throw new InvalidPageTokenError();
  }
}

export class InvalidPageTokenError extends Error {
  constructor() {
    super('the page token is not one this service issued');
    this.name = 'InvalidPageTokenError';
  }
}

export function pageSizeOf(requested: number, fallback: number, max: number): number {
  if (!Number.isFinite(requested) || requested <= 0) return fallback;
  return Math.min(Math.trunc(requested), max);
}

/** Where a requested page starts; a token this service did not issue is a validation error. */
export function pageStartOf(pageToken: string): KeysetPosition | null {
  try {
    return decodePageToken(pageToken);
  } catch (error) {
    if (!(error instanceof InvalidPageTokenError)) throw error;
    throw new NotificationError(NotificationErrorCode.ValidationFailed, error.message, [
      { field: 'pageToken', message: error.message },
    ]);
  }
}
