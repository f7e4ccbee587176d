import {
  type ApprovalOutcome,
  type ApprovalQuorum,
  type ApprovalRequest,
  castVote,
  type ChangeApproval,
  openApproval,
  type VoteDecision,
} from './change-approval';
import { REFERENCE_MAX_LENGTH } from './ticket';
import { TicketError, TicketErrorCode } from './ticket-error';

const opened = new Date('2026-11-27T09:00:00Z');
const now = new Date('2026-11-27T10:00:00Z');
const context = { id: 'apr-1', changeId: 'chg-1', now: opened };

function round(quorum: ApprovalQuorum, approverIds: string[], cabGroupId?: string): ChangeApproval {
  return openApproval({ approverIds, cabGroupId, quorum }, context);
}

/** [voter, decision, is the voter a member of the CAB?] */
type Vote = readonly [string, VoteDecision, boolean];

function vote(approval: ChangeApproval, [approverId, decision, isCabMember]: Vote) {
  return castVote(
    approval,
    { approverId, decision, comment: decision === 'reject' ? 'Back-out plan untested.' : '' },
    { now, isCabMember },
  );
}

function errorOf(run: () => unknown): TicketError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TicketError);
    return error as TicketError;
  }
  throw new Error('expected the vote to be refused');
}

describe('opening an approval round', () => {
  it('trims and de-duplicates the named approvers and starts pending', () => {
    expect(
      openApproval(
        { approverIds: [' alice ', 'bob', 'alice'], cabGroupId: ' cab-infra ', quorum: 'all' },
        context,
      ),
    ).toEqual({
      id: 'apr-1',
      changeId: 'chg-1',
      approverIds: ['alice', 'bob'],
      cabGroupId: 'cab-infra',
      quorum: 'all',
      votes: [],
      outcome: 'pending',
      openedAt: opened,
      decidedAt: null,
    });
  });

  it.each<[string, ApprovalRequest, string[]]>([
    ['no approver at all', { approverIds: [], cabGroupId: ' ', quorum: 'any' }, ['approverIds']],
    ['a blank approver', { approverIds: ['alice', ' '], quorum: 'any' }, ['approverIds']],
    ['no quorum', { approverIds: ['alice'], quorum: undefined }, ['quorum']],
    [
      'over-long references',
      {
        approverIds: ['a'.repeat(REFERENCE_MAX_LENGTH + 1)],
        cabGroupId: 'c'.repeat(REFERENCE_MAX_LENGTH + 1),
        quorum: 'all',
      },
      ['approverIds', 'cabGroupId'],
    ],
  ])('refuses %s', (_, request, fields) => {
    const error = errorOf(() => openApproval(request, context));
    expect(error.code).toBe(TicketErrorCode.ValidationFailed);
    expect(error.violations.map(({ field }) => field)).toEqual(fields);
  });
});

describe('approval outcome after each vote', () => {
  it.each<[string, ApprovalQuorum, string[], string | undefined, Vote[], ApprovalOutcome[]]>([
    [
      'any: the first approval approves',
      'any',
      ['alice', 'bob'],
      undefined,
      [['bob', 'approve', false]],
      ['approved'],
    ],
    [
      'any: a rejection rejects',
      'any',
      ['alice', 'bob'],
      undefined,
      [['alice', 'reject', false]],
      ['rejected'],
    ],
    [
      'any: a CAB member approves for the CAB',
      'any',
      [],
      'cab-infra',
      [['carol', 'approve', true]],
      ['approved'],
    ],
    [
      'all: waits for every named approver',
      'all',
      ['alice', 'bob'],
      undefined,
      [
        ['alice', 'approve', false],
        ['bob', 'approve', false],
      ],
      ['pending', 'approved'],
    ],
    [
      'all: a late rejection rejects',
      'all',
      ['alice', 'bob'],
      undefined,
      [
        ['alice', 'approve', false],
        ['bob', 'reject', false],
      ],
      ['pending', 'rejected'],
    ],
    [
      'all: named approvers and one approval from the CAB',
      'all',
      ['alice'],
      'cab-infra',
      [
        ['alice', 'approve', false],
        ['carol', 'approve', true],
      ],
      ['pending', 'approved'],
    ],
    [
      'all: CAB approvals do not stand in for a named approver',
      'all',
      ['alice'],
      'cab-infra',
      [
        ['carol', 'approve', true],
        ['dave', 'approve', true],
        ['alice', 'approve', false],
      ],
      ['pending', 'pending', 'approved'],
    ],
    [
      'all: one CAB member rejecting rejects even after another approved',
      'all',
      ['alice'],
      'cab-infra',
      [
        ['carol', 'approve', true],
        ['dave', 'reject', true],
      ],
      ['pending', 'rejected'],
    ],
    [
      'all: a named approver on the CAB fills their own seat only',
      'all',
      ['alice'],
      'cab-infra',
      [
        ['alice', 'approve', true],
        ['carol', 'approve', true],
      ],
      ['pending', 'approved'],
    ],
    [
      'all: a CAB alone needs one approval',
      'all',
      [],
      'cab-infra',
      [['carol', 'approve', true]],
      ['approved'],
    ],
  ])('%s', (_, quorum, approverIds, cabGroupId, votes, outcomes) => {
    let approval = round(quorum, approverIds, cabGroupId);
    const seen: ApprovalOutcome[] = [];
    for (const ballot of votes) {
      const result = vote(approval, ballot);
      expect(result.approval.outcome).toBe(result.outcome);
      seen.push(result.outcome);
      approval = result.approval;
    }
    expect(seen).toEqual(outcomes);
    expect(approval.decidedAt).toEqual(approval.outcome === 'pending' ? null : now);
  });
});

