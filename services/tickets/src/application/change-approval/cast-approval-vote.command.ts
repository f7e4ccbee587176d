import type { VoteDecision } from '../../domain/change-approval';
import type { TicketCaller } from '../../domain/ticket-caller';

export interface CastApprovalVoteCommand {
  caller: TicketCaller;
  ticketId: string;
  approverId: string;
  decision: VoteDecision | undefined;
  comment: string;
  /**
   * The CAB the voter says they vote for. Until the directory of groups exists, a voter is
   * taken at their word when the group is the round's CAB.
   */
  cabGroupId: string | undefined;
}
