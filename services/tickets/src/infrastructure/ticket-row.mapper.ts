import type { ChangeKind, ChangeRisk, ImplementationOutcome } from '../domain/change-lifecycle';
import type { Impact, Priority, Urgency } from '../domain/priority-matrix';
import type { Channel, Ticket, TicketStatus, TicketType } from '../domain/ticket';
import type { CommentVisibility, TicketComment } from '../domain/ticket-comment';
import type { PendingReason } from '../domain/ticket-lifecycle';
import type { IdempotencyRecord } from '../application/ports/ticket-store';
import type { TicketEntity } from './ticket.entity';
import type { TicketCommentEntity } from './ticket-comment.entity';

/** Rows only ever hold values the domain wrote (CHECK constraints guard the columns). */
export function toTicket(row: TicketEntity): Ticket {
  return {
    id: row.id,
    number: row.number,
    type: row.type as TicketType,
    title: row.title,
    description: row.description,
    status: row.status as TicketStatus,
    impact: row.impact as Impact,
    urgency: row.urgency as Urgency,
    priority: row.priority as Priority,
    channel: row.channel as Channel,
    requesterId: row.requesterId,
    organizationId: row.organizationId,
    assignmentGroupId: row.assignmentGroupId,
    assigneeId: row.assigneeId,
    pendingReason: row.pendingReason as PendingReason | null,
    resolutionCode: row.resolutionCode,
    resolutionNotes: row.resolutionNotes,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    firstRespondedAt: row.firstRespondedAt,
    priorityReason: row.priorityReason,
    version: row.version,
    rootCause: row.rootCause,
    workaround: row.workaround,
    knownErrorAt: row.knownErrorAt,
    changeKind: row.changeKind as ChangeKind | null,
    risk: row.risk as ChangeRisk | null,
    backoutPlan: row.backoutPlan,
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
    approvalId: row.approvalId,
    implementationStartedAt: row.implementationStartedAt,
    implementationOutcome: row.implementationOutcome as ImplementationOutcome | null,
    implementationNotes: row.implementationNotes,
    completedAt: row.completedAt,
    configurationItemIds: row.configurationItemIds,
    tags: row.tags,
    watcherIds: row.watcherIds,
    satisfactionRating: row.satisfactionRating,
    satisfactionComment: row.satisfactionComment,
    ratedAt: row.ratedAt,
    serviceId: row.serviceId,
    categoryId: row.categoryId,
    catalogItemId: row.catalogItemId,
    customFields: row.customFields,
    reportedAt: row.reportedAt ?? row.createdAt,
  };
}

export function toTicketRow(ticket: Ticket, idempotency: IdempotencyRecord | null): TicketEntity {
  return {
    ...ticket,
    reportedAt:
      ticket.reportedAt.getTime() === ticket.createdAt.getTime() ? null : ticket.reportedAt,
    idempotencyKey: idempotency?.key ?? null,
    idempotencyFingerprint: idempotency?.fingerprint ?? null,
  };
}

export function toComment(row: TicketCommentEntity): TicketComment {
  return {
    id: row.id,
    ticketId: row.ticketId,
    authorId: row.authorId,
    visibility: row.visibility as CommentVisibility,
    body: row.body,
    createdAt: row.createdAt,
  };
}
