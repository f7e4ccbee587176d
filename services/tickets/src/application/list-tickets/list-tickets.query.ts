import type { TicketFilters } from '../ports/ticket-store';

export interface ListTicketsQuery extends TicketFilters {
  /** 0 means the default page size. */
  pageSize: number;
  pageToken: string;
  /** One of TICKET_ORDERS; empty means newest first. */
  order: string;
}
