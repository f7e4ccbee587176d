import type { Ticket } from '../../domain/ticket';
import { requirePermission } from '../../domain/ticket-caller';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import { lockTicketsInIdOrder } from '../lock-ticket';
import type { TicketStore, TicketTransaction } from '../ports/ticket-store';
import type { TransitionTicketUseCase } from '../transition-ticket/transition-ticket.use-case';
import type { UpdateTicketUseCase } from '../update-ticket/update-ticket.use-case';
import type { BulkUpdateTicketsCommand } from './bulk-update-tickets.command';

export const MAX_BULK_TICKETS = 100;

function invalid(field: string, message: string): never {
  throw new TicketError(TicketErrorCode.ValidationFailed, message, [{ field, message }]);
}

/**
 * One action or edit on many tickets, all or nothing: every ticket is locked first (in id
 * order, so concurrent bulk updates cannot deadlock), each goes through the same rules,
 * history and events as a single change, and the first refusal rolls every change back,
 * naming the ticket that was refused.
 */
export class BulkUpdateTicketsUseCase {
  constructor(
    private readonly tickets: TicketStore,
    private readonly transitions: TransitionTicketUseCase,
    private readonly edits: UpdateTicketUseCase,
  ) {}

  async execute(command: BulkUpdateTicketsCommand): Promise<Ticket[]> {
    const { operation, caller } = command;
    requirePermission(caller, 'tickets.bulk', 'update tickets in bulk');
    if (!operation) invalid('operation', 'a bulk update needs a transition or an update');
    const ids = command.ticketIds;
    if (ids.length === 0 || ids.length > MAX_BULK_TICKETS) {
      invalid('ids', `a bulk update takes 1 to ${MAX_BULK_TICKETS} tickets, not ${ids.length}`);
    }
    if (new Set(ids).size !== ids.length) invalid('ids', 'each ticket may appear once');
    return this.tickets.transaction(async (transaction) => {
      const locked = await lockTicketsInIdOrder(transaction, ids, caller.access);
      const changed: Ticket[] = [];
      for (const ticketId of ids) {
        try {
          changed.push(await this.apply(transaction, ticketId, command));
        } catch (error) {
          throw error instanceof TicketError ? naming(error, locked.get(ticketId)) : error;
        }
      }
      return changed;
    });
  }

  private apply(
    transaction: TicketTransaction,
    ticketId: string,
    { caller, actorId, operation }: BulkUpdateTicketsCommand,
  ): Promise<Ticket> {
    const common = { caller, ticketId, expectedVersion: undefined, actorId };
    if (operation?.kind === 'edit') {
      return this.edits.within(transaction, { ...common, edit: operation.edit });
    }
    if (operation?.kind === 'transition') {
      return this.transitions.within(transaction, { ...operation.transition, ...common });
    }
    throw new Error('bulk operation is missing');
  }
}

/** The same refusal, prefixed with the ticket it concerns, which also travels in the details. */
function naming(error: TicketError, ticket: Ticket | undefined): TicketError {
  if (!ticket) return error;
  return new TicketError(error.code, `${ticket.number}: ${error.message}`, error.violations, {
    ...error.details,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
  });
}
