import type { Ticket } from '../../domain/ticket';
import { escalationChanges } from '../../domain/ticket-escalation';
import { ROUTING_ACTOR, ROUTING_CALLER } from '../../domain/ticket-routing';
import { isUuid } from '../../domain/identifiers';
import type { TicketStore, TicketTransaction } from '../ports/ticket-store';
import type { RecordEscalationCommand } from './record-escalation.command';

export type EscalationOutcome =
  { recorded: true; ticket: Ticket } | { recorded: false; reason: 'unknown_ticket' };

/**
 * Keeps an escalation in the ticket's history, as an `escalated` entry under the agent who
 * asked for it (routing, when an SLA clock did), at the time it happened. It records why; it
 * changes nothing on the ticket (no new version, no ticket event): a functional escalation
 * moves the ticket through its own routed decision, and the escalation event itself is already
 * on the routing topic for whoever wants it. A finished ticket records it all the same.
 */
export class RecordEscalationUseCase {
  constructor(private readonly tickets: TicketStore) {}

  execute(command: RecordEscalationCommand): Promise<EscalationOutcome> {
    return this.tickets.transaction((transaction) => this.within(transaction, command));
  }

  /** The entry inside a transaction the caller holds (the consumer's, with its inbox row). */
  async within(
    transaction: TicketTransaction,
    command: RecordEscalationCommand,
  ): Promise<EscalationOutcome> {
    // Locked, so the entry takes its place in the history after any change being written.
    const ticket = isUuid(command.ticketId)
      ? await transaction.findForUpdate(command.ticketId, ROUTING_CALLER.access)
      : undefined;
    if (!ticket) return { recorded: false, reason: 'unknown_ticket' };
    await transaction.recordHistory({
      ticketId: ticket.id,
      occurredAt: command.occurredAt,
      actorId: command.actorId || ROUTING_ACTOR,
      action: 'escalated',
      changes: escalationChanges(command),
    });
    return { recorded: true, ticket };
  }
}
