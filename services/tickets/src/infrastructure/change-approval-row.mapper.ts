import type {
  ApprovalOutcome,
  ApprovalQuorum,
  ChangeApproval,
  VoteDecision,
} from '../domain/change-approval';
import type { ChangeApprovalEntity } from './change-approval.entity';

export function toApprovalRow(approval: ChangeApproval): ChangeApprovalEntity {
  return {
    id: approval.id,
    changeId: approval.changeId,
    approverIds: [...approval.approverIds],
    cabGroupId: approval.cabGroupId,
    quorum: approval.quorum,
    votes: approval.votes.map((vote) => ({ ...vote, at: vote.at.toISOString() })),
    outcome: approval.outcome,
    openedAt: approval.openedAt,
    decidedAt: approval.decidedAt,
  };
}

/** Rows only ever hold values the domain wrote (CHECK constraints guard the columns). */
export function toApproval(row: ChangeApprovalEntity): ChangeApproval {
  return {
    id: row.id,
    changeId: row.changeId,
    approverIds: row.approverIds,
    cabGroupId: row.cabGroupId,
    quorum: row.quorum as ApprovalQuorum,
    votes: row.votes.map((vote) => ({
      ...vote,
      decision: vote.decision as VoteDecision,
      at: new Date(vote.at),
    })),
    outcome: row.outcome as ApprovalOutcome,
    openedAt: row.openedAt,
    decidedAt: row.decidedAt,
  };
}
