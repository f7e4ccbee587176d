import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { TicketCursor } from '../ports/ticket-store';
import { isTicketOrder, orderField, SORT_KEY_SHAPE, type SortKey } from './ticket-order';
import { isUuid } from '../../domain/identifiers';

/**
 * Opaque cursor: the order and the sort key of the last ticket on the page, base64url JSON.
 * Times travel as RFC 3339 text so a token stays readable when debugging.
 */
export function encodePageToken(cursor: TicketCursor): string {
  const shape = SORT_KEY_SHAPE[orderField(cursor.order)];
  const values = cursor.key.map((value, index) =>
    shape[index] === 'time' ? new Date(value).toISOString() : value,
  );
  return Buffer.from(JSON.stringify([cursor.order, ...values]), 'utf8').toString('base64url');
}

/** Refuses a token this API did not issue, or one issued for another order than `expectedOrder`. */
export function decodePageToken(token: string, expectedOrder: string): TicketCursor {
  const invalid = (reason = 'the page token is not one this API issued') =>
    new TicketError(TicketErrorCode.InvalidPageToken, reason);
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(decoded)) throw invalid();
  const [order, ...values] = decoded as unknown[];
  if (typeof order !== 'string' || !isTicketOrder(order)) throw invalid();
  if (order !== expectedOrder) {
    throw invalid(`the page token belongs to a list sorted by ${order}, not ${expectedOrder}`);
  }
  const shape = SORT_KEY_SHAPE[orderField(order)];
  if (values.length !== shape.length) throw invalid();
  const key: SortKey = shape.map((kind, index) => {
    const value = values[index];
    switch (kind) {
      case 'time': {
        const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
        if (Number.isNaN(time)) throw invalid();
        return time;
      }
      case 'rank':
        if (typeof value !== 'number' || !Number.isInteger(value)) throw invalid();
        return value;
      case 'id':
        if (typeof value !== 'string' || !isUuid(value)) throw invalid();
        return value;
    }
  });
  return { order, key };
}
