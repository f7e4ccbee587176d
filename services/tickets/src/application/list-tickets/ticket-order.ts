import { assertUnreachable } from '@itsm/lang';
import { PRIORITY_RANK } from '../../domain/priority-matrix';
import type { Ticket } from '../../domain/ticket';

/**
 * How a list is ordered: a field, descending with a leading minus. `-priority` puts the most
 * urgent first. Ties are broken by the later fields of the sort key, in the same direction,
 * so every order is total and a page cursor is exact.
 */
export const TICKET_ORDERS = [
  '-created_at',
  'created_at',
  '-updated_at',
  'updated_at',
  '-priority',
  'priority',
] as const;
export type TicketOrder = (typeof TICKET_ORDERS)[number];

export const DEFAULT_TICKET_ORDER: TicketOrder = '-created_at';

export type OrderField = 'created_at' | 'updated_at' | 'priority';

/** The values a ticket is sorted by, most significant first; the id makes each key unique. */
export type SortKey = readonly (number | string)[];

/** The kind of each value of a field's sort key, for decoding a cursor. */
export const SORT_KEY_SHAPE: Readonly<Record<OrderField, readonly ('time' | 'rank' | 'id')[]>> = {
  created_at: ['time', 'id'],
  updated_at: ['time', 'id'],
  priority: ['rank', 'time', 'id'],
};

export function isTicketOrder(value: string): value is TicketOrder {
  return (TICKET_ORDERS as readonly string[]).includes(value);
}

export function orderField(order: TicketOrder): OrderField {
  return (order.startsWith('-') ? order.slice(1) : order) as OrderField;
}

export function isDescending(order: TicketOrder): boolean {
  return order.startsWith('-');
}

/** Times are epoch milliseconds, so keys compare as plain numbers. */
export function sortKeyOf(ticket: Ticket, field: OrderField): SortKey {
  switch (field) {
    case 'created_at':
      return [ticket.createdAt.getTime(), ticket.id];
    case 'updated_at':
      return [ticket.updatedAt.getTime(), ticket.id];
    case 'priority':
      return [PRIORITY_RANK[ticket.priority], ticket.createdAt.getTime(), ticket.id];
    default:
      return assertUnreachable(field, 'order field');
  }
}

export function compareSortKeys(a: SortKey, b: SortKey): number {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const left = a[index];
    const right = b[index];
    if (left === right) continue;
    if (left === undefined) return -1;
    if (right === undefined) return 1;
    return left < right ? -1 : 1;
  }
  return 0;
}

/** Orders tickets as the list does: the comparator of `Array.prototype.sort`. */
export function compareTickets(order: TicketOrder): (a: Ticket, b: Ticket) => number {
  const field = orderField(order);
  const sign = isDescending(order) ? -1 : 1;
  return (a, b) => sign * compareSortKeys(sortKeyOf(a, field), sortKeyOf(b, field));
}
