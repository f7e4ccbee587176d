import type { CommentVisibility, TicketComment } from '../../domain/ticket-comment';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import { isTicketId } from '../get-ticket/get-ticket.use-case';
import type { TicketStore } from '../ports/ticket-store';

export class ListCommentsUseCase {
  constructor(private readonly tickets: TicketStore) {}

  async execute(
    ticketId: string,
    visibility: CommentVisibility | undefined,
  ): Promise<TicketComment[]> {
    if (!isTicketId(ticketId) || !(await this.tickets.findById(ticketId))) {
      throw new TicketError(TicketErrorCode.NotFound, `ticket ${ticketId} does not exist`);
    }
    return this.tickets.comments(ticketId, visibility);
  }
}
