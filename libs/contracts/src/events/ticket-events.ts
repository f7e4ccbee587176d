import {
  TicketAttachmentAddedEvent,
  TicketLinkedEvent,
  TicketMergedEvent,
  ChangeApprovalEvent,
  TicketCommentedEvent,
  TicketCreatedEvent,
  TicketStateChangedEvent,
  TicketUpdatedEvent,
} from '../generated/itsm/tickets/v1/events';
import {
  ApprovalOutcome,
  CommentVisibility,
  RelationKind,
  type Ticket,
  TicketAction,
  TicketStatus,
  TicketType,
} from '../generated/itsm/tickets/v1/ticket';
import { defineEventType } from './event-type';
import { Topics } from './topics';

/** What every consumer may rely on in the ticket of a tickets event. */
function ticketProblems(ticket: Ticket | undefined): string[] {
  if (!ticket) return ['ticket is missing'];
  const problems: string[] = [];
  if (!ticket.id) problems.push('ticket.id is empty');
  if (!ticket.number) problems.push('ticket.number is empty');
  if (ticket.type === TicketType.TICKET_TYPE_UNSPECIFIED)
    problems.push('ticket.type is unspecified');
  if (ticket.status === TicketStatus.TICKET_STATUS_UNSPECIFIED) {
    problems.push('ticket.status is unspecified');
  }
  if (!ticket.createdAt) problems.push('ticket.createdAt is missing');
  return problems;
}

export const TicketCreated = defineEventType<TicketCreatedEvent>({
  topic: Topics.tickets,
  type: 'itsm.tickets.v1.ticket.created',
  codec: TicketCreatedEvent,
  validate: ({ ticket }) => ticketProblems(ticket),
});

function stateChange(type: string) {
  return defineEventType<TicketStateChangedEvent>({
    topic: Topics.tickets,
    type: `itsm.tickets.v1.ticket.${type}`,
    codec: TicketStateChangedEvent,
    validate: ({ ticket, fromStatus, action }) => [
      ...ticketProblems(ticket),
      ...(fromStatus === TicketStatus.TICKET_STATUS_UNSPECIFIED
        ? ['fromStatus is unspecified']
        : []),
      ...(action === TicketAction.TICKET_ACTION_UNSPECIFIED ? ['action is unspecified'] : []),
    ],
  });
}

export const TicketAssigned = stateChange('assigned');
export const TicketResolved = stateChange('resolved');
export const TicketClosed = stateChange('closed');
export const TicketReopened = stateChange('reopened');
/** Every other lifecycle action: start, pend, resume, cancel. */
export const TicketStateChanged = stateChange('state_changed');

export const TicketCommented = defineEventType<TicketCommentedEvent>({
  topic: Topics.tickets,
  type: 'itsm.tickets.v1.ticket.commented',
  codec: TicketCommentedEvent,
  validate: ({ ticket, comment }) => [
    ...ticketProblems(ticket),
    ...(!comment ? ['comment is missing'] : []),
    ...(comment && !comment.id ? ['comment.id is empty'] : []),
    ...(comment?.visibility === CommentVisibility.COMMENT_VISIBILITY_UNSPECIFIED
      ? ['comment.visibility is unspecified']
      : []),
  ],
});

export const TicketUpdated = defineEventType<TicketUpdatedEvent>({
  topic: Topics.tickets,
  type: 'itsm.tickets.v1.ticket.updated',
  codec: TicketUpdatedEvent,
  validate: ({ ticket, changes }) => [
    ...ticketProblems(ticket),
    ...(changes.length === 0 ? ['changes is empty'] : []),
  ],
});

function approvalEvent(type: string, outcome: ApprovalOutcome) {
  return defineEventType<ChangeApprovalEvent>({
    topic: Topics.tickets,
    type: `itsm.tickets.v1.change.${type}`,
    codec: ChangeApprovalEvent,
    validate: ({ ticket, approval }) => [
      ...ticketProblems(ticket),
      ...(ticket && ticket.type !== TicketType.TICKET_TYPE_CHANGE
        ? ['ticket is not a change']
        : []),
      ...(!approval ? ['approval is missing'] : []),
      ...(approval && !approval.id ? ['approval.id is empty'] : []),
      ...(approval && approval.outcome !== outcome ? [`approval.outcome is not ${outcome}`] : []),
    ],
  });
}

/** A change's approval round opened: its approvers have a decision to make. */
export const ChangeApprovalRequested = approvalEvent(
  'approval_requested',
  ApprovalOutcome.APPROVAL_OUTCOME_PENDING,
);
export const ChangeApprovalApproved = approvalEvent(
  'approved',
  ApprovalOutcome.APPROVAL_OUTCOME_APPROVED,
);
export const ChangeApprovalRejected = approvalEvent(
  'rejected',
  ApprovalOutcome.APPROVAL_OUTCOME_REJECTED,
);

function relationEvent(type: string) {
  return defineEventType<TicketLinkedEvent>({
    topic: Topics.tickets,
    type: `itsm.tickets.v1.ticket.${type}`,
    codec: TicketLinkedEvent,
    validate: ({ relation }) => [
      ...(!relation ? ['relation is missing'] : []),
      ...(relation && (!relation.sourceId || !relation.targetId)
        ? ['relation.sourceId and relation.targetId are required']
        : []),
      ...(relation?.kind === RelationKind.RELATION_KIND_UNSPECIFIED
        ? ['relation.kind is unspecified']
        : []),
    ],
  });
}

/** Two tickets were related (child of, duplicate of, caused by, relates to). */
export const TicketLinked = relationEvent('linked');
export const TicketUnlinked = relationEvent('unlinked');

export const TicketMerged = defineEventType<TicketMergedEvent>({
  topic: Topics.tickets,
  type: 'itsm.tickets.v1.ticket.merged',
  codec: TicketMergedEvent,
  validate: ({ source, target }) => [
    ...ticketProblems(source).map((problem) => `source: ${problem}`),
    ...ticketProblems(target).map((problem) => `target: ${problem}`),
  ],
});

export const TicketAttachmentAdded = defineEventType<TicketAttachmentAddedEvent>({
  topic: Topics.tickets,
  type: 'itsm.tickets.v1.ticket.attachment_added',
  codec: TicketAttachmentAddedEvent,
  validate: ({ ticket, attachment }) => [
    ...ticketProblems(ticket),
    ...(!attachment ? ['attachment is missing'] : []),
    ...(attachment && !attachment.id ? ['attachment.id is empty'] : []),
  ],
});
