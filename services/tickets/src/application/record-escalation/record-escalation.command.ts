import type { TicketEscalation } from '../../domain/ticket-escalation';

/** An escalation the routing service reports, to be kept in the ticket's history. */
export interface RecordEscalationCommand extends TicketEscalation {
  ticketId: string;
  /** The agent who asked for it; undefined when a clock did (SLA warning or breach). */
  actorId: string | undefined;
  occurredAt: Date;
}
