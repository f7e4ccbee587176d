import type { Ticket } from '../../domain/ticket';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { TicketStore } from '../ports/ticket-store';
import type { ListTicketsQuery } from './list-tickets.query';
import { decodePageToken, encodePageToken } from './page-token';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
export const MAX_TEXT_LENGTH = 200;

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
    const text = query.text?.trim() || undefined;
    if (text && text.length > MAX_TEXT_LENGTH) {
      throw new TicketError(TicketErrorCode.ValidationFailed, 'the search text is too long', [
        { field: 'text', message: `text must be at most ${MAX_TEXT_LENGTH} characters` },
      ]);
    }
    const { pageSize: _pageSize, pageToken, ...filters } = query;
    const rows = await this.tickets.list({
      ...filters,
      text,
      limit: pageSize + 1,
      after: pageToken ? decodePageToken(pageToken) : undefined,
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
