import { fromTimestamp, type Ticket } from '@itsm/contracts';
import type { TicketMention } from '../application/ports/cmdb-store';
import { CmdbError, CmdbErrorCode } from '../domain/cmdb-error';

/** Statuses after which a ticket needs nothing more of anyone. */
const CLOSED_STATUSES: ReadonlySet<string> = new Set([
  'resolved',
  'closed',
  'cancelled',
  'rejected',
]);

/** `TICKET_STATUS_IN_PROGRESS` → `in_progress`; null when unset. */
function spellingOf(prefix: string, value: string): string | null {
  if (!value.startsWith(prefix)) return null;
  const name = value.slice(prefix.length).toLowerCase();
  return name === 'unspecified' || name === '' ? null : name;
}

function invalid(field: string, message: string): never {
  throw new CmdbError(CmdbErrorCode.ValidationFailed, 'the ticket of the event is invalid', [
    { field, message },
  ]);
}

/** A ticket of a tickets event as the CMDB keeps it: which items it names, and how it stands. */
export function toTicketMention(ticket: Ticket | undefined): TicketMention {
  if (!ticket) return invalid('ticket', 'is missing');
  if (!ticket.id) return invalid('ticket.id', 'is empty');
  const type = spellingOf('TICKET_TYPE_', ticket.type) ?? invalid('ticket.type', 'is unspecified');
  const status =
    spellingOf('TICKET_STATUS_', ticket.status) ?? invalid('ticket.status', 'is unspecified');
  const stamp = ticket.updatedAt ?? ticket.createdAt;
  return {
    ticketId: ticket.id,
    number: ticket.number,
    type,
    title: ticket.title,
    status,
    open: !CLOSED_STATUSES.has(status),
    version: ticket.version,
    updatedAt: stamp ? fromTimestamp(stamp) : new Date(0),
    configurationItemIds: ticket.configurationItemIds,
  };
}
