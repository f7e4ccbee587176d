import {
  type Attachment as AttachmentMessage,
  RelationKind as RelationKindMessage,
  type TicketRelation as TicketRelationMessage,
  ApprovalOutcome as ApprovalOutcomeMessage,
  ApprovalQuorum as ApprovalQuorumMessage,
  type ChangeApproval as ChangeApprovalMessage,
  ChangeKind as ChangeKindMessage,
  ChangeRisk as ChangeRiskMessage,
  ImplementationOutcome as ImplementationOutcomeMessage,
  VoteDecision as VoteDecisionMessage,
  Channel as ChannelMessage,
  CommentVisibility as CommentVisibilityMessage,
  type FieldChange as FieldChangeMessage,
  type TicketComment as TicketCommentMessage,
  PendingReason as PendingReasonMessage,
  TicketAction as TicketActionMessage,
  Impact as ImpactMessage,
  Priority as PriorityMessage,
  type Ticket as TicketMessage,
  TicketStatus as TicketStatusMessage,
  TicketType as TicketTypeMessage,
  toTimestamp,
  Urgency as UrgencyMessage,
} from '@itsm/contracts';
import type {
  ApprovalOutcome,
  ApprovalQuorum,
  ChangeApproval,
  VoteDecision,
} from '../domain/change-approval';
import type { ChangeKind, ChangeRisk, ImplementationOutcome } from '../domain/change-lifecycle';
import type { Impact, Priority, Urgency } from '../domain/priority-matrix';
import type { RelationKind, TicketRelation } from '../domain/ticket-relation';
import type { Attachment } from '../domain/ticket-attachment';
import type { Channel, Ticket, TicketStatus, TicketType } from '../domain/ticket';
import type { CommentVisibility, TicketComment } from '../domain/ticket-comment';
import type { FieldChanges, PendingReason, TicketAction } from '../domain/ticket-lifecycle';

export const ticketTypeMessages: Record<TicketType, TicketTypeMessage> = {
  incident: TicketTypeMessage.TICKET_TYPE_INCIDENT,
  service_request: TicketTypeMessage.TICKET_TYPE_SERVICE_REQUEST,
  problem: TicketTypeMessage.TICKET_TYPE_PROBLEM,
  change: TicketTypeMessage.TICKET_TYPE_CHANGE,
};

export const ticketStatusMessages: Record<TicketStatus, TicketStatusMessage> = {
  new: TicketStatusMessage.TICKET_STATUS_NEW,
  assigned: TicketStatusMessage.TICKET_STATUS_ASSIGNED,
  in_progress: TicketStatusMessage.TICKET_STATUS_IN_PROGRESS,
  pending: TicketStatusMessage.TICKET_STATUS_PENDING,
  resolved: TicketStatusMessage.TICKET_STATUS_RESOLVED,
  closed: TicketStatusMessage.TICKET_STATUS_CLOSED,
  cancelled: TicketStatusMessage.TICKET_STATUS_CANCELLED,
  investigating: TicketStatusMessage.TICKET_STATUS_INVESTIGATING,
  known_error: TicketStatusMessage.TICKET_STATUS_KNOWN_ERROR,
  draft: TicketStatusMessage.TICKET_STATUS_DRAFT,
  assessment: TicketStatusMessage.TICKET_STATUS_ASSESSMENT,
  approval: TicketStatusMessage.TICKET_STATUS_APPROVAL,
  scheduled: TicketStatusMessage.TICKET_STATUS_SCHEDULED,
  implementing: TicketStatusMessage.TICKET_STATUS_IMPLEMENTING,
  review: TicketStatusMessage.TICKET_STATUS_REVIEW,
  rejected: TicketStatusMessage.TICKET_STATUS_REJECTED,
};

export const impactMessages: Record<Impact, ImpactMessage> = {
  high: ImpactMessage.IMPACT_HIGH,
  medium: ImpactMessage.IMPACT_MEDIUM,
  low: ImpactMessage.IMPACT_LOW,
};

