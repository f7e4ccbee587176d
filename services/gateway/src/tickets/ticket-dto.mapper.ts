import {
  type BulkUpdateTicketsRequest,
  type AddCommentRequest,
  ApprovalQuorum,
  type ApprovalVote,
  type CastApprovalVoteRequest,
  type ChangeApproval,
  ChangeKind,
  ChangeRisk,
  Channel,
  CommentVisibility,
  type CountTicketsRequest,
  type CreateTicketRequest,
  type StatusCount,
  type TicketComment,
  fromRestSpelling,
  type FieldChange,
  ImplementationOutcome,
  PendingReason,
  Priority,
  TicketAction,
  type TicketHistoryEntry,
  type TransitionTicketRequest,
  type UpdateTicketRequest,
  fromTimestamp,
  Impact,
  type LinkTicketsRequest,
  type ListTicketsRequest,
  type MergeTicketRequest,
  type RateTicketRequest,
  RelationKind,
  type TicketRelation,
  type TimeRange,
  type Timestamp,
  toTimestamp,
  type Ticket,
  TicketStatus,
  TicketType,
  toRestSpelling,
  Urgency,
  VoteDecision,
  type WatchTicketRequest,
} from '@itsm/contracts';
import type { ApprovalVoteDto, CastVoteDto, ChangeApprovalDto } from './dto/change-approval.dto';
import type { BulkUpdateTicketsDto } from './dto/bulk-update.dto';
import type { CommentDto, CreateCommentDto } from './dto/comment.dto';
import { ValidationException } from '../problem/validation.exception';
import { fromJsonText, toJsonText } from './json-object.mapper';
import type { CreateTicketDto } from './dto/create-ticket.dto';
import type { CountTicketsQueryDto } from './dto/ticket-counts.dto';
import type { ListTicketsQueryDto } from './dto/list-tickets.query.dto';
import type { MergeTicketDto } from './dto/merge-ticket.dto';
import type { RateTicketDto } from './dto/rate-ticket.dto';
import {
  APPROVAL_OUTCOMES,
  APPROVAL_QUORUMS,
  CHANGE_KINDS,
  CHANGE_RISKS,
  CHANNELS,
  COMMENT_VISIBILITIES,
  IMPACTS,
  IMPLEMENTATION_OUTCOMES,
  PENDING_REASONS,
  PRIORITIES,
  RELATION_KINDS,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketStatusName,
  URGENCIES,
  VOTE_DECISIONS,
} from './dto/ticket-enums';
import type { TicketDto, TicketSatisfactionDto } from './dto/ticket.dto';
import type { FieldChangeDto, TicketHistoryEntryDto } from './dto/ticket-history.dto';
import type { LinkTicketDto, TicketRelationDto } from './dto/ticket-relation.dto';
import type { TransitionTicketDto } from './dto/transition-ticket.dto';
import type { UpdateTicketDto } from './dto/update-ticket.dto';
import type { TicketWatcherPathDto, WatchTicketActorDto } from './dto/watch-ticket.dto';
import type { TicketRequester } from '../auth/actor';

/** A time the service leaves unset until it happens: null in REST. */
function toOptionalInstant(timestamp: Timestamp | undefined): string | null {
  return timestamp ? fromTimestamp(timestamp).toISOString() : null;
}

/** An instant of a request body; absent stays unset. */
function toOptionalTimestamp(instant: string | undefined): Timestamp | undefined {
  return instant ? toTimestamp(new Date(instant)) : undefined;
}

/** An enum the service leaves UNSPECIFIED until it applies: null in REST. */
function toOptionalRestSpelling<R extends string>(
  prefix: string,
  value: string,
  allowed: readonly R[],
): R | null {
  return value === `${prefix}UNSPECIFIED` ? null : toRestSpelling(prefix, value, allowed);
}

