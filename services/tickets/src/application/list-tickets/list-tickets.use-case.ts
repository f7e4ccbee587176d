import type { Ticket } from '../../domain/ticket';
import type { TicketCaller } from '../../domain/ticket-caller';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { TicketStore } from '../ports/ticket-store';
import { validateFilters } from './filters';
import type { ListTicketsQuery } from './list-tickets.query';
import { decodePageToken, encodePageToken } from './page-token';
import {
  DEFAULT_TICKET_ORDER,
  isTicketOrder,
  orderField,
  sortKeyOf,
  TICKET_ORDERS,
  type TicketOrder,
} from './ticket-order';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export interface TicketPage {
  tickets: Ticket[];
  /** Empty on the last page. */
  nextPageToken: string;
}

function orderOf(requested: string): TicketOrder {
  if (requested === '') return DEFAULT_TICKET_ORDER;
  if (isTicketOrder(requested)) return requested;
  throw new TicketError(TicketErrorCode.ValidationFailed, 'the sort order is unknown', [
    { field: 'sort', message: `sort must be one of ${TICKET_ORDERS.join(', ')}` },
  ]);
}

/**
 * Keyset-paginated in the requested order (stable under inserts, fast at any depth), over the
 * tickets the caller may see: the filters narrow that, never widen it.
 */
export class ListTicketsUseCase {
  constructor(private readonly tickets: TicketStore) {}

  async execute(query: ListTicketsQuery, caller: TicketCaller): Promise<TicketPage> {
    const pageSize = query.pageSize === 0 ? DEFAULT_PAGE_SIZE : query.pageSize;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new TicketError(TicketErrorCode.ValidationFailed, 'the page size is out of range', [
        { field: 'pageSize', message: `pageSize must be between 1 and ${MAX_PAGE_SIZE}` },
      ]);
    }
    const order = orderOf(query.order);
    const { pageSize: _pageSize, pageToken, order: _order, ...filters } = query;
    const rows = await this.tickets.list({
      ...validateFilters(filters),
      visibility: caller.access.visibility,
      order,
      limit: pageSize + 1,
      after: pageToken ? decodePageToken(pageToken, order) : undefined,
    });
    const tickets = rows.slice(0, pageSize);
    const last = tickets[tickets.length - 1];
    return {
      tickets,
      nextPageToken:
        rows.length > pageSize && last
          ? encodePageToken({ order, key: sortKeyOf(last, orderField(order)) })
          : '',
    };
  }
}
