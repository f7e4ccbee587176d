import {
  Channel as ChannelMessage,
  Impact as ImpactMessage,
  Priority as PriorityMessage,
  type Ticket as TicketMessage,
  TicketStatus as TicketStatusMessage,
  TicketType as TicketTypeMessage,
  toTimestamp,
  Urgency as UrgencyMessage,
} from '@itsm/contracts';
import type { Impact, Priority, Urgency } from '../domain/priority-matrix';
import type { Channel, Ticket, TicketStatus, TicketType } from '../domain/ticket';

export const ticketTypeMessages: Record<TicketType, TicketTypeMessage> = {
  incident: TicketTypeMessage.TICKET_TYPE_INCIDENT,
  service_request: TicketTypeMessage.TICKET_TYPE_SERVICE_REQUEST,
};

export const ticketStatusMessages: Record<TicketStatus, TicketStatusMessage> = {
  new: TicketStatusMessage.TICKET_STATUS_NEW,
  assigned: TicketStatusMessage.TICKET_STATUS_ASSIGNED,
  in_progress: TicketStatusMessage.TICKET_STATUS_IN_PROGRESS,
  pending: TicketStatusMessage.TICKET_STATUS_PENDING,
  resolved: TicketStatusMessage.TICKET_STATUS_RESOLVED,
  closed: TicketStatusMessage.TICKET_STATUS_CLOSED,
  cancelled: TicketStatusMessage.TICKET_STATUS_CANCELLED,
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
  };
}
