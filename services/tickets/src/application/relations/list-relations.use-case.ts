import type { TicketRelation } from '../../domain/ticket-relation';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { TicketStore } from '../ports/ticket-store';

/** A ticket's relations in both directions, oldest first. */
export class ListRelationsUseCase {
  constructor(private readonly tickets: TicketStore) {}

  async execute(ticketId: string): Promise<TicketRelation[]> {
    if (!(await this.tickets.findById(ticketId))) {
      throw new TicketError(TicketErrorCode.NotFound, `ticket ${ticketId} does not exist`);
    }
    return this.tickets.relationsOf(ticketId);
  }
}
