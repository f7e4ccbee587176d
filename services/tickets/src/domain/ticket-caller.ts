import {
  can,
  type Permission,
  type Principal,
  type TicketAccess,
  ticketAccessOf,
} from '@itsm/auth';
import { mayRequesterTransition, requesterActions } from './requester-actions';
import type { Ticket, TicketRequest, TicketType } from './ticket';
import type { CommentVisibility } from './ticket-comment';
import { TicketError, TicketErrorCode } from './ticket-error';
import type { TicketAction } from './ticket-lifecycle';

/**
 * Who is asking: the principal the gateway authenticated (or a component of the platform
 * itself), with the tickets and notes it may see. Every use case takes one, so the service
 * scopes and checks each call itself rather than trusting the gateway alone.
 */
export interface TicketCaller {
  principal: Principal;
  access: TicketAccess;
}

export function ticketCallerOf(principal: Principal): TicketCaller {
  return { principal, access: ticketAccessOf(principal) };
}

/** Refuses, naming the permission, what the caller's roles and scopes do not allow. */
export function requirePermission(
  caller: TicketCaller,
  permission: Permission,
  doing: string,
): void {
  if (!can(caller.principal, permission)) {
    throw new TicketError(
      TicketErrorCode.NotPermitted,
      `your role does not allow you to ${doing} (${permission} is needed)`,
      [],
      { requiredPermission: permission },
    );
  }
}

/** Staff work tickets (edit, assign, link, any lifecycle action); requesters file and follow them. */
export function worksTickets(caller: TicketCaller): boolean {
  return can(caller.principal, 'tickets.work');
}

/**
 * Whom the history names for a change: the caller. Integrations act for the people they stand
 * for (a mail gateway files a reply as its sender), so the actor their request names stands;
 * so does the one the platform's own components name.
 */
export function actorIdOf(caller: TicketCaller, requestedActorId: string): string {
  return can(caller.principal, 'tickets.act_on_behalf') && requestedActorId.trim() !== ''
    ? requestedActorId
    : caller.principal.id;
}

/** Problems and changes record the service desk's own work; requesters report incidents and requests. */
const STAFF_TICKET_TYPES: readonly TicketType[] = ['problem', 'change'];

/**
 * A new ticket as this caller may file it. Requesters file for themselves, in their own
 * organisation (none when they have none, so nobody files into an organisation not theirs);
 * whoever may file on behalf of others (the service desk, integrations) names the requester.
 * Backdating a report starts its SLA clocks earlier, so only staff log a call after the fact.
 */
export function ticketRequestBy<R extends TicketRequest>(caller: TicketCaller, request: R): R {
  requirePermission(caller, 'tickets.create', 'open tickets');
  if (request.type && STAFF_TICKET_TYPES.includes(request.type)) {
    requirePermission(caller, 'tickets.work', `open ${request.type}s`);
  }
  if (request.reportedAt && !worksTickets(caller)) {
    throw new TicketError(
      TicketErrorCode.NotPermitted,
      'only the service desk logs a ticket reported earlier',
      [{ field: 'reportedAt', message: 'reportedAt is set by the service desk' }],
    );
  }
  if (can(caller.principal, 'tickets.create_on_behalf')) return request;
  return {
    ...request,
    requesterId: caller.principal.id,
    organizationId: caller.principal.organizationId ?? undefined,
  };
}

/** Replies need `tickets.comment`; internal notes are staff's and need `tickets.note`. */
export function checkCommentBy(caller: TicketCaller, visibility: CommentVisibility): void {
  if (visibility === 'internal') requirePermission(caller, 'tickets.note', 'write internal notes');
  else requirePermission(caller, 'tickets.comment', 'comment on tickets');
}

/** Requesters start and stop following tickets themselves; staff also add and remove others. */
export function checkWatcherBy(caller: TicketCaller, watcherId: string): void {
  if (worksTickets(caller) || watcherId.trim() === caller.principal.id) return;
  throw new TicketError(
    TicketErrorCode.NotPermitted,
    'a requester adds and removes only themselves as a watcher',
    [{ field: 'watcherId', message: `watcherId must be ${caller.principal.id}` }],
  );
}

/**
 * Refuses a lifecycle action the caller may not take: staff take any the lifecycle allows;
 * anyone else only what the requester of the ticket may (see `REQUESTER_ACTIONS`), on their own
 * ticket, with `tickets.transition_own`.
 */
export function checkTransitionBy(
  caller: TicketCaller,
  ticket: Ticket,
  action: TicketAction,
): void {
  if (worksTickets(caller)) return;
  requirePermission(caller, 'tickets.transition_own', 'change the state of tickets');
  if (mayRequesterTransition(ticket, action, caller.principal.id)) return;
  const own = ticket.requesterId === caller.principal.id;
  const allowed = own ? requesterActions(ticket) : [];
  throw new TicketError(
    TicketErrorCode.NotPermitted,
    own
      ? `a requester may not ${action} a ticket that is ${ticket.status}; allowed: ${allowed.join(', ') || 'none'}`
      : `only the requester of ${ticket.number} or the service desk may ${action} it`,
    [],
    { currentStatus: ticket.status, allowedActions: allowed },
  );
}
