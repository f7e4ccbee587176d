import type { TicketSnapshot } from '../ticket-snapshot';

/** A ticket was opened: its clocks start from its creation. */
export interface StartClocksCommand {
  ticket: TicketSnapshot;
}
