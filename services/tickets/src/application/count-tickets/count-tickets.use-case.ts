import { TICKET_STATUSES, type TicketStatus } from '../../domain/ticket';
import type { TicketCaller } from '../../domain/ticket-caller';
import { validateFilters } from '../list-tickets/filters';
import type { TicketFilters, TicketStore } from '../ports/ticket-store';

export interface TicketCounts {
  byStatus: Record<TicketStatus, number>;
  total: number;
}

/** How many of the tickets the caller may see are in each state: the numbers on a queue's tabs. */
export class CountTicketsUseCase {
  constructor(private readonly tickets: TicketStore) {}

  async execute(
    filters: Omit<TicketFilters, 'status'>,
    caller: TicketCaller,
  ): Promise<TicketCounts> {
    const counted = await this.tickets.countByStatus({
      ...validateFilters({ ...filters, status: undefined }),
      visibility: caller.access.visibility,
    });
    const byStatus = Object.fromEntries(
      TICKET_STATUSES.map((status) => [status, counted[status] ?? 0]),
    ) as Record<TicketStatus, number>;
    return { byStatus, total: Object.values(byStatus).reduce((sum, count) => sum + count, 0) };
  }
}
