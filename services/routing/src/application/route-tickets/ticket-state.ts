import type { TicketFacts } from '../../domain/routing-model';

/** The state of a ticket routing cares for, besides its facts. */
export interface TicketState {
  facts: TicketFacts;
  groupId: string | null;
  assigneeId: string | null;
  open: boolean;
  resolved: boolean;
  resolvedAt: Date | null;
}
