import type { CommentVisibility, TicketComment } from '../../domain/ticket-comment';
import type { TicketCaller } from '../../domain/ticket-caller';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import { isTicketId } from '../get-ticket/get-ticket.use-case';
import type { TicketStore } from '../ports/ticket-store';

/**
 * The conversation of a ticket the caller may see. Internal notes reach only those who read
 * them: to anyone else a ticket has none, even when they ask for internal ones.
 */
export class ListCommentsUseCase {
  constructor(private readonly tickets: TicketStore) {}

  async execute(
    ticketId: string,
    visibility: CommentVisibility | undefined,
    caller: TicketCaller,
  ): Promise<TicketComment[]> {
    if (!isTicketId(ticketId) || !(await this.tickets.findById(ticketId, caller.access))) {
      throw new TicketError(TicketErrorCode.NotFound, `ticket ${ticketId} does not exist`);
    }
    return this.tickets.comments(ticketId, caller.access, visibility);
  }
}
