import { TicketUpdated } from '@itsm/contracts';
import type { Ticket } from '../domain/ticket';
import type { FieldChanges } from '../domain/ticket-lifecycle';
import type { TicketHistoryEntry, TicketTransaction } from './ports/ticket-store';
import { toFieldChangeMessages, toTicketMessage } from './ticket-message.mapper';

export interface Edited {
  ticket: Ticket;
  changes: FieldChanges;
}

/**
 * Writes an edit that changed something: the ticket at its new version, the history entry
 * and the `ticket.updated` event naming the changed fields. An edit without changes writes
 * nothing (a retry, or a value that was already so) and answers the ticket as it is.
 */
export async function recordEdit(
  transaction: TicketTransaction,
  before: Ticket,
  { ticket, changes }: Edited,
  { actorId, action }: { actorId: string; action: TicketHistoryEntry['action'] },
  now: Date,
): Promise<Ticket> {
  if (Object.keys(changes).length === 0) return before;
  await transaction.update(ticket, before.version);
  await transaction.recordHistory({
    ticketId: ticket.id,
    occurredAt: now,
    actorId,
    action,
    changes,
  });
  await transaction.emit(TicketUpdated, {
    key: ticket.id,
    subject: ticket.number,
    payload: { ticket: toTicketMessage(ticket), actorId, changes: toFieldChangeMessages(changes) },
    occurredAt: now,
  });
  return ticket;
}
