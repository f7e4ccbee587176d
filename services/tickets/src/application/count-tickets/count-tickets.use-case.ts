import { TICKET_STATUSES, type TicketStatus } from '../../domain/ticket';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import { MAX_TEXT_LENGTH } from '../list-tickets/list-tickets.use-case';
import type { TicketFilters, TicketStore } from '../ports/ticket-store';

export interface TicketCounts {
  byStatus: Record<TicketStatus, number>;
  total: number;
}

/** How many tickets are in each state: the numbers on a queue's tabs. */
export class CountTicketsUseCase {
  constructor(private readonly tickets: TicketStore) {}

  async execute(filters: Omit<TicketFilters, 'status'>): Promise<TicketCounts> {
    const text = filters.text?.trim() || undefined;
    if (text && text.length > MAX_TEXT_LENGTH) {
      throw new TicketError(TicketErrorCode.ValidationFailed, 'the search text is too long', [
        { field: 'text', message: `text must be at most ${MAX_TEXT_LENGTH} characters` },
      ]);
    }
    const counted = await this.tickets.countByStatus({ ...filters, text, status: undefined });
    const byStatus = Object.fromEntries(
      TICKET_STATUSES.map((status) => [status, counted[status] ?? 0]),
    ) as Record<TicketStatus, number>;
    return { byStatus, total: Object.values(byStatus).reduce((sum, count) => sum + count, 0) };
  }
}
