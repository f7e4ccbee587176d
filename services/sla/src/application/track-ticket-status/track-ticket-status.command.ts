import type { TicketSnapshot } from '../ticket-snapshot';

/** A ticket's status changed (assigned, pended, resumed, resolved, closed, reopened, cancelled). */
export interface TrackTicketStatusCommand {
  ticket: TicketSnapshot;
}
