import type { Ticket } from '../../domain/ticket';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { TicketStore } from '../ports/ticket-store';
import type { ListTicketsQuery } from './list-tickets.query';
import { decodePageToken, encodePageToken } from './page-token';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export interface TicketPage {
  tickets: Ticket[];
  /** Empty on the last page. */
  nextPageToken: string;
}

/** Newest first, keyset-paginated (stable under inserts, fast at any depth). */
export class ListTicketsUseCase {
  constructor(private readonly tickets: TicketStore) {}

  async execute(query: ListTicketsQuery): Promise<TicketPage> {
    const pageSize = query.pageSize === 0 ? DEFAULT_PAGE_SIZE : query.pageSize;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new TicketError(TicketErrorCode.ValidationFailed, 'the page size is out of range', [
        { field: 'pageSize', message: `pageSize must be between 1 and ${MAX_PAGE_SIZE}` },
      ]);
    }
    const rows = await this.tickets.list({
      limit: pageSize + 1,
      after: query.pageToken ? decodePageToken(query.pageToken) : undefined,
      type: query.type,
      status: query.status,
      requesterId: query.requesterId,
    });
    const tickets = rows.slice(0, pageSize);
    const last = tickets[tickets.length - 1];
    return {
      tickets,
      nextPageToken:
        rows.length > pageSize && last
          ? encodePageToken({ createdAt: last.createdAt, id: last.id })
          : '',
    };
  }
}
