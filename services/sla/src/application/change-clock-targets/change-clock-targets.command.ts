import type { TicketSnapshot } from '../ticket-snapshot';

/** A fact policies match on changed (the priority): the ticket's policy may be another now. */
export interface ChangeClockTargetsCommand {
  ticket: TicketSnapshot;
}
