import { can, type Principal } from './principal';

/**
 * Which tickets a caller may see. Every ticket query is built from one of these, so no read
 * is unscoped:
 * - `all`: supervisors, managers, administrators and integrations with `tickets:read`;
 * - `groups`: agents and specialists see their groups' tickets, the tickets assigned to them,
 *   the ones they filed, and the triage queue (tickets no group holds yet);
 * - `requester`: their own tickets, or their organisation's when allowed.
 */
export type TicketVisibility =
  | { kind: 'all' }
  | { kind: 'groups'; userId: string; groupIds: readonly string[] }
  | {
      kind: 'requester';
      userId: string;
      organizationId: string | null;
      organizationWide: boolean;
    };

export interface TicketAccess {
  visibility: TicketVisibility;
  /** Internal notes (and their events) reach only callers who may read them. */
  seesInternalNotes: boolean;
}

export function ticketAccessOf(principal: Principal): TicketAccess {
  return {
    visibility: visibilityOf(principal),
    seesInternalNotes: can(principal, 'tickets.read_internal'),
  };
}

function visibilityOf(principal: Principal): TicketVisibility {
  if (can(principal, 'tickets.read_all')) return { kind: 'all' };
  if (can(principal, 'tickets.work'))
    return { kind: 'groups', userId: principal.id, groupIds: principal.groupIds };
  return {
    kind: 'requester',
    userId: principal.id,
    organizationId: principal.organizationId,
    organizationWide: principal.organizationWide && principal.organizationId !== null,
  };
}

/** The fields of a ticket that decide who sees it. */
export interface TicketOwnership {
  requesterId: string;
  organizationId: string | null;
  assigneeId: string | null;
  assignmentGroupId: string | null;
}

export function canSeeTicket(visibility: TicketVisibility, ticket: TicketOwnership): boolean {
  switch (visibility.kind) {
    case 'all':
      return true;
    case 'groups':
      return (
        ticket.requesterId === visibility.userId ||
        ticket.assigneeId === visibility.userId ||
        ticket.assignmentGroupId === null ||
        visibility.groupIds.includes(ticket.assignmentGroupId)
      );
    case 'requester':
      return (
        ticket.requesterId === visibility.userId ||
        (visibility.organizationWide && ticket.organizationId === visibility.organizationId)
      );
  }
}