export const urgencyMessages: Record<Urgency, UrgencyMessage> = {
  high: UrgencyMessage.URGENCY_HIGH,
  medium: UrgencyMessage.URGENCY_MEDIUM,
  low: UrgencyMessage.URGENCY_LOW,
};

export const priorityMessages: Record<Priority, PriorityMessage> = {
  critical: PriorityMessage.PRIORITY_CRITICAL,
  high: PriorityMessage.PRIORITY_HIGH,
  medium: PriorityMessage.PRIORITY_MEDIUM,
  low: PriorityMessage.PRIORITY_LOW,
  planning: PriorityMessage.PRIORITY_PLANNING,
};

export const channelMessages: Record<Channel, ChannelMessage> = {
  portal: ChannelMessage.CHANNEL_PORTAL,
  email: ChannelMessage.CHANNEL_EMAIL,
  phone: ChannelMessage.CHANNEL_PHONE,
  chat: ChannelMessage.CHANNEL_CHAT,
  api: ChannelMessage.CHANNEL_API,
  web_form: ChannelMessage.CHANNEL_WEB_FORM,
};

export const pendingReasonMessages: Record<PendingReason, PendingReasonMessage> = {
  awaiting_customer: PendingReasonMessage.PENDING_REASON_AWAITING_CUSTOMER,
  awaiting_vendor: PendingReasonMessage.PENDING_REASON_AWAITING_VENDOR,
  awaiting_change: PendingReasonMessage.PENDING_REASON_AWAITING_CHANGE,
};

export const actionMessages: Record<TicketAction, TicketActionMessage> = {
  assign: TicketActionMessage.TICKET_ACTION_ASSIGN,
  start: TicketActionMessage.TICKET_ACTION_START,
  pend: TicketActionMessage.TICKET_ACTION_PEND,
  resume: TicketActionMessage.TICKET_ACTION_RESUME,
  resolve: TicketActionMessage.TICKET_ACTION_RESOLVE,
  close: TicketActionMessage.TICKET_ACTION_CLOSE,
  reopen: TicketActionMessage.TICKET_ACTION_REOPEN,
  cancel: TicketActionMessage.TICKET_ACTION_CANCEL,
  investigate: TicketActionMessage.TICKET_ACTION_INVESTIGATE,
  record_known_error: TicketActionMessage.TICKET_ACTION_RECORD_KNOWN_ERROR,
  submit: TicketActionMessage.TICKET_ACTION_SUBMIT,
  request_approval: TicketActionMessage.TICKET_ACTION_REQUEST_APPROVAL,
  schedule: TicketActionMessage.TICKET_ACTION_SCHEDULE,
  reject: TicketActionMessage.TICKET_ACTION_REJECT,
  revise: TicketActionMessage.TICKET_ACTION_REVISE,
  start_implementation: TicketActionMessage.TICKET_ACTION_START_IMPLEMENTATION,
  complete: TicketActionMessage.TICKET_ACTION_COMPLETE,
};

export const changeKindMessages: Record<ChangeKind, ChangeKindMessage> = {
  standard: ChangeKindMessage.CHANGE_KIND_STANDARD,
  normal: ChangeKindMessage.CHANGE_KIND_NORMAL,
  emergency: ChangeKindMessage.CHANGE_KIND_EMERGENCY,
};

export const changeRiskMessages: Record<ChangeRisk, ChangeRiskMessage> = {
  low: ChangeRiskMessage.CHANGE_RISK_LOW,
  medium: ChangeRiskMessage.CHANGE_RISK_MEDIUM,
  high: ChangeRiskMessage.CHANGE_RISK_HIGH,
};

export const implementationOutcomeMessages: Record<
  ImplementationOutcome,
  ImplementationOutcomeMessage
