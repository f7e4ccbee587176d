import { fromTimestamp, type Ticket } from '@itsm/contracts';
import type { TicketState } from '../application/route-tickets/ticket-state';
import { RoutingError, RoutingErrorCode } from '../domain/routing-error';
import {
  TICKET_KINDS,
  TICKET_PRIORITIES,
  type TicketKind,
  type TicketPriority,
} from '../domain/routing-model';

const CLOSED_STATUSES = new Set(['resolved', 'closed', 'cancelled', 'rejected']);

/** `TICKET_STATUS_IN_PROGRESS` → `in_progress`; null when unset. */
function spellingOf(prefix: string, value: string): string | null {
  if (!value.startsWith(prefix)) return null;
  const name = value.slice(prefix.length).toLowerCase();
  return name === 'unspecified' || name === '' ? null : name;
}

function invalid(field: string, message: string): never {
  throw new RoutingError(RoutingErrorCode.ValidationFailed, 'the ticket of the event is invalid', [
    { field, message },
  ]);
}

function customFieldsOf(json: string): Record<string, unknown> {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** A ticket of a tickets event as routing reads it; refuses one it cannot use. */
export function toTicketState(ticket: Ticket | undefined): TicketState {
  if (!ticket) return invalid('ticket', 'is missing');
  if (!ticket.id) invalid('ticket.id', 'is empty');
  const type = spellingOf('TICKET_TYPE_', ticket.type);
  if (!type || !(TICKET_KINDS as readonly string[]).includes(type))
    invalid('ticket.type', 'is unspecified');
  const status =
    spellingOf('TICKET_STATUS_', ticket.status) ?? invalid('ticket.status', 'is unspecified');
  const priority = spellingOf('PRIORITY_', ticket.priority);
  return {
    facts: {
      ticketId: ticket.id,
      number: ticket.number,
      type: type as TicketKind,
      title: ticket.title,
      description: ticket.description,
      categoryId: ticket.categoryId || null,
      serviceId: ticket.serviceId || null,
      organizationId: ticket.organizationId || null,
      priority: (TICKET_PRIORITIES as readonly string[]).includes(priority ?? '')
        ? (priority as TicketPriority)
        : 'medium',
      channel: spellingOf('CHANNEL_', ticket.channel) ?? 'portal',
      customFields: customFieldsOf(ticket.customFieldsJson),
      tags: [...ticket.tags],
    },
    groupId: ticket.assignmentGroupId || null,
    assigneeId: ticket.assigneeId || null,
    open: !CLOSED_STATUSES.has(status),
    resolved: status === 'resolved' || status === 'closed',
    resolvedAt: ticket.resolvedAt ? fromTimestamp(ticket.resolvedAt) : null,
  };
}