/** The service rates 1..5 and sends 0 until the requester has rated: null in REST. */
function toSatisfactionDto(ticket: Ticket): TicketSatisfactionDto | null {
  if (ticket.satisfactionRating === 0) return null;
  if (!ticket.ratedAt) throw new Error(`ticket ${ticket.id} is rated but lacks the time of it`);
  return {
    rating: ticket.satisfactionRating,
    comment: ticket.satisfactionComment,
    ratedAt: fromTimestamp(ticket.ratedAt).toISOString(),
  };
}

export function toTicketDto(ticket: Ticket): TicketDto {
  if (!ticket.createdAt || !ticket.updatedAt)
    throw new Error(`ticket ${ticket.id} lacks timestamps`);
  return {
    id: ticket.id,
    number: ticket.number,
    type: toRestSpelling('TICKET_TYPE_', ticket.type, TICKET_TYPES),
    title: ticket.title,
    description: ticket.description,
    status: toRestSpelling('TICKET_STATUS_', ticket.status, TICKET_STATUSES),
    impact: toRestSpelling('IMPACT_', ticket.impact, IMPACTS),
    urgency: toRestSpelling('URGENCY_', ticket.urgency, URGENCIES),
    priority: toRestSpelling('PRIORITY_', ticket.priority, PRIORITIES),
    channel: toRestSpelling('CHANNEL_', ticket.channel, CHANNELS),
    requesterId: ticket.requesterId,
    organizationId: ticket.organizationId || null,
    createdAt: fromTimestamp(ticket.createdAt).toISOString(),
    updatedAt: fromTimestamp(ticket.updatedAt).toISOString(),
    version: ticket.version,
    assignmentGroupId: ticket.assignmentGroupId || null,
    assigneeId: ticket.assigneeId || null,
    pendingReason: toOptionalRestSpelling('PENDING_REASON_', ticket.pendingReason, PENDING_REASONS),
    resolutionCode: ticket.resolutionCode || null,
    resolutionNotes: ticket.resolutionNotes,
    resolvedAt: toOptionalInstant(ticket.resolvedAt),
    closedAt: toOptionalInstant(ticket.closedAt),
    priorityReason: ticket.priorityReason || null,
    firstRespondedAt: toOptionalInstant(ticket.firstRespondedAt),
    // Free text stays '' when empty, as resolutionNotes; ids and enums are null until set.
    rootCause: ticket.rootCause,
    workaround: ticket.workaround,
    knownErrorAt: toOptionalInstant(ticket.knownErrorAt),
    changeKind:
      ticket.type === TicketType.TICKET_TYPE_CHANGE
        ? toOptionalRestSpelling('CHANGE_KIND_', ticket.changeKind, CHANGE_KINDS)
        : null,
    risk: toOptionalRestSpelling('CHANGE_RISK_', ticket.risk, CHANGE_RISKS),
    backoutPlan: ticket.backoutPlan,
    plannedStart: toOptionalInstant(ticket.plannedStart),
    plannedEnd: toOptionalInstant(ticket.plannedEnd),
    reportedAt:
      toOptionalInstant(ticket.reportedAt) ?? fromTimestamp(ticket.createdAt).toISOString(),
    approvalId: ticket.approvalId || null,
    implementationStartedAt: toOptionalInstant(ticket.implementationStartedAt),
    implementationOutcome: toOptionalRestSpelling(
      'IMPLEMENTATION_OUTCOME_',
      ticket.implementationOutcome,
      IMPLEMENTATION_OUTCOMES,
    ),
    implementationNotes: ticket.implementationNotes,
    completedAt: toOptionalInstant(ticket.completedAt),
    configurationItemIds: ticket.configurationItemIds,
    tags: ticket.tags,
    watcherIds: ticket.watcherIds,
    satisfaction: toSatisfactionDto(ticket),
    serviceId: ticket.serviceId || null,
    categoryId: ticket.categoryId || null,
    catalogItemId: ticket.catalogItemId || null,
    // "{}" without a form; empty text only from a service that predates the field.
    customFields:
      fromJsonText(ticket.customFieldsJson, `ticket ${ticket.id}'s customFieldsJson`) ?? {},
  };
}