> = {
  successful: ImplementationOutcomeMessage.IMPLEMENTATION_OUTCOME_SUCCESSFUL,
  partially_successful: ImplementationOutcomeMessage.IMPLEMENTATION_OUTCOME_PARTIALLY_SUCCESSFUL,
  failed: ImplementationOutcomeMessage.IMPLEMENTATION_OUTCOME_FAILED,
  backed_out: ImplementationOutcomeMessage.IMPLEMENTATION_OUTCOME_BACKED_OUT,
};

export const approvalQuorumMessages: Record<ApprovalQuorum, ApprovalQuorumMessage> = {
  any: ApprovalQuorumMessage.APPROVAL_QUORUM_ANY,
  all: ApprovalQuorumMessage.APPROVAL_QUORUM_ALL,
};

export const approvalOutcomeMessages: Record<ApprovalOutcome, ApprovalOutcomeMessage> = {
  pending: ApprovalOutcomeMessage.APPROVAL_OUTCOME_PENDING,
  approved: ApprovalOutcomeMessage.APPROVAL_OUTCOME_APPROVED,
  rejected: ApprovalOutcomeMessage.APPROVAL_OUTCOME_REJECTED,
};

export const voteDecisionMessages: Record<VoteDecision, VoteDecisionMessage> = {
  approve: VoteDecisionMessage.VOTE_DECISION_APPROVE,
  reject: VoteDecisionMessage.VOTE_DECISION_REJECT,
};

export const relationKindMessages: Record<RelationKind, RelationKindMessage> = {
  child_of: RelationKindMessage.RELATION_KIND_CHILD_OF,
  duplicate_of: RelationKindMessage.RELATION_KIND_DUPLICATE_OF,
  caused_by: RelationKindMessage.RELATION_KIND_CAUSED_BY,
  relates_to: RelationKindMessage.RELATION_KIND_RELATES_TO,
};

export function toRelationMessage(relation: TicketRelation): TicketRelationMessage {
  return {
    id: relation.id,
    sourceId: relation.sourceId,
    sourceNumber: relation.sourceNumber,
    kind: relationKindMessages[relation.kind],
    targetId: relation.targetId,
    targetNumber: relation.targetNumber,
    actorId: relation.actorId,
    createdAt: toTimestamp(relation.createdAt),
  };
}

export function toAttachmentMessage(attachment: Attachment): AttachmentMessage {
  return {
    id: attachment.id,
    ticketId: attachment.ticketId,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    sizeBytes: attachment.sizeBytes,
    sha256: attachment.sha256,
    uploadedBy: attachment.uploadedBy,
    uploadedAt: toTimestamp(attachment.uploadedAt),
  };
}

export function toApprovalMessage(approval: ChangeApproval): ChangeApprovalMessage {
  return {
    id: approval.id,
    changeId: approval.changeId,
    approverIds: [...approval.approverIds],
    cabGroupId: approval.cabGroupId ?? '',
    quorum: approvalQuorumMessages[approval.quorum],
    votes: approval.votes.map((vote) => ({
      approverId: vote.approverId,
      viaGroupId: vote.viaGroupId ?? '',
      decision: voteDecisionMessages[vote.decision],
      comment: vote.comment,
      at: toTimestamp(vote.at),
    })),
    outcome: approvalOutcomeMessages[approval.outcome],
    openedAt: toTimestamp(approval.openedAt),
    decidedAt: approval.decidedAt ? toTimestamp(approval.decidedAt) : undefined,
  };
}

export const commentVisibilityMessages: Record<CommentVisibility, CommentVisibilityMessage> = {
  public: CommentVisibilityMessage.COMMENT_VISIBILITY_PUBLIC,
  internal: CommentVisibilityMessage.COMMENT_VISIBILITY_INTERNAL,
};

export function toCommentMessage(comment: TicketComment): TicketCommentMessage {
  return {
    id: comment.id,
    ticketId: comment.ticketId,
    authorId: comment.authorId,
    visibility: commentVisibilityMessages[comment.visibility],
    body: comment.body,
    createdAt: toTimestamp(comment.createdAt),
  };
}