describe('casting a vote', () => {
  it('records the seat, the trimmed comment and the time, leaving the old round alone', () => {
    const approval = round('all', ['alice'], 'cab-infra');
    const result = castVote(
      approval,
      { approverId: 'carol', decision: 'approve', comment: '  Fine by the CAB. ' },
      { now, isCabMember: true },
    );
    expect(result.vote).toEqual({
      approverId: 'carol',
      viaGroupId: 'cab-infra',
      decision: 'approve',
      comment: 'Fine by the CAB.',
      at: now,
    });
    expect(result.approval.votes).toEqual([result.vote]);
    expect(approval.votes).toEqual([]);
  });

  it('a named approver votes in their own name even as a CAB member', () => {
    const { vote: cast } = vote(round('all', ['alice'], 'cab-infra'), ['alice', 'approve', true]);
    expect(cast.viaGroupId).toBeNull();
  });

  it('a rejection needs a comment', () => {
    const error = errorOf(() =>
      castVote(
        round('any', ['alice']),
        { approverId: 'alice', decision: 'reject', comment: ' ' },
        { now, isCabMember: false },
      ),
    );
    expect(error.code).toBe(TicketErrorCode.ValidationFailed);
    expect(error.violations).toEqual([
      { field: 'comment', message: 'a rejection needs a comment' },
    ]);
  });

  it.each<[string, ChangeApproval, Vote]>([
    [
      'someone neither named nor on the CAB',
      round('any', ['alice'], 'cab-infra'),
      ['mallory', 'approve', false],
    ],
    ['a CAB member when the round has no CAB', round('any', ['alice']), ['carol', 'approve', true]],
  ])('refuses a vote from %s', (_, approval, ballot) => {
    const error = errorOf(() => vote(approval, ballot));
    expect(error.code).toBe(TicketErrorCode.ValidationFailed);
    expect(error.violations.map(({ field }) => field)).toEqual(['approverId']);
  });

  it.each<[string, Vote, Vote]>([
    ['a named approver voting again', ['alice', 'approve', false], ['alice', 'approve', false]],
    [
      'a named approver changing their vote',
      ['alice', 'approve', false],
      ['alice', 'reject', false],
    ],
    ['a CAB member voting again', ['carol', 'approve', true], ['carol', 'approve', true]],
  ])('refuses %s', (_, first, second) => {
    const { approval } = vote(round('all', ['alice', 'bob'], 'cab-infra'), first);
    const error = errorOf(() => vote(approval, second));
    expect(error).toMatchObject({
      code: TicketErrorCode.InvalidTransition,
      details: { outcome: 'pending' },
    });
    expect(error.message).toMatch(/already voted approve .*; a vote cannot be changed/);
  });

  it.each<[ApprovalOutcome, Vote]>([
    ['approved', ['alice', 'approve', false]],
    ['rejected', ['alice', 'reject', false]],
  ])('refuses votes once the round is %s', (outcome, decisive) => {
    const { approval } = vote(round('any', ['alice', 'bob']), decisive);
    const error = errorOf(() => vote(approval, ['bob', 'approve', false]));
    expect(error).toMatchObject({ code: TicketErrorCode.InvalidTransition, details: { outcome } });
    expect(error.message).toBe(`the approval is already ${outcome} and takes no more votes`);
  });
});