export function toTransitionTicketRequest(
  id: string,
  dto: TransitionTicketDto,
  actorId: string,
  expectedVersion: number | undefined,
): TransitionTicketRequest {
  return {
    id,
    action: fromRestSpelling('TICKET_ACTION_', dto.action, TicketAction.TICKET_ACTION_UNSPECIFIED),
    expectedVersion: expectedVersion ?? 0,
    actorId,
    assigneeId: dto.assigneeId ?? '',
    assignmentGroupId: dto.assignmentGroupId ?? '',
    pendingReason: fromRestSpelling(
      'PENDING_REASON_',
      dto.pendingReason,
      PendingReason.PENDING_REASON_UNSPECIFIED,
    ),
    resolutionCode: dto.resolutionCode ?? '',
    resolutionNotes: dto.resolutionNotes ?? '',
    rootCause: dto.rootCause ?? '',
    workaround: dto.workaround ?? '',
    risk: fromRestSpelling('CHANGE_RISK_', dto.risk, ChangeRisk.CHANGE_RISK_UNSPECIFIED),
    impact: fromRestSpelling('IMPACT_', dto.impact, Impact.IMPACT_UNSPECIFIED),
    backoutPlan: dto.backoutPlan ?? '',
    plannedStart: toOptionalTimestamp(dto.plannedStart),
    plannedEnd: toOptionalTimestamp(dto.plannedEnd),
    approverIds: dto.approverIds ?? [],
    cabGroupId: dto.cabGroupId ?? '',
    quorum: fromRestSpelling(
      'APPROVAL_QUORUM_',
      dto.quorum,
      ApprovalQuorum.APPROVAL_QUORUM_UNSPECIFIED,
    ),
    implementationOutcome: fromRestSpelling(
      'IMPLEMENTATION_OUTCOME_',
      dto.implementationOutcome,
      ImplementationOutcome.IMPLEMENTATION_OUTCOME_UNSPECIFIED,
    ),
    implementationNotes: dto.implementationNotes ?? '',
    resolveLinkedIncidents: dto.resolveLinkedIncidents ?? false,
  };
}

function toFieldChangeDto(change: FieldChange): FieldChangeDto {
  return { field: change.field, from: change.oldValue || null, to: change.newValue || null };
}

export function toHistoryEntryDto(entry: TicketHistoryEntry): TicketHistoryEntryDto {
  if (!entry.occurredAt) throw new Error(`history entry ${entry.id} lacks its time`);
  return {
    occurredAt: fromTimestamp(entry.occurredAt).toISOString(),
    actorId: entry.actorId,
    action: entry.action,
    changes: entry.changes.map(toFieldChangeDto),
  };
}

/** A new ticket; who it is for and its organisation were decided from the caller (`requesterFor`). */
export function toCreateTicketRequest(
  dto: CreateTicketDto,
  requester: TicketRequester,
  idempotencyKey: string | undefined,
): CreateTicketRequest {
  return {
    idempotencyKey: idempotencyKey ?? '',
    type: fromRestSpelling('TICKET_TYPE_', dto.type, TicketType.TICKET_TYPE_UNSPECIFIED),
    title: dto.title,
    description: dto.description ?? '',
    impact: fromRestSpelling('IMPACT_', dto.impact, Impact.IMPACT_UNSPECIFIED),
    urgency: fromRestSpelling('URGENCY_', dto.urgency, Urgency.URGENCY_UNSPECIFIED),
    channel: fromRestSpelling('CHANNEL_', dto.channel, Channel.CHANNEL_UNSPECIFIED),
    requesterId: requester.requesterId,
    organizationId: requester.organizationId,
    changeKind: fromRestSpelling(
      'CHANGE_KIND_',
      dto.changeKind,
      ChangeKind.CHANGE_KIND_UNSPECIFIED,
    ),
    configurationItemIds: dto.configurationItemIds ?? [],
    plannedStart: toOptionalTimestamp(dto.plannedStart),
    plannedEnd: toOptionalTimestamp(dto.plannedEnd),
    tags: dto.tags ?? [],
    serviceId: dto.serviceId ?? '',
    categoryId: dto.categoryId ?? '',
    customFieldsJson: toJsonText(dto.customFields),
    reportedAt: toOptionalTimestamp(dto.reportedAt),
  };
}

