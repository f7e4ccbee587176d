import type { RoutingTrigger } from '../../domain/ticket-routing';

/** A routing decision as the tickets service applies it. */
export interface ApplyRoutingDecisionCommand {
  decisionId: string;
  ticketId: string;
  trigger: RoutingTrigger;
  groupId: string;
  /** Undefined: the group only, the ticket waits in its queue (or, escalated, for the next line). */
  assigneeId: string | undefined;
  /** Set by a routing rule; undefined leaves the priority as it is. Checked here, not trusted. */
  priority: string | undefined;
  /** The classifier's category, applied to a ticket that has none. */
  categoryId: string | undefined;
  addTags: string[];
}
