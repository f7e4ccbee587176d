import type { Ticket } from '../../domain/ticket';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { TicketStore } from '../ports/ticket-store';
import { isUuid } from '../../domain/identifiers';

export function isTicketId(id: string): boolean {
  return isUuid(id);
}

export class GetTicketUseCase {
  constructor(private readonly tickets: TicketStore) {}

  async execute(id: string): Promise<Ticket> {
    const ticket = isTicketId(id) ? await this.tickets.findById(id) : undefined;
    if (!ticket) throw new TicketError(TicketErrorCode.NotFound, `ticket ${id} does not exist`);
    return ticket;
  }
}