export function toListTicketsRequest(query: ListTicketsQueryDto): ListTicketsRequest {
  return {
    pageSize: query.limit ?? 0,
    pageToken: query.cursor ?? '',
    type: fromRestSpelling('TICKET_TYPE_', query.type, TicketType.TICKET_TYPE_UNSPECIFIED),
    status: fromRestSpelling(
      'TICKET_STATUS_',
      query.status,
      TicketStatus.TICKET_STATUS_UNSPECIFIED,
    ),
    priority: fromRestSpelling('PRIORITY_', query.priority, Priority.PRIORITY_UNSPECIFIED),
    requesterId: query.requesterId ?? '',
    organizationId: query.organizationId ?? '',
    assignmentGroupId: query.assignmentGroupId ?? '',
    assigneeId: query.assigneeId ?? '',
    text: query.q ?? '',
    created: toTimeRange(query.createdFrom, query.createdTo),
    updated: toTimeRange(query.updatedFrom, query.updatedTo),
    // The service spells fields in snake case: -createdAt → -created_at.
    sort: (query.sort ?? '').replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
    tags: query.tag ?? [],
    serviceId: query.serviceId ?? '',
    categoryId: query.categoryId ?? '',
    ids: query.id ?? [],
  };
}

function toTimeRange(from: string | undefined, to: string | undefined): TimeRange | undefined {
  if (!from && !to) return undefined;
  return { from: toOptionalTimestamp(from), to: toOptionalTimestamp(to) };
}

export function toAddCommentRequest(
  ticketId: string,
  dto: CreateCommentDto,
  authorId: string,
  idempotencyKey: string | undefined,
): AddCommentRequest {
  return {
    ticketId,
    authorId,
    visibility: fromRestSpelling(
      'COMMENT_VISIBILITY_',
      dto.visibility,
      CommentVisibility.COMMENT_VISIBILITY_UNSPECIFIED,
    ),
    body: dto.body,
    idempotencyKey: idempotencyKey ?? '',
  };
}

export function toCommentDto(comment: TicketComment): CommentDto {
  if (!comment.createdAt) throw new Error(`comment ${comment.id} lacks its time`);
  return {
    id: comment.id,
    ticketId: comment.ticketId,
    authorId: comment.authorId,
    visibility: toRestSpelling('COMMENT_VISIBILITY_', comment.visibility, COMMENT_VISIBILITIES),
    body: comment.body,
    createdAt: fromTimestamp(comment.createdAt).toISOString(),
  };
}

/**
 * The conversation as a caller may read it: internal notes only for those who read them. The
 * tickets service leaves them out already; this keeps a slip there from reaching requesters, and
 * drops anything not marked public for them.
 */
export function toVisibleCommentDtos(
  comments: readonly TicketComment[],
  seesInternalNotes: boolean,
): CommentDto[] {
  return comments
    .filter(
      (comment) =>
        seesInternalNotes || comment.visibility === CommentVisibility.COMMENT_VISIBILITY_PUBLIC,
    )
    .map(toCommentDto);
}

export function commentVisibilityOf(name: string | undefined): CommentVisibility {
  return fromRestSpelling(
    'COMMENT_VISIBILITY_',
    name,
    CommentVisibility.COMMENT_VISIBILITY_UNSPECIFIED,
  );
}

