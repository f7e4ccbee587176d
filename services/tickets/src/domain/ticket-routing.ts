import { PRIORITIES, type Priority } from './priority-matrix';
import type { Ticket, TicketStatus } from './ticket';
import { systemPrincipal } from '@itsm/auth';
import { ticketCallerOf } from './ticket-caller';
import { allowedActions } from './ticket-lifecycle';

/**
 * Routing decisions arrive as events, not calls, so no principal comes with them: they are
 * applied as the platform's routing component, which sees every ticket.
 */
export const ROUTING_CALLER = ticketCallerOf(systemPrincipal('routing'));

/** Whom the history names for what the routing service decided (`system:routing`). */
export const ROUTING_ACTOR = ROUTING_CALLER.principal.id;

/** The reason a routed priority carries, as an agent's override carries theirs. */
export const ROUTING_PRIORITY_REASON = 'Set by routing rule';

/** Why a decision was made: a new ticket, a ticket leaving its group's queue, an escalation. */
export const ROUTING_TRIGGERS = ['created', 'queue', 'escalation'] as const;
export type RoutingTrigger = (typeof ROUTING_TRIGGERS)[number];

/** Why a routing decision leaves a ticket as it is. */
export type RoutingRefusal = 'finished' | 'already_assigned' | 'not_assignable';

/** Work on these is over (a rejected change comes back only by revision): routing leaves them be. */
const FINISHED: readonly TicketStatus[] = ['resolved', 'closed', 'cancelled', 'rejected'];

/**
 * Whether a decision may place the ticket. Decisions arrive after the fact, so the ticket may
 * have moved on: once someone gave it to a person, that choice stands (manual wins), unless the
 * decision is an escalation, whose point is to take the ticket away from the line that has it.
 */
export function routingRefusal(
  ticket: Pick<Ticket, 'type' | 'status' | 'changeKind' | 'assigneeId'>,
  trigger: RoutingTrigger,
): RoutingRefusal | null {
  if (FINISHED.includes(ticket.status)) return 'finished';
  if (trigger !== 'escalation' && ticket.assigneeId !== null) return 'already_assigned';
  if (!allowedActions(ticket).includes('assign')) return 'not_assignable';
  return null;
}

/**
 * Whether assigning the ticket to the group and agent would change it. A ticket already with
 * them is left alone (assigning again would only send an incident at work back to `assigned`),
 * except a new incident or request that came with its queue: assigning it marks it triaged.
 */
export function needsAssignment(
  ticket: Pick<Ticket, 'type' | 'status' | 'assignmentGroupId' | 'assigneeId'>,
  groupId: string,
  assigneeId: string | null,
): boolean {
  const placed = ticket.assignmentGroupId === groupId && ticket.assigneeId === assigneeId;
  const untriaged =
    ticket.status === 'new' && (ticket.type === 'incident' || ticket.type === 'service_request');
  return !placed || untriaged;
}

export function isPriority(value: string): value is Priority {
  return (PRIORITIES as readonly string[]).includes(value);
}

/**
 * An agent's own priority override (it has a reason that is not routing's) stands against a
 * routing rule, as their assignment does.
 */
export function hasPriorityFromAgent(ticket: Pick<Ticket, 'priorityReason'>): boolean {
  return ticket.priorityReason !== null && ticket.priorityReason !== ROUTING_PRIORITY_REASON;
}
