import type { TicketSnapshot } from '../ticket-snapshot';

/** A fact policies match on changed (priority, service, category): the policy may be another now. */
export interface ChangeClockTargetsCommand {
  ticket: TicketSnapshot;
}
