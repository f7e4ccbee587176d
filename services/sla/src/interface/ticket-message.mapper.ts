import { fromTimestamp, type Ticket, type Timestamp } from '@itsm/contracts';
import type { TicketSnapshot } from '../application/ticket-snapshot';
import { SlaError, SlaErrorCode } from '../domain/sla-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `TICKET_STATUS_IN_PROGRESS` → `in_progress`, as the tickets domain spells it; null if unset. */
export function spellingOf(prefix: string, value: string): string | null {
  if (!value.startsWith(prefix)) return null;
  const name = value.slice(prefix.length).toLowerCase();
  return name === 'unspecified' || name === '' ? null : name;
}

function instantOf(timestamp: Timestamp | undefined): Date | null {
  return timestamp ? fromTimestamp(timestamp) : null;
}

function invalid(field: string, message: string): never {
  throw new SlaError(SlaErrorCode.ValidationFailed, `the ticket of the event is invalid`, [
    { field, message },
  ]);
}

/** The ticket of a tickets event as the SLA use cases read it; refuses one they cannot use. */
export function toTicketSnapshot(ticket: Ticket | undefined): TicketSnapshot {
  if (!ticket) return invalid('ticket', 'ticket is missing');
  if (!UUID.test(ticket.id)) invalid('ticket.id', `${ticket.id} is not a UUID`);
  const createdAt = instantOf(ticket.createdAt) ?? invalid('ticket.createdAt', 'is missing');
  return {
    id: ticket.id,
    number: ticket.number,
    type: spellingOf('TICKET_TYPE_', ticket.type) ?? invalid('ticket.type', 'is unspecified'),
    status:
      spellingOf('TICKET_STATUS_', ticket.status) ?? invalid('ticket.status', 'is unspecified'),
    priority: spellingOf('PRIORITY_', ticket.priority) ?? '',
    pendingReason: spellingOf('PENDING_REASON_', ticket.pendingReason),
    organizationId: ticket.organizationId || null,
    channel: spellingOf('CHANNEL_', ticket.channel),
    serviceId: ticket.serviceId || null,
    categoryId: ticket.categoryId || null,
    assignmentGroupId: ticket.assignmentGroupId || null,
    createdAt,
    // Tickets from before reported_at existed were reported when they were created.
    reportedAt: instantOf(ticket.reportedAt) ?? createdAt,
    updatedAt: instantOf(ticket.updatedAt) ?? createdAt,
    firstRespondedAt: instantOf(ticket.firstRespondedAt),
  };
}
