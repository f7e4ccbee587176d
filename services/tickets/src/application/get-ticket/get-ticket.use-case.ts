import type { Ticket } from '../../domain/ticket';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { TicketStore } from '../ports/ticket-store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isTicketId(id: string): boolean {
  return UUID.test(id);
}

export class GetTicketUseCase {
  constructor(private readonly tickets: TicketStore) {}

  async execute(id: string): Promise<Ticket> {
    const ticket = isTicketId(id) ? await this.tickets.findById(id) : undefined;
    if (!ticket) throw new TicketError(TicketErrorCode.NotFound, `ticket ${id} does not exist`);
    return ticket;
  }
}
