import {
  Channel,
  type CreateTicketRequest,
  type FieldChange,
  PendingReason,
  TicketAction,
  type TicketHistoryEntry,
  type TransitionTicketRequest,
  fromTimestamp,
  Impact,
  type ListTicketsRequest,
  type Ticket,
  TicketStatus,
  TicketType,
  Urgency,
} from '@itsm/contracts';
import type { CreateTicketDto } from './dto/create-ticket.dto';
import type { ListTicketsQueryDto } from './dto/list-tickets.query.dto';
import {
  CHANNELS,
  IMPACTS,
  PENDING_REASONS,
  PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  URGENCIES,
} from './dto/ticket-enums';
import type { TicketDto } from './dto/ticket.dto';
import type { FieldChangeDto, TicketHistoryEntryDto } from './dto/ticket-history.dto';
import type { TransitionTicketDto } from './dto/transition-ticket.dto';

/** `TICKET_TYPE_SERVICE_REQUEST` → `service_request`, checked against the REST spellings. */
export function restEnum<R extends string>(
  prefix: string,
  value: string,
  allowed: readonly R[],
): R {
  const name = value.startsWith(prefix) ? value.slice(prefix.length).toLowerCase() : '';
  if (!(allowed as readonly string[]).includes(name)) {
    throw new Error(`unexpected ${prefix}* value ${value} from a service`);
  }
  return name as R;
}

/** `service_request` → `TICKET_TYPE_SERVICE_REQUEST`; absent → the UNSPECIFIED value. */
export function protoEnum<P extends string>(
  prefix: string,
  name: string | undefined,
  unspecified: P,
): P {
  return (name ? `${prefix}${name.toUpperCase()}` : unspecified) as P;
}

export function toTicketDto(ticket: Ticket): TicketDto {
  if (!ticket.createdAt || !ticket.updatedAt)
    throw new Error(`ticket ${ticket.id} lacks timestamps`);
  return {
    id: ticket.id,
    number: ticket.number,
    type: restEnum('TICKET_TYPE_', ticket.type, TICKET_TYPES),
    title: ticket.title,
    description: ticket.description,
    status: restEnum('TICKET_STATUS_', ticket.status, TICKET_STATUSES),
    impact: restEnum('IMPACT_', ticket.impact, IMPACTS),
    urgency: restEnum('URGENCY_', ticket.urgency, URGENCIES),
    priority: restEnum('PRIORITY_', ticket.priority, PRIORITIES),
    channel: restEnum('CHANNEL_', ticket.channel, CHANNELS),
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
        : restEnum('PENDING_REASON_', ticket.pendingReason, PENDING_REASONS),
    resolutionCode: ticket.resolutionCode || null,
    resolutionNotes: ticket.resolutionNotes,
    resolvedAt: ticket.resolvedAt ? fromTimestamp(ticket.resolvedAt).toISOString() : null,
    closedAt: ticket.closedAt ? fromTimestamp(ticket.closedAt).toISOString() : null,
  };
}

export function toTransitionTicketRequest(
  id: string,
  dto: TransitionTicketDto,
  expectedVersion: number | undefined,
): TransitionTicketRequest {
  return {
    id,
    action: protoEnum('TICKET_ACTION_', dto.action, TicketAction.TICKET_ACTION_UNSPECIFIED),
    expectedVersion: expectedVersion ?? 0,
    actorId: dto.actorId,
    assigneeId: dto.assigneeId ?? '',
    assignmentGroupId: dto.assignmentGroupId ?? '',
    pendingReason: protoEnum(
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
    type: protoEnum('TICKET_TYPE_', dto.type, TicketType.TICKET_TYPE_UNSPECIFIED),
    title: dto.title,
    description: dto.description ?? '',
    impact: protoEnum('IMPACT_', dto.impact, Impact.IMPACT_UNSPECIFIED),
    urgency: protoEnum('URGENCY_', dto.urgency, Urgency.URGENCY_UNSPECIFIED),
    channel: protoEnum('CHANNEL_', dto.channel, Channel.CHANNEL_UNSPECIFIED),
    requesterId: dto.requesterId,
    organizationId: dto.organizationId ?? '',
  };
}

export function toListTicketsRequest(query: ListTicketsQueryDto): ListTicketsRequest {
  return {
    pageSize: query.limit ?? 0,
    pageToken: query.cursor ?? '',
    type: protoEnum('TICKET_TYPE_', query.type, TicketType.TICKET_TYPE_UNSPECIFIED),
    status: protoEnum('TICKET_STATUS_', query.status, TicketStatus.TICKET_STATUS_UNSPECIFIED),
    requesterId: query.requesterId ?? '',
  };
}
