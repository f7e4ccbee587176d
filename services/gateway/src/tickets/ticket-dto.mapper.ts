import {
  Channel,
  type CreateTicketRequest,
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
  PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  URGENCIES,
} from './dto/ticket-enums';
import type { TicketDto } from './dto/ticket.dto';

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
