import type { VoteDecision } from '../../domain/change-approval';

export interface CastApprovalVoteCommand {
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
