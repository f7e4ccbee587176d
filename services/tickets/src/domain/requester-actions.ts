import type { IncidentStatus, Ticket } from './ticket';
import { INCIDENT_ACTIONS, type IncidentAction, type TicketAction } from './ticket-lifecycle';

/**
 * What a requester may do to a ticket of their own without working it: withdraw it before the
 * service desk took it on, and once it is resolved, confirm the resolution (close) or say the
 * fault is still there (reopen, within the lifecycle's reopen window). Everything else moves a
 * ticket through the service desk's work, and problems and changes are the service desk's own
 * records: a requester moves none of them.
 */
export const REQUESTER_ACTIONS: Readonly<
  Partial<Record<IncidentAction, readonly IncidentStatus[]>>
> = {
  cancel: ['new'],
  close: ['resolved'],
  reopen: ['resolved'],
};

/** The actions the requester of a ticket may take in its current state. */
export function requesterActions(ticket: Pick<Ticket, 'type' | 'status'>): IncidentAction[] {
  if (ticket.type !== 'incident' && ticket.type !== 'service_request') return [];
  return INCIDENT_ACTIONS.filter(
    (action) => REQUESTER_ACTIONS[action]?.includes(ticket.status as IncidentStatus) ?? false,
  );
}

/** Whether `userId`, not working tickets, may take `action` on this ticket. */
export function mayRequesterTransition(
  ticket: Pick<Ticket, 'type' | 'status' | 'requesterId'>,
  action: TicketAction,
  userId: string,
): boolean {
  return (
    ticket.requesterId === userId &&
    (requesterActions(ticket) as readonly TicketAction[]).includes(action)
  );
}
