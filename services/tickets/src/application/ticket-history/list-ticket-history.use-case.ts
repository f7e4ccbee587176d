import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { StoredHistoryEntry, TicketStore } from '../ports/ticket-store';
import { isTicketId } from '../get-ticket/get-ticket.use-case';

export class ListTicketHistoryUseCase {
  constructor(private readonly tickets: TicketStore) {}

  async execute(ticketId: string): Promise<StoredHistoryEntry[]> {
    if (!isTicketId(ticketId) || !(await this.tickets.findById(ticketId))) {
      throw new TicketError(TicketErrorCode.NotFound, `ticket ${ticketId} does not exist`);
    }
    return this.tickets.history(ticketId);
  }
}
