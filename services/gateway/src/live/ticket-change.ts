import { canSeeTicket, type Principal, type TicketOwnership, ticketAccessOf } from '@itsm/auth';
import {
  ChangeApprovalApproved,
  ChangeApprovalRejected,
  ChangeApprovalRequested,
  CommentVisibility,
  type EventType,
  type Ticket,
  TicketAssigned,
  TicketAttachmentAdded,
  TicketClosed,
  TicketCommented,
  TicketCreated,
  TicketReopened,
  TicketResolved,
  TicketStateChanged,
  TicketUpdated,
} from '@itsm/contracts';

/**
 * What the web app is told about a change of a ticket: enough to refresh the right row or
 * view, nothing of its content (the client reads that through the scoped API).
 */
export interface TicketChange {
  /** The event id, usable as the SSE `id`. */
  id: string;
  /** e.g. `ticket.commented`. */
  type: string;
  ticketId: string;
  number: string;
  /** Ticket version after the change. */
  version: number;
  occurredAt: string;
}

/** A change with what decides who may receive it. */
export interface ScopedTicketChange {
  change: TicketChange;
  ownership: TicketOwnership;
  /** An internal note: never sent to callers who may not read internal notes. */
  internal: boolean;
}

type TicketCarrier = { ticket?: Ticket | undefined };

const TICKET_EVENTS: readonly EventType<TicketCarrier>[] = [
  TicketCreated,
  TicketAssigned,
  TicketResolved,
  TicketClosed,
  TicketReopened,
  TicketStateChanged,
  TicketCommented,
  TicketUpdated,
  TicketAttachmentAdded,
  ChangeApprovalRequested,
  ChangeApprovalApproved,
  ChangeApprovalRejected,
];

const BY_TYPE = new Map(TICKET_EVENTS.map((eventType) => [eventType.type, eventType]));
const TYPE_PREFIX = 'itsm.tickets.v1.';

/**
 * Reads a tickets event into a change the live feed can scope; undefined for events that do
 * not carry the ticket (links, merges: the tickets' own updates follow) or fail to decode.
 */
export function scopedTicketChangeOf(
  attributes: { id: string; type: string; time: Date },
  json: unknown,
): ScopedTicketChange | undefined {
  const eventType = BY_TYPE.get(attributes.type);
  if (!eventType) return undefined;
  let payload: TicketCarrier;
  try {
    payload = eventType.fromJson(json);
  } catch {
    return undefined;
  }
  const { ticket } = payload;
  if (!ticket) return undefined;
  const comment =
    attributes.type === TicketCommented.type
      ? (payload as ReturnType<typeof TicketCommented.fromJson>).comment
      : undefined;
  return {
    change: {
      id: attributes.id,
      type: attributes.type.slice(TYPE_PREFIX.length),
      ticketId: ticket.id,
      number: ticket.number,
      version: ticket.version,
      occurredAt: attributes.time.toISOString(),
    },
    ownership: {
      requesterId: ticket.requesterId,
      organizationId: ticket.organizationId || null,
      assigneeId: ticket.assigneeId || null,
      assignmentGroupId: ticket.assignmentGroupId || null,
    },
    internal: comment?.visibility === CommentVisibility.COMMENT_VISIBILITY_INTERNAL,
  };
}

/** Whether the caller may be told about the change: the same rule as reading the ticket. */
export function mayReceive(principal: Principal, scoped: ScopedTicketChange): boolean {
  const access = ticketAccessOf(principal);
  if (scoped.internal && !access.seesInternalNotes) return false;
  return canSeeTicket(access.visibility, scoped.ownership);
}
