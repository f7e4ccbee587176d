import type { TicketFacts } from '../domain/sla-policy';
import type { TicketClock } from './ports/clock-store';

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
  /** The business service (catalog) the ticket is about; null when none. */
  serviceId: string | null;
  categoryId: string | null;
  /** The support group holding the ticket; null while unassigned. */
  assignmentGroupId: string | null;
  createdAt: Date;
  /**
   * When the requester reported it: the creation, or earlier for a ticket logged after the fact
   * (a phone call written up later). Clocks start here.
   */
  reportedAt: Date;
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

/** What policies match on. */
export function factsOf(ticket: TicketSnapshot): TicketFacts {
  return {
    type: ticket.type,
    priority: ticket.priority,
    serviceId: ticket.serviceId,
    organizationId: ticket.organizationId,
    categoryId: ticket.categoryId,
    channel: ticket.channel,
  };
}

/** What compliance reports group a clock by: the ticket's service and the group holding it. */
export type ClockReferences = Pick<TicketClock, 'serviceId' | 'groupId'>;

export function referencesOf(ticket: TicketSnapshot): ClockReferences {
  return { serviceId: ticket.serviceId, groupId: ticket.assignmentGroupId };
}

/**
 * The clock with the ticket's current service and group while it counts, so a stopped clock
 * stays with the group that held the ticket when it was met or breached; null when unchanged.
 */
export function withReferences(clock: TicketClock, ticket: TicketSnapshot): TicketClock | null {
  if (clock.state !== 'running' && clock.state !== 'paused') return null;
  const { serviceId, groupId } = referencesOf(ticket);
  if (clock.serviceId === serviceId && clock.groupId === groupId) return null;
  return { ...clock, serviceId, groupId };
}
