import type { Ticket } from './ticket';
import { TicketError, TicketErrorCode } from './ticket-error';
import { type Transition, transitionTicket, type TransitionPolicy } from './ticket-lifecycle';

const MERGEABLE_TYPES: readonly Ticket['type'][] = ['incident', 'service_request'];
const FINISHED: readonly Ticket['status'][] = ['closed', 'cancelled'];

function refuse(message: string): never {
  throw new TicketError(TicketErrorCode.InvalidTransition, message);
}

/**
 * Merging a duplicate into the ticket that stays: both incidents or both requests, the
 * duplicate still open, the one that stays not finished. The duplicate is cancelled with the
 * resolution code `duplicate` and a note naming the ticket it went into.
 */
export function mergeDuplicate(
  source: Ticket,
  target: Ticket,
  actorId: string,
  policy: TransitionPolicy,
): Transition {
  if (source.id === target.id) refuse('a ticket cannot be merged into itself');
  if (!MERGEABLE_TYPES.includes(source.type) || source.type !== target.type) {
    refuse(
      `only incidents or service requests of one type merge, not a ${source.type} into a ${target.type}`,
    );
  }
  if (FINISHED.includes(target.status)) {
    refuse(`${target.number} is ${target.status}; merge into a ticket that is still open`);
  }
  const cancelled = transitionTicket(source, { action: 'cancel', actorId }, policy);
  const ticket: Ticket = {
    ...cancelled.ticket,
    resolutionCode: 'duplicate',
    resolutionNotes: `Merged into ${target.number}.`,
  };
  return {
    ticket,
    from: cancelled.from,
    changes: {
      ...cancelled.changes,
      resolutionCode: { from: source.resolutionCode, to: 'duplicate' },
      resolutionNotes: { from: source.resolutionNotes, to: ticket.resolutionNotes },
    },
  };
}
