import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';
import { canSeeTicket, type Principal, type TicketOwnership, ticketAccessOf } from '@itsm/auth';
import type { Ticket, TicketsServiceClient } from '@itsm/contracts';
import { HttpProblemException } from '../problem/http-problem.exception';
import { ProblemType } from '../problem/problem-details';
import { TICKETS_CLIENT } from './tickets-client.provider';

/** The fields of a ticket that decide who sees it; the service sends '' for none. */
export function ownershipOf(ticket: Ticket): TicketOwnership {
  return {
    requesterId: ticket.requesterId,
    organizationId: ticket.organizationId || null,
    assigneeId: ticket.assigneeId || null,
    assignmentGroupId: ticket.assignmentGroupId || null,
  };
}

/**
 * Routes under a ticket that other services serve (its SLA clocks, routing, impact, knowledge
 * links) know nothing of who may see the ticket: they ask here first. The tickets service
 * scopes GetTicket by the caller it gets in the metadata and answers NOT_FOUND for a ticket
 * the caller may not see, which reaches the client as 404. Its answer is checked again here,
 * with the same words, so a ticket is never told apart from one that does not exist.
 */
@Injectable()
export class TicketVisibilityCheck {
  constructor(
    @Inject(TICKETS_CLIENT) private readonly tickets: Pick<TicketsServiceClient, 'getTicket'>,
  ) {}

  /** The ticket, when the caller may see it; else a 404 problem. */
  async visibleTicket(principal: Principal, ticketId: string): Promise<Ticket> {
    const { ticket } = await firstValueFrom(this.tickets.getTicket({ id: ticketId }));
    if (!ticket) throw new Error('the tickets service answered without a ticket');
    if (!canSeeTicket(ticketAccessOf(principal).visibility, ownershipOf(ticket)))
      throw new HttpProblemException(
        HttpStatus.NOT_FOUND,
        ProblemType.notFound,
        `ticket ${ticketId} does not exist`,
      );
    return ticket;
  }
}
