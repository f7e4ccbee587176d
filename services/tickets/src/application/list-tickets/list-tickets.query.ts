import type { TicketStatus, TicketType } from '../../domain/ticket';

export interface ListTicketsQuery {
  /** 0 means the default page size. */
  pageSize: number;
  pageToken: string;
  type: TicketType | undefined;
  status: TicketStatus | undefined;
  requesterId: string | undefined;
}
