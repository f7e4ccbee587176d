import type { Ticket } from '../../domain/ticket';
import type { TicketCaller } from '../../domain/ticket-caller';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { TicketStore } from '../ports/ticket-store';
import { isUuid } from '../../domain/identifiers';

export function isTicketId(id: string): boolean {
  return isUuid(id);
}

/** A ticket the caller may see; one they may not is not found, as if it did not exist. */
export class GetTicketUseCase {
  constructor(private readonly tickets: TicketStore) {}

  async execute(id: string, caller: TicketCaller): Promise<Ticket> {
    const ticket = isTicketId(id) ? await this.tickets.findById(id, caller.access) : undefined;
    if (!ticket) throw new TicketError(TicketErrorCode.NotFound, `ticket ${id} does not exist`);
    return ticket;
  }
}
