import { type CountTicketsRequest, fromTimestamp, type TimeRange } from '@itsm/contracts';
import type { TicketFilters } from '../application/ports/ticket-store';
import {
  fromMessage,
  priorityMessages,
  ticketStatusMessages,
  ticketTypeMessages,
} from '../application/ticket-message.mapper';
import type { TicketStatus as TicketStatusMessage } from '@itsm/contracts';

function boundsOf(range: TimeRange | undefined): [Date | undefined, Date | undefined] {
  return [
    range?.from ? fromTimestamp(range.from) : undefined,
    range?.to ? fromTimestamp(range.to) : undefined,
  ];
}

/**
 * The filters of a list or a count (a count has no status or ids of its own); empty strings and
 * UNSPECIFIED mean no filter.
 */
export function toTicketFilters(
  request: CountTicketsRequest & { status?: TicketStatusMessage; ids?: string[] },
): TicketFilters {
  const [createdFrom, createdTo] = boundsOf(request.created);
  const [updatedFrom, updatedTo] = boundsOf(request.updated);
  return {
    type: fromMessage(ticketTypeMessages, request.type),
    status: request.status ? fromMessage(ticketStatusMessages, request.status) : undefined,
    priority: fromMessage(priorityMessages, request.priority),
    requesterId: request.requesterId || undefined,
    organizationId: request.organizationId || undefined,
    assignmentGroupId: request.assignmentGroupId || undefined,
    assigneeId: request.assigneeId || undefined,
    text: request.text || undefined,
    tags: request.tags,
    ids: request.ids ?? [],
    serviceId: request.serviceId || undefined,
    categoryId: request.categoryId || undefined,
    createdFrom,
    createdTo,
    updatedFrom,
    updatedTo,
  };
}
