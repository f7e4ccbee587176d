import {
  ChangeApprovalApproved,
  ChangeApprovalRejected,
  ChangeApprovalRequested,
  type CommentVisibility,
  type EventType,
  fromTimestamp,
  SlaClockBreached,
  SlaClockMet,
  SlaClockWarning,
  type Ticket,
  TicketAssigned,
  TicketAttachmentAdded,
  TicketClosed,
  TicketCommented,
  TicketCreated,
  TicketEscalated,
  TicketLinked,
  TicketMerged,
  TicketReopened,
  TicketResolved,
  TicketRouted,
  TicketStateChanged,
  TicketUnlinked,
  TicketUpdated,
} from '@itsm/contracts';
import type { CloudEventAttributes } from '@itsm/messaging';
import type { NotifiableEvent, TicketFacts } from '../application/notifiable-event';

/** `TICKET_STATUS_IN_PROGRESS` → `in_progress`, as the tickets domain spells it. */
function spelling(prefix: string, value: string): string {
  const name = value.startsWith(prefix) ? value.slice(prefix.length).toLowerCase() : '';
  return name === 'unspecified' ? '' : name;
}

export function ticketFactsOf(ticket: Ticket): TicketFacts {
  return {
    id: ticket.id,
    number: ticket.number,
    type: spelling('TICKET_TYPE_', ticket.type),
    title: ticket.title,
    description: ticket.description,
    status: spelling('TICKET_STATUS_', ticket.status),
    priority: spelling('PRIORITY_', ticket.priority),
    requesterId: ticket.requesterId || null,
    assigneeId: ticket.assigneeId || null,
    groupId: ticket.assignmentGroupId || null,
    watcherIds: ticket.watcherIds,
    version: ticket.version,
  };
}

function visibilityOf(visibility: CommentVisibility): 'public' | 'internal' {
  return visibility === 'COMMENT_VISIBILITY_INTERNAL' ? 'internal' : 'public';
}

type Facts = Partial<
  Omit<NotifiableEvent, 'id' | 'type' | 'source' | 'subject' | 'occurredAt' | 'data'>
>;

/** How each event type reads; types not listed reach webhooks only. */
type Reader<T> = { eventType: EventType<T>; read: (payload: T) => Facts };

function reader<T>(eventType: EventType<T>, read: (payload: T) => Facts): Reader<unknown> {
  return { eventType, read } as Reader<unknown>;
}

const stateChange = (payload: { ticket?: Ticket; actorId: string }): Facts => ({
  ticket: payload.ticket ? ticketFactsOf(payload.ticket) : null,
  actorId: payload.actorId || null,
});

const slaClock = (payload: {
  ticketId: string;
  target: string;
  dueAt?: { seconds: number; nanos: number };
  threshold: number;
}): Facts => ({
  ticketId: payload.ticketId,
  sla: {
    target: spelling('SLA_TARGET_', payload.target),
    dueAt: payload.dueAt ? fromTimestamp(payload.dueAt) : null,
    threshold: payload.threshold,
  },
});

export const NOTIFIABLE_READERS: Reader<unknown>[] = [
  // The requester's own new ticket is confirmed to them: a creation has no actor to spare.
  reader(TicketCreated, ({ ticket }) => ({ ticket: ticket ? ticketFactsOf(ticket) : null })),
  reader(TicketAssigned, stateChange),
  reader(TicketResolved, stateChange),
  reader(TicketClosed, stateChange),
  reader(TicketReopened, stateChange),
  reader(TicketStateChanged, stateChange),
  reader(TicketUpdated, stateChange),
  reader(TicketCommented, ({ ticket, comment }) => ({
    ticket: ticket ? ticketFactsOf(ticket) : null,
    actorId: comment?.authorId || null,
    comment: comment
      ? {
          visibility: visibilityOf(comment.visibility),
          body: comment.body,
          authorId: comment.authorId,
        }
      : null,
  })),
  reader(TicketAttachmentAdded, ({ ticket, attachment }) => ({
    ticket: ticket ? ticketFactsOf(ticket) : null,
    actorId: attachment?.uploadedBy || null,
  })),
  ...[ChangeApprovalRequested, ChangeApprovalApproved, ChangeApprovalRejected].map((eventType) =>
    reader(eventType, ({ ticket, approval, actorId }) => ({
      ticket: ticket ? ticketFactsOf(ticket) : null,
      actorId: actorId || null,
      approverIds: approval?.approverIds ?? [],
    })),
  ),
  ...[TicketLinked, TicketUnlinked].map((eventType) =>
    reader(eventType, ({ relation, actorId }) => ({
      ticketId: relation?.sourceId || null,
      actorId: actorId || null,
    })),
  ),
  reader(TicketMerged, ({ source, actorId }) => ({
    ticket: source ? ticketFactsOf(source) : null,
    actorId: actorId || null,
  })),
  reader(SlaClockWarning, slaClock),
  reader(SlaClockBreached, slaClock),
  reader(SlaClockMet, slaClock),
  reader(TicketRouted, ({ decision }) => ({
    ticketId: decision?.ticketId || null,
    groupId: decision?.groupId || null,
    routedToAgent: Boolean(decision?.assigneeId),
  })),
  reader(TicketEscalated, ({ escalation }) => ({
    ticketId: escalation?.ticketId || null,
    groupId: escalation?.toGroupId || null,
    routedToAgent: Boolean(escalation?.assigneeId),
  })),
];

/** The event as triggers, templates and webhooks read it. */
export function notifiableEventOf<T>(
  eventType: EventType<T>,
  attributes: CloudEventAttributes,
  payload: T,
  read: ((payload: T) => Facts) | undefined,
): NotifiableEvent {
  const facts = read ? read(payload) : {};
  return {
    id: attributes.id,
    type: attributes.type,
    source: attributes.source,
    subject: attributes.subject ?? null,
    occurredAt: attributes.time,
    ticket: facts.ticket ?? null,
    ticketId: facts.ticketId ?? facts.ticket?.id ?? null,
    actorId: facts.actorId ?? null,
    comment: facts.comment ?? null,
    sla: facts.sla ?? null,
    approverIds: facts.approverIds ?? [],
    groupId: facts.groupId ?? null,
    routedToAgent: facts.routedToAgent ?? false,
    data: eventType.toJson(payload),
  };
}