/** Field changes as text: RFC 3339 for times, empty for none. */
export function toFieldChangeMessages(changes: FieldChanges): FieldChangeMessage[] {
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
  return Object.entries(changes).map(([field, { from, to }]) => ({
    field,
    oldValue: text(from),
    newValue: text(to),
  }));
}

/** The inverse of a domain → message table; UNSPECIFIED and unknown values map to undefined. */
export function fromMessage<D extends string, M extends string>(
  table: Record<D, M>,
  value: M,
): D | undefined {
  const entry = Object.entries(table).find(([, message]) => message === value);
  return entry?.[0] as D | undefined;
}

/** The contract shape of a ticket, for gRPC responses and event payloads. */
export function toTicketMessage(ticket: Ticket): TicketMessage {
  return {
    id: ticket.id,
    number: ticket.number,
    type: ticketTypeMessages[ticket.type],
    title: ticket.title,
    description: ticket.description,
    status: ticketStatusMessages[ticket.status],
    impact: impactMessages[ticket.impact],
    urgency: urgencyMessages[ticket.urgency],
    priority: priorityMessages[ticket.priority],
    channel: channelMessages[ticket.channel],
    requesterId: ticket.requesterId,
    organizationId: ticket.organizationId ?? '',
    createdAt: toTimestamp(ticket.createdAt),
    updatedAt: toTimestamp(ticket.updatedAt),
    version: ticket.version,
    assignmentGroupId: ticket.assignmentGroupId ?? '',
    assigneeId: ticket.assigneeId ?? '',
    pendingReason: ticket.pendingReason
      ? pendingReasonMessages[ticket.pendingReason]
      : PendingReasonMessage.PENDING_REASON_UNSPECIFIED,
    resolutionCode: ticket.resolutionCode ?? '',
    resolutionNotes: ticket.resolutionNotes,
    resolvedAt: ticket.resolvedAt ? toTimestamp(ticket.resolvedAt) : undefined,
    closedAt: ticket.closedAt ? toTimestamp(ticket.closedAt) : undefined,
    firstRespondedAt: ticket.firstRespondedAt ? toTimestamp(ticket.firstRespondedAt) : undefined,
    priorityReason: ticket.priorityReason ?? '',
    rootCause: ticket.rootCause,
    workaround: ticket.workaround,
    knownErrorAt: optionalTimestamp(ticket.knownErrorAt),
    changeKind: ticket.changeKind
      ? changeKindMessages[ticket.changeKind]
      : ChangeKindMessage.CHANGE_KIND_UNSPECIFIED,
    risk: ticket.risk ? changeRiskMessages[ticket.risk] : ChangeRiskMessage.CHANGE_RISK_UNSPECIFIED,
    backoutPlan: ticket.backoutPlan,
    plannedStart: optionalTimestamp(ticket.plannedStart),
    plannedEnd: optionalTimestamp(ticket.plannedEnd),
    approvalId: ticket.approvalId ?? '',
    implementationStartedAt: optionalTimestamp(ticket.implementationStartedAt),
    implementationOutcome: ticket.implementationOutcome
      ? implementationOutcomeMessages[ticket.implementationOutcome]
      : ImplementationOutcomeMessage.IMPLEMENTATION_OUTCOME_UNSPECIFIED,
    implementationNotes: ticket.implementationNotes,
    completedAt: optionalTimestamp(ticket.completedAt),
    configurationItemIds: [...ticket.configurationItemIds],
    tags: [...ticket.tags],
    watcherIds: [...ticket.watcherIds],
    satisfactionRating: ticket.satisfactionRating ?? 0,
    satisfactionComment: ticket.satisfactionComment,
    ratedAt: optionalTimestamp(ticket.ratedAt),
    serviceId: ticket.serviceId ?? '',
    categoryId: ticket.categoryId ?? '',
    catalogItemId: ticket.catalogItemId ?? '',
    customFieldsJson: JSON.stringify(ticket.customFields),
    reportedAt: toTimestamp(ticket.reportedAt),
  };
}

function optionalTimestamp(date: Date | null) {
  return date ? toTimestamp(date) : undefined;
}
