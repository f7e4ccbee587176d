import type { Ticket } from './ticket';
import { TicketError, TicketErrorCode } from './ticket-error';
import { REFERENCE_MAX_LENGTH } from './ticket-limits';
import { diff, type FieldChanges } from './ticket-lifecycle';

export interface WatchOutcome {
  ticket: Ticket;
  changes: FieldChanges;
}

/** Adds or removes a watcher; what is already so changes nothing. */
export function watchTicket(
  ticket: Ticket,
  watcherId: string,
  watch: boolean,
  now: Date,
): WatchOutcome {
  const id = watcherId.trim();
  if (id.length === 0 || id.length > REFERENCE_MAX_LENGTH) {
    throw new TicketError(TicketErrorCode.ValidationFailed, 'the watcher is invalid', [
      { field: 'watcherId', message: `watcherId must be 1 to ${REFERENCE_MAX_LENGTH} characters` },
    ]);
  }
  const watching = ticket.watcherIds.includes(id);
  if (watching === watch) return { ticket, changes: {} };
  const watcherIds = watch
    ? [...ticket.watcherIds, id]
    : ticket.watcherIds.filter((known) => known !== id);
  const next: Ticket = { ...ticket, watcherIds, updatedAt: now, version: ticket.version + 1 };
  return { ticket: next, changes: diff(ticket, next) };
}