export function toCountTicketsRequest(query: CountTicketsQueryDto): CountTicketsRequest {
  const {
    status: _status,
    pageSize: _pageSize,
    pageToken: _pageToken,
    sort: _sort,
    ...filters
  } = toListTicketsRequest(query);
  return filters;
}

export function toStatusCounts(counts: StatusCount[]): Record<TicketStatusName, number> {
  const byStatus = Object.fromEntries(TICKET_STATUSES.map((status) => [status, 0])) as Record<
    TicketStatusName,
    number
  >;
  for (const { status, count } of counts) {
    byStatus[toRestSpelling('TICKET_STATUS_', status, TICKET_STATUSES)] = count;
  }
  return byStatus;
}

const EDITABLE_FIELDS = [
  'title',
  'description',
  'impact',
  'urgency',
  'priority',
  'tags',
  'configurationItemIds',
] as const;

/** REST field → the update path the tickets service names it by. */
const UPDATE_PATHS: Record<(typeof EDITABLE_FIELDS)[number], string> = {
  title: 'title',
  description: 'description',
  impact: 'impact',
  urgency: 'urgency',
  priority: 'priority',
  tags: 'tags',
  configurationItemIds: 'configuration_item_ids',
};

/** The fields present in a PATCH body become the update paths; `priority: null` clears a manual priority. */
export function toUpdateTicketRequest(
  id: string,
  dto: UpdateTicketDto,
  actorId: string,
  expectedVersion: number | undefined,
): UpdateTicketRequest {
  return {
    id,
    expectedVersion: expectedVersion ?? 0,
    actorId,
    // Absent fields are undefined; `priority: null` is present (it clears a manual priority).
    updatePaths: EDITABLE_FIELDS.filter((field) => dto[field] !== undefined).map(
      (field) => UPDATE_PATHS[field],
    ),
    patch: {
      title: dto.title ?? '',
      description: dto.description ?? '',
      impact: fromRestSpelling('IMPACT_', dto.impact, Impact.IMPACT_UNSPECIFIED),
      urgency: fromRestSpelling('URGENCY_', dto.urgency, Urgency.URGENCY_UNSPECIFIED),
      priority: fromRestSpelling(
        'PRIORITY_',
        dto.priority ?? undefined,
        Priority.PRIORITY_UNSPECIFIED,
      ),
      priorityReason: dto.priorityReason ?? '',
      tags: dto.tags ?? [],
      configurationItemIds: dto.configurationItemIds ?? [],
    },
  };
}

function toApprovalVoteDto(vote: ApprovalVote): ApprovalVoteDto {
  if (!vote.at) throw new Error(`a vote by ${vote.approverId} lacks its time`);
  return {
    approverId: vote.approverId,
    viaGroupId: vote.viaGroupId || null,
    decision: toRestSpelling('VOTE_DECISION_', vote.decision, VOTE_DECISIONS),
    comment: vote.comment,
    at: fromTimestamp(vote.at).toISOString(),
  };
}

export function toChangeApprovalDto(approval: ChangeApproval): ChangeApprovalDto {
  if (!approval.openedAt) throw new Error(`approval ${approval.id} lacks its opening time`);
  return {
    id: approval.id,
    changeId: approval.changeId,
    approverIds: approval.approverIds,
    cabGroupId: approval.cabGroupId || null,
    quorum: toRestSpelling('APPROVAL_QUORUM_', approval.quorum, APPROVAL_QUORUMS),
    outcome: toRestSpelling('APPROVAL_OUTCOME_', approval.outcome, APPROVAL_OUTCOMES),
    votes: approval.votes.map(toApprovalVoteDto),
    openedAt: fromTimestamp(approval.openedAt).toISOString(),
    decidedAt: toOptionalInstant(approval.decidedAt),
  };
}

