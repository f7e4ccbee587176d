import type { TicketFacts } from '../domain/sla-policy';

/**
 * The facts of a ticket the SLA service acts on, as the tickets service reported them in an
 * event, spelled as the tickets domain spells them (`incident`, `pending`, `awaiting_customer`).
 */
export interface TicketSnapshot {
  id: string;
  number: string;
  type: string;
  status: string;
  priority: string;
  /** Why a pending ticket waits; null otherwise. */
  pendingReason: string | null;
  organizationId: string | null;
  channel: string | null;
  createdAt: Date;
  /** When the change the event reports was made. */
  updatedAt: Date;
  firstRespondedAt: Date | null;
}

/** Incidents and service requests have SLA clocks; problems and changes do not. */
export const TICKET_TYPES_WITH_CLOCKS: readonly string[] = ['incident', 'service_request'];

/** Statuses in which a ticket no longer runs clocks: stopped when resolved, cancelled otherwise. */
export const FINISHED_STATUSES: readonly string[] = ['resolved', 'closed', 'cancelled'];

export function hasClocks(ticket: Pick<TicketSnapshot, 'type'>): boolean {
  return TICKET_TYPES_WITH_CLOCKS.includes(ticket.type);
}

/** What policies match on. The tickets service reports no service or category yet. */
export function factsOf(ticket: TicketSnapshot): TicketFacts {
  return {
    type: ticket.type,
    priority: ticket.priority,
    serviceId: null,
    organizationId: ticket.organizationId,
    category: null,
    channel: ticket.channel,
  };
}
