import type { ApprovalRequest } from '../../domain/change-approval';
import type { TicketCaller } from '../../domain/ticket-caller';
import type { TransitionInput } from '../../domain/ticket-lifecycle';

export interface TransitionTicketCommand extends Omit<TransitionInput, 'approval'> {
  caller: TicketCaller;
  ticketId: string;
  /** The version the caller last saw (If-Match); undefined skips the check. */
  expectedVersion: number | undefined;
  /** Who approves: for request_approval, and for submitting an emergency change. */
  approvalRequest?: ApprovalRequest | undefined;
  /** resolve (problems): also resolve the open incidents the problem caused. */
  resolveLinkedIncidents?: boolean | undefined;
}
