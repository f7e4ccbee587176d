import type { Ticket } from '../domain/ticket';
import { TicketError, TicketErrorCode } from '../domain/ticket-error';
import type { Scoped, TicketTransaction } from './ports/ticket-store';

/**
 * Locks a ticket for the rest of the transaction. A ticket outside the caller's scope is not
 * found, the same answer as one that does not exist. With an expected version (If-Match), a
 * ticket that changed since the caller read it is refused, so no update is lost.
 */
export async function lockTicket(
  transaction: TicketTransaction,
  ticketId: string,
  scope: Scoped,
  expectedVersion?: number,
): Promise<Ticket> {
  const ticket = await transaction.findForUpdate(ticketId, scope);
  if (!ticket) throw new TicketError(TicketErrorCode.NotFound, `ticket ${ticketId} does not exist`);
  if (expectedVersion !== undefined && expectedVersion !== ticket.version) {
    throw new TicketError(
      TicketErrorCode.VersionConflict,
      `ticket ${ticket.number} changed since version ${expectedVersion}; it is at version ${ticket.version}`,
      [],
      { currentVersion: ticket.version },
    );
  }
  return ticket;
}

/**
 * Locks several tickets in id order, so two transactions touching the same pair cannot
 * deadlock. `expectedVersions` holds the If-Match of the tickets the caller wrote to.
 */
export async function lockTicketsInIdOrder(
  transaction: TicketTransaction,
  ticketIds: readonly string[],
  scope: Scoped,
  expectedVersions: ReadonlyMap<string, number | undefined> = new Map(),
): Promise<Map<string, Ticket>> {
  const locked = new Map<string, Ticket>();
  for (const id of [...new Set(ticketIds)].sort()) {
    locked.set(id, await lockTicket(transaction, id, scope, expectedVersions.get(id)));
  }
  return locked;
}
