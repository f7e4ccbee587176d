import type { TicketState } from './ticket-state';
import type { Clock } from '../ports/clock';
import type { RoutingLedger, TrackedTicket } from '../ports/routing-ledger';
import type { RoutingConfiguration } from '../routing-configuration/routing-configuration';
import type { TicketRouter } from './ticket-router';

/** Tickets taken from a queue per freed agent and event: enough to fill the freed capacity. */
const QUEUE_BATCH = 20;

/**
 * Follows every ticket through its events: a new ticket is routed; a changed one updates where it
 * is and whose it is; work that ends frees its agent, who then takes tickets waiting in the
 * queues of their groups; a resolved ticket becomes a lesson for the classifier.
 */
export class TrackTicketUseCase {
  constructor(
    private readonly router: TicketRouter,
    private readonly configuration: RoutingConfiguration,
    private readonly clock: Clock,
  ) {}

  async created(state: TicketState, ledger: RoutingLedger): Promise<void> {
    if (await ledger.ticket(state.facts.ticketId)) return;
    const ticket = trackedOf(state, null);
    if (!state.open || state.assigneeId) {
      await ledger.saveTicket(ticket, this.clock.now());
      return;
    }
    await this.router.routeNew(ticket, ledger);
  }

  async changed(state: TicketState, ledger: RoutingLedger): Promise<void> {
    const before = await ledger.ticket(state.facts.ticketId);
    const stillQueued =
      before?.queuedAt && state.open && !state.assigneeId && state.groupId === before.groupId;
    await ledger.saveTicket(
      trackedOf(state, stillQueued ? before.queuedAt : null),
      this.clock.now(),
    );
    if (state.resolved && state.resolvedAt) {
      await ledger.saveTrainingExample(
        {
          id: state.facts.ticketId,
          title: state.facts.title,
          description: state.facts.description,
          categoryId: state.facts.categoryId,
          groupId: state.groupId,
        },
        state.resolvedAt,
      );
    }
    const freedAgent =
      before?.open && before.assigneeId && (!state.open || state.assigneeId !== before.assigneeId)
        ? before.assigneeId
        : null;
    if (freedAgent) await this.assignFromQueues(freedAgent, ledger);
  }

  /** Hands tickets waiting in the agent's groups to whoever can take them now. */
  async assignFromQueues(userId: string, ledger: RoutingLedger): Promise<number> {
    const snapshot = await this.configuration.current();
    const groupIds = [...snapshot.agentsByGroup]
      .filter(([, agents]) => agents.some((agent) => agent.userId === userId))
      .map(([groupId]) => groupId);
    return this.drain(groupIds, ledger);
  }

  async drain(groupIds: readonly string[], ledger: RoutingLedger): Promise<number> {
    let assigned = 0;
    for (const ticket of await ledger.queuedTickets(groupIds, QUEUE_BATCH)) {
      if (!ticket.groupId) continue;
      const placement = await this.router.placeInGroup(ticket, ticket.groupId, 'queue', ledger);
      if (placement) assigned++;
    }
    return assigned;
  }
}

function trackedOf(state: TicketState, queuedAt: Date | null): TrackedTicket {
  return {
    ticketId: state.facts.ticketId,
    number: state.facts.number,
    facts: state.facts,
    groupId: state.groupId,
    assigneeId: state.assigneeId,
    open: state.open,
    queuedAt,
  };
}
