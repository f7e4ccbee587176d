import type { Availability } from '../../domain/routing-model';
import type { RoutingTransactions } from '../ports/routing-ledger';
import type { StoredAgent } from '../ports/organisation-store';
import type { TrackTicketUseCase } from '../route-tickets/track-ticket.use-case';
import type { ManageOrganisationUseCase } from './manage-organisation.use-case';

/** An agent goes online, away or off; one coming online takes what waits in their groups' queues. */
export class ChangeAvailabilityUseCase {
  constructor(
    private readonly organisation: ManageOrganisationUseCase,
    private readonly tracking: TrackTicketUseCase,
    private readonly transactions: RoutingTransactions,
  ) {}

  async execute(
    agentId: string,
    availability: Availability,
  ): Promise<{ agent: StoredAgent; assignedFromQueue: number }> {
    const agent = await this.organisation.setAvailability(agentId, availability);
    const assignedFromQueue =
      availability === 'online'
        ? await this.transactions.run((ledger) => this.tracking.drain(agent.groupIds, ledger))
        : 0;
    return { agent, assignedFromQueue };
  }
}
