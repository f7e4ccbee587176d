import type { TicketRelation } from '../../domain/ticket-relation';
import type { TicketCaller } from '../../domain/ticket-caller';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { TicketStore } from '../ports/ticket-store';

/**
 * A ticket's relations in both directions, oldest first, of a ticket the caller may see; a
 * relation to a ticket they may not see is left out (it would name that ticket).
 */
export class ListRelationsUseCase {
  constructor(private readonly tickets: TicketStore) {}

  async execute(ticketId: string, caller: TicketCaller): Promise<TicketRelation[]> {
    if (!(await this.tickets.findById(ticketId, caller.access))) {
      throw new TicketError(TicketErrorCode.NotFound, `ticket ${ticketId} does not exist`);
    }
    return this.tickets.relationsOf(ticketId, caller.access);
  }
}
