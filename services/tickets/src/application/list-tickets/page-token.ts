import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { TicketCursor } from '../ports/ticket-store';

/** Opaque cursor: the sort key of the last ticket on the page, base64url-encoded. */
export function encodePageToken(cursor: TicketCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id]), 'utf8').toString(
    'base64url',
  );
}

export function decodePageToken(token: string): TicketCursor {
  const invalid = () =>
    new TicketError(TicketErrorCode.InvalidPageToken, 'the page token is not one this API issued');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) throw invalid();
  const [createdAt, id] = decoded as unknown[];
  if (typeof createdAt !== 'string' || typeof id !== 'string') throw invalid();
  const date = new Date(createdAt);
  if (Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) throw invalid();
  return { createdAt: date, id };
}
