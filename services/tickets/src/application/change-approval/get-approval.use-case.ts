import type { ChangeApproval } from '../../domain/change-approval';
import type { TicketCaller } from '../../domain/ticket-caller';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { TicketStore } from '../ports/ticket-store';

/** The current approval round of a change the caller may see, with every vote so far. */
export class GetApprovalUseCase {
  constructor(private readonly tickets: TicketStore) {}

  async execute(ticketId: string, caller: TicketCaller): Promise<ChangeApproval> {
    const ticket = await this.tickets.findById(ticketId, caller.access);
    if (!ticket)
      throw new TicketError(TicketErrorCode.NotFound, `ticket ${ticketId} does not exist`);
    const round = ticket.approvalId
      ? await this.tickets.findApproval(ticket.approvalId, caller.access)
      : undefined;
    if (!round) {
      throw new TicketError(
        TicketErrorCode.NotFound,
        ticket.type === 'change'
          ? `${ticket.number} has no approval round; request approval first`
          : `${ticket.number} is not a change and has no approval`,
      );
    }
    return round;
  }
}
