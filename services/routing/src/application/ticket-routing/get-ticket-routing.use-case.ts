import type {
  RoutingTransactions,
  StoredDecision,
  StoredEscalation,
} from '../ports/routing-ledger';
import { isUuid, notFound } from '../versioned-write';

export interface TicketRouting {
  ticketId: string;
  decisions: StoredDecision[];
  escalations: StoredEscalation[];
  currentGroupId: string | null;
  queued: boolean;
}

/** "Why is this ticket here": every decision and escalation, oldest first. */
export class GetTicketRoutingUseCase {
  constructor(private readonly transactions: RoutingTransactions) {}

  async execute(ticketId: string): Promise<TicketRouting> {
    if (!isUuid(ticketId)) throw notFound('ticket', ticketId);
    const ledger = this.transactions.reader();
    const [ticket, decisions, escalations] = await Promise.all([
      ledger.ticket(ticketId),
      ledger.decisions(ticketId),
      ledger.escalations(ticketId),
    ]);
    if (!ticket && decisions.length === 0) throw notFound('ticket', ticketId);
    return {
      ticketId,
      decisions,
      escalations,
      currentGroupId: ticket?.groupId ?? null,
      queued: Boolean(ticket?.queuedAt),
    };
  }
}