export function toCastApprovalVoteRequest(
  ticketId: string,
  dto: CastVoteDto,
  approverId: string,
): CastApprovalVoteRequest {
  return {
    ticketId,
    approverId,
    decision: fromRestSpelling(
      'VOTE_DECISION_',
      dto.decision,
      VoteDecision.VOTE_DECISION_UNSPECIFIED,
    ),
    comment: dto.comment ?? '',
    cabGroupId: dto.cabGroupId ?? '',
  };
}

export function toLinkTicketsRequest(
  sourceId: string,
  dto: LinkTicketDto,
  actorId: string,
): LinkTicketsRequest {
  return {
    sourceId,
    kind: fromRestSpelling('RELATION_KIND_', dto.kind, RelationKind.RELATION_KIND_UNSPECIFIED),
    targetId: dto.targetId,
    actorId,
  };
}

export function toTicketRelationDto(relation: TicketRelation): TicketRelationDto {
  if (!relation.createdAt) throw new Error(`relation ${relation.id} lacks its time`);
  return {
    id: relation.id,
    sourceId: relation.sourceId,
    sourceNumber: relation.sourceNumber,
    kind: toRestSpelling('RELATION_KIND_', relation.kind, RELATION_KINDS),
    targetId: relation.targetId,
    targetNumber: relation.targetNumber,
    actorId: relation.actorId,
    createdAt: fromTimestamp(relation.createdAt).toISOString(),
  };
}

export function toMergeTicketRequest(
  sourceId: string,
  dto: MergeTicketDto,
  actorId: string,
  expectedVersion: number | undefined,
): MergeTicketRequest {
  return {
    sourceId,
    targetId: dto.targetId,
    actorId,
    expectedVersion: expectedVersion ?? 0,
  };
}

/** The actor a bulk change names, in its nested action or edit; absent for the caller. */
export function claimedBulkActor(dto: BulkUpdateTicketsDto): string | undefined {
  return dto.transition?.actorId ?? dto.update?.actorId;
}

/**
 * One action or one edit for many tickets, by one actor; exactly one of the two is given (else
 * a 400 naming `transition`).
 */
export function toBulkUpdateTicketsRequest(
  dto: BulkUpdateTicketsDto,
  actorId: string,
): BulkUpdateTicketsRequest {
  if ((dto.transition === undefined) === (dto.update === undefined)) {
    throw new ValidationException([
      { field: 'transition', message: 'give either transition or update, exactly one of them' },
    ]);
  }
  return {
    ids: dto.ids,
    actorId,
    transition: dto.transition
      ? toTransitionTicketRequest('', dto.transition, actorId, undefined)
      : undefined,
    update: dto.update ? toUpdateTicketRequest('', dto.update, actorId, undefined) : undefined,
  };
}

/**
 * The actor a watcher change names, in the query or in the body as the client finds easier;
 * when both name one they agree. Absent when neither does: the caller acts.
 */
export function claimedWatchActor(
  query: WatchTicketActorDto,
  body: WatchTicketActorDto | undefined,
): string | undefined {
  const actorId = query.actorId ?? body?.actorId;
  if (body?.actorId !== undefined && body.actorId !== actorId) {
    throw new ValidationException([
      { field: 'actorId', message: 'the query and the body name different actors' },
    ]);
  }
  return actorId;
}

/** Adds (`watch`) or removes the watcher of the path. */
export function toWatchTicketRequest(
  path: TicketWatcherPathDto,
  actorId: string,
  watch: boolean,
): WatchTicketRequest {
  return { ticketId: path.id, watcherId: path.watcherId, actorId, watch };
}

export function toRateTicketRequest(
  ticketId: string,
  dto: RateTicketDto,
  requesterId: string,
): RateTicketRequest {
  return {
    ticketId,
    requesterId,
    rating: dto.rating,
    comment: dto.comment ?? '',
  };
}
