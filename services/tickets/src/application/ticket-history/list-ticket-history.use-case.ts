import type { TicketCaller } from '../../domain/ticket-caller';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { StoredHistoryEntry, TicketStore } from '../ports/ticket-store';
import { isTicketId } from '../get-ticket/get-ticket.use-case';

/**
 * The audit trail of a ticket the caller may see. It holds no comment text (a comment leaves a
 * `first_response` entry at most, and only public replies are first responses), so internal
 * notes do not leak through it to requesters.
 */
export class ListTicketHistoryUseCase {
  constructor(private readonly tickets: TicketStore) {}

  async execute(ticketId: string, caller: TicketCaller): Promise<StoredHistoryEntry[]> {
    if (!isTicketId(ticketId) || !(await this.tickets.findById(ticketId, caller.access))) {
      throw new TicketError(TicketErrorCode.NotFound, `ticket ${ticketId} does not exist`);
    }
    return this.tickets.history(ticketId, caller.access);
  }
}
