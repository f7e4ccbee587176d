import {
  type AddCommentRequest,
  Channel,
  CommentVisibility,
  type CountTicketsRequest,
  type CreateTicketRequest,
  type StatusCount,
  type TicketComment,
  fromRestSpelling,
  type FieldChange,
  PendingReason,
  Priority,
  TicketAction,
  type TicketHistoryEntry,
  type TransitionTicketRequest,
  type UpdateTicketRequest,
  fromTimestamp,
  Impact,
  type ListTicketsRequest,
  type TimeRange,
  toTimestamp,
  type Ticket,
  TicketStatus,
  TicketType,
  toRestSpelling,
  Urgency,
} from '@itsm/contracts';
import type { CommentDto, CreateCommentDto } from './dto/comment.dto';
import type { CreateTicketDto } from './dto/create-ticket.dto';
import type { CountTicketsQueryDto } from './dto/ticket-counts.dto';
import type { ListTicketsQueryDto } from './dto/list-tickets.query.dto';
import {
  CHANNELS,
  COMMENT_VISIBILITIES,
  IMPACTS,
  PENDING_REASONS,
  PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  type TicketStatusName,
  URGENCIES,
} from './dto/ticket-enums';
import type { TicketDto } from './dto/ticket.dto';
import type { FieldChangeDto, TicketHistoryEntryDto } from './dto/ticket-history.dto';
import type { TransitionTicketDto } from './dto/transition-ticket.dto';
import type { UpdateTicketDto } from './dto/update-ticket.dto';

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
    pendingReason:
      ticket.pendingReason === PendingReason.PENDING_REASON_UNSPECIFIED
        ? null
        : toRestSpelling('PENDING_REASON_', ticket.pendingReason, PENDING_REASONS),
    resolutionCode: ticket.resolutionCode || null,
    resolutionNotes: ticket.resolutionNotes,
    resolvedAt: ticket.resolvedAt ? fromTimestamp(ticket.resolvedAt).toISOString() : null,
    closedAt: ticket.closedAt ? fromTimestamp(ticket.closedAt).toISOString() : null,
    priorityReason: ticket.priorityReason || null,
    firstRespondedAt: ticket.firstRespondedAt
      ? fromTimestamp(ticket.firstRespondedAt).toISOString()
      : null,
  };
}

export function toTransitionTicketRequest(
  id: string,
  dto: TransitionTicketDto,
  expectedVersion: number | undefined,
): TransitionTicketRequest {
  return {
    id,
    action: fromRestSpelling('TICKET_ACTION_', dto.action, TicketAction.TICKET_ACTION_UNSPECIFIED),
    expectedVersion: expectedVersion ?? 0,
    actorId: dto.actorId,
    assigneeId: dto.assigneeId ?? '',
    assignmentGroupId: dto.assignmentGroupId ?? '',
    pendingReason: fromRestSpelling(
      'PENDING_REASON_',
      dto.pendingReason,
      PendingReason.PENDING_REASON_UNSPECIFIED,
    ),
    resolutionCode: dto.resolutionCode ?? '',
    resolutionNotes: dto.resolutionNotes ?? '',
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

export function toCreateTicketRequest(
  dto: CreateTicketDto,
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
    requesterId: dto.requesterId,
    organizationId: dto.organizationId ?? '',
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
  };
}

function toTimeRange(from: string | undefined, to: string | undefined): TimeRange | undefined {
  if (!from && !to) return undefined;
  return {
    from: from ? toTimestamp(new Date(from)) : undefined,
    to: to ? toTimestamp(new Date(to)) : undefined,
  };
}

export function toAddCommentRequest(
  ticketId: string,
  dto: CreateCommentDto,
  idempotencyKey: string | undefined,
): AddCommentRequest {
  return {
    ticketId,
    authorId: dto.authorId,
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

const EDITABLE_FIELDS = ['title', 'description', 'impact', 'urgency', 'priority'] as const;

/** The fields present in a PATCH body become the update paths; `priority: null` clears a manual priority. */
export function toUpdateTicketRequest(
  id: string,
  dto: UpdateTicketDto,
  expectedVersion: number | undefined,
): UpdateTicketRequest {
  return {
    id,
    expectedVersion: expectedVersion ?? 0,
    actorId: dto.actorId,
    // Absent fields are undefined; `priority: null` is present (it clears a manual priority).
    updatePaths: EDITABLE_FIELDS.filter((field) => dto[field] !== undefined),
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
    },
  };
}
