import { REFERENCE_MAX_LENGTH } from './ticket-limits';
import { COMMENT_MAX_LENGTH } from './ticket-comment';
import { TicketError, TicketErrorCode, type FieldViolation } from './ticket-error';
import { throwIfInvalid } from './lifecycle-support';

export const APPROVAL_QUORUMS = ['any', 'all'] as const;
export type ApprovalQuorum = (typeof APPROVAL_QUORUMS)[number];

export const VOTE_DECISIONS = ['approve', 'reject'] as const;
export type VoteDecision = (typeof VOTE_DECISIONS)[number];

export const APPROVAL_OUTCOMES = ['pending', 'approved', 'rejected'] as const;
export type ApprovalOutcome = (typeof APPROVAL_OUTCOMES)[number];

export interface ApprovalVote {
  approverId: string;
  /** The CAB whose seat this vote fills; null when the voter is a named approver. */
  viaGroupId: string | null;
  decision: VoteDecision;
  comment: string;
  at: Date;
}

/** One approval round of a change; a revised change gets a new round. */
export interface ChangeApproval {
  id: string;
  changeId: string;
  approverIds: readonly string[];
  /** A change advisory board whose members vote as one seat. */
  cabGroupId: string | null;
  quorum: ApprovalQuorum;
  votes: readonly ApprovalVote[];
  outcome: ApprovalOutcome;
  openedAt: Date;
  decidedAt: Date | null;
}

/** Who must approve, as the change manager asks for it. */
export interface ApprovalRequest {
  approverIds: readonly string[];
  cabGroupId?: string | undefined;
  quorum: ApprovalQuorum | undefined;
}

export interface OpenApprovalContext {
  id: string;
  changeId: string;
  now: Date;
}

/** A pending round: named approvers (blank ids refused, repeats dropped) and/or a CAB. */
export function openApproval(
  request: ApprovalRequest,
  { id, changeId, now }: OpenApprovalContext,
): ChangeApproval {
  const violations: FieldViolation[] = [];
  const approverIds = [...new Set(request.approverIds.map((approverId) => approverId.trim()))];
  const cabGroupId = request.cabGroupId?.trim() || null;
  if (approverIds.some((approverId) => approverId.length === 0)) {
    violations.push({ field: 'approverIds', message: 'approver ids must not be blank' });
  }
  const tooLong = (reference: string): boolean => reference.length > REFERENCE_MAX_LENGTH;
  if (approverIds.some(tooLong)) {
    violations.push({
      field: 'approverIds',
      message: `approver ids must be at most ${REFERENCE_MAX_LENGTH} characters`,
    });
  }
  if (cabGroupId !== null && tooLong(cabGroupId)) {
    violations.push({
      field: 'cabGroupId',
      message: `cabGroupId must be at most ${REFERENCE_MAX_LENGTH} characters`,
    });
  }
  if (approverIds.length === 0 && cabGroupId === null) {
    violations.push({
      field: 'approverIds',
      message: 'an approval needs named approvers or a CAB group',
    });
  }
  if (!request.quorum || !APPROVAL_QUORUMS.includes(request.quorum)) {
    violations.push({
      field: 'quorum',
      message: `quorum must be ${APPROVAL_QUORUMS.join(' or ')}`,
    });
  }
  throwIfInvalid('the approval request is invalid', violations);
  return {
    id,
    changeId,
    approverIds,
    cabGroupId,
    quorum: request.quorum ?? 'all',
    votes: [],
    outcome: 'pending',
    openedAt: now,
    decidedAt: null,
  };
}

/**
 * Where a round stands. Any rejection rejects. With quorum `any` the first approval approves;
 * with `all` every named approver must approve in their own name, and a CAB needs one
 * approval from any of its members.
 */
export function outcomeOf(
  approval: Pick<ChangeApproval, 'approverIds' | 'cabGroupId' | 'quorum' | 'votes'>,
): ApprovalOutcome {
  if (approval.votes.some((vote) => vote.decision === 'reject')) return 'rejected';
  const approvals = approval.votes.filter((vote) => vote.decision === 'approve');
  if (approval.quorum === 'any') return approvals.length > 0 ? 'approved' : 'pending';
  const everyNamed = approval.approverIds.every((approverId) =>
    approvals.some((vote) => vote.approverId === approverId),
  );
  const cab =
    approval.cabGroupId === null ||
    approvals.some((vote) => vote.viaGroupId === approval.cabGroupId);
  return everyNamed && cab ? 'approved' : 'pending';
}

export interface Ballot {
  approverId: string;
  decision: VoteDecision;
  /** Required with a rejection: the change owner must learn what to revise. */
  comment?: string | undefined;
}

export interface VoterContext {
  now: Date;
  /**
   * Whether the voter belongs to the round's CAB group, as the directory says. Domain code
   * cannot look membership up, and a client's own claim to vote for a group proves nothing.
   */
  isCabMember: boolean;
}

export interface VoteResult {
  approval: ChangeApproval;
  vote: ApprovalVote;
  outcome: ApprovalOutcome;
}

function refuseVote(approval: ChangeApproval, message: string): never {
  throw new TicketError(TicketErrorCode.InvalidTransition, message, [], {
    outcome: approval.outcome,
  });
}

/**
 * Records a vote and returns the new round with its outcome. A named approver votes in their
 * own name even when they also sit on the CAB, so one person never fills two seats; anyone
 * else votes for the CAB if they are a member. Each person votes once and a vote cannot be
 * changed; once the round is decided, it takes no more votes.
 */
export function castVote(
  approval: ChangeApproval,
  ballot: Ballot,
  { now, isCabMember }: VoterContext,
): VoteResult {
  if (approval.outcome !== 'pending') {
    refuseVote(approval, `the approval is already ${approval.outcome} and takes no more votes`);
  }
  const named = approval.approverIds.includes(ballot.approverId);
  if (!named && !(approval.cabGroupId !== null && isCabMember)) {
    throw new TicketError(TicketErrorCode.ValidationFailed, 'the voter is not an approver', [
      {
        field: 'approverId',
        message: `${ballot.approverId} is neither a named approver nor a member of the CAB`,
      },
    ]);
  }
  const earlier = approval.votes.find((vote) => vote.approverId === ballot.approverId);
  if (earlier) {
    refuseVote(
      approval,
      `${ballot.approverId} already voted ${earlier.decision} at ${earlier.at.toISOString()}; a vote cannot be changed`,
    );
  }
  const violations: FieldViolation[] = [];
  const comment = ballot.comment?.trim() ?? '';
  if (!VOTE_DECISIONS.includes(ballot.decision)) {
    violations.push({
      field: 'decision',
      message: `decision must be ${VOTE_DECISIONS.join(' or ')}`,
    });
  }
  if (ballot.decision === 'reject' && comment.length === 0) {
    violations.push({ field: 'comment', message: 'a rejection needs a comment' });
  }
  if (comment.length > COMMENT_MAX_LENGTH) {
    violations.push({
      field: 'comment',
      message: `comment must be at most ${COMMENT_MAX_LENGTH} characters`,
    });
  }
  throwIfInvalid('the vote is invalid', violations);
  const vote: ApprovalVote = {
    approverId: ballot.approverId,
    viaGroupId: named ? null : approval.cabGroupId,
    decision: ballot.decision,
    comment,
    at: now,
  };
  const votes = [...approval.votes, vote];
  const outcome = outcomeOf({ ...approval, votes });
  return {
    approval: { ...approval, votes, outcome, decidedAt: outcome === 'pending' ? null : now },
    vote,
    outcome,
  };
}
