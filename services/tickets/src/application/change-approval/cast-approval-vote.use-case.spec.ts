import { SYSTEM_CALLER } from '../testing/test-callers';
import { emptyCatalog } from '../testing/in-memory-catalog-store';
import {
  ChangeApprovalApproved,
  ChangeApprovalRejected,
  ChangeApprovalRequested,
  TicketStateChanged,
} from '@itsm/contracts';
import { TicketErrorCode } from '../../domain/ticket-error';
import { CreateTicketUseCase } from '../create-ticket/create-ticket.use-case';
import {
  InMemoryTicketStore,
  sequentialIds,
  steppingClock,
} from '../testing/in-memory-ticket-store';
import { TransitionTicketUseCase } from '../transition-ticket/transition-ticket.use-case';
import { CastApprovalVoteUseCase } from './cast-approval-vote.use-case';
import { GetApprovalUseCase } from './get-approval.use-case';

const start = new Date('2026-11-27T09:00:00Z');
const window = {
  plannedStart: new Date('2026-12-05T22:00:00Z'),
  plannedEnd: new Date('2026-12-05T23:00:00Z'),
};

/** A normal change in approval, waiting for the CAB chair and the DBA, both needed. */
async function changeAwaitingApproval() {
  const store = new InMemoryTicketStore();
  const clock = steppingClock(start, 60_000);
  const ids = sequentialIds();
  const settings = { reopenWindowMs: 0 };
  const transition = new TransitionTicketUseCase(store, clock, ids, settings);
  const vote = new CastApprovalVoteUseCase(store, clock, settings);
  const { ticket } = await new CreateTicketUseCase(store, clock, ids, emptyCatalog()).execute({
    caller: SYSTEM_CALLER,
    idempotencyKey: '',
    type: 'change',
    title: 'Upgrade PostgreSQL 15 → 17 on db-01',
    description: '',
    impact: undefined,
    urgency: undefined,
    channel: undefined,
    requesterId: 'cm-1',
    organizationId: undefined,
    configurationItemIds: ['ci-db-01'],
  });
  const base = { ticketId: ticket.id, expectedVersion: undefined, actorId: 'cm-1' };
  await transition.execute({
    caller: SYSTEM_CALLER,
    ...base,
    action: 'submit',
    risk: 'high',
    impact: 'high',
    backoutPlan: 'Restore the snapshot taken before the upgrade.',
  });
  const inApproval = await transition.execute({
    caller: SYSTEM_CALLER,
    ...base,
    action: 'request_approval',
    approvalRequest: { approverIds: ['cab-chair', 'dba'], quorum: 'all' },
  });
  return { store, transition, vote, change: inApproval, base };
}

describe('change approval', () => {
  it('opens a round on request, announces it, and schedules the change once all approve', async () => {
    const { store, transition, vote, change, base } = await changeAwaitingApproval();
    expect(change).toMatchObject({ status: 'approval', approvalId: expect.any(String) as string });
    expect(store.events.map(({ type }) => type).slice(-2)).toEqual([
      TicketStateChanged.type,
      ChangeApprovalRequested.type,
    ]);

    const first = await vote.execute({
      caller: SYSTEM_CALLER,
      ticketId: change.id,
      approverId: 'dba',
      decision: 'approve',
      comment: '',
      cabGroupId: undefined,
    });
    expect(first.approval.outcome).toBe('pending');
    expect(store.events.at(-1)?.type).toBe(ChangeApprovalRequested.type);

    const second = await vote.execute({
      caller: SYSTEM_CALLER,
      ticketId: change.id,
      approverId: 'cab-chair',
      decision: 'approve',
      comment: 'Go, with the DBA on call.',
      cabGroupId: undefined,
    });
    expect(second.approval).toMatchObject({ outcome: 'approved', decidedAt: expect.any(Date) });
    expect(second.ticket.status).toBe('approval');
    expect(store.events.at(-1)?.type).toBe(ChangeApprovalApproved.type);

    const scheduled = await transition.execute({
      caller: SYSTEM_CALLER,
      ...base,
      action: 'schedule',
      ...window,
    });
    expect(scheduled).toMatchObject({ status: 'scheduled', plannedStart: window.plannedStart });
    expect(await new GetApprovalUseCase(store).execute(change.id, SYSTEM_CALLER)).toEqual(
      second.approval,
    );
  });

  it('rejects the change with the first rejection, in the same transaction', async () => {
    const { store, vote, change } = await changeAwaitingApproval();
    const { ticket, approval } = await vote.execute({
      caller: SYSTEM_CALLER,
      ticketId: change.id,
      approverId: 'dba',
      decision: 'reject',
      comment: 'No tested backup of db-01 yet.',
      cabGroupId: undefined,
    });
    expect(approval.outcome).toBe('rejected');
    expect(ticket).toMatchObject({ status: 'rejected', version: change.version + 1 });
    expect(store.events.map(({ type }) => type).slice(-2)).toEqual([
      TicketStateChanged.type,
      ChangeApprovalRejected.type,
    ]);
    const history = await store.history(change.id, SYSTEM_CALLER.access);
    expect(history.map(({ action }) => action).slice(-2)).toEqual(['approval_vote', 'reject']);
  });

  it('answers a retried vote as the first, refuses a changed vote, a stranger, and late votes', async () => {
    const { store, vote, change } = await changeAwaitingApproval();
    const ballot = {
      caller: SYSTEM_CALLER,
      ticketId: change.id,
      approverId: 'dba',
      decision: 'approve' as const,
      comment: '',
      cabGroupId: undefined,
    };
    const first = await vote.execute(ballot);
    const events = store.events.length;
    expect(await vote.execute(ballot)).toEqual(first);
    await expect(
      vote.execute({ ...ballot, decision: 'reject', comment: 'On second thought, no.' }),
    ).rejects.toMatchObject({
      code: TicketErrorCode.InvalidTransition,
      message: expect.stringContaining('a vote cannot be changed') as string,
    });
    await expect(vote.execute({ ...ballot, approverId: 'intern' })).rejects.toMatchObject({
      code: TicketErrorCode.ValidationFailed,
    });
    await vote.execute({
      ...ballot,
      approverId: 'cab-chair',
      decision: 'reject',
      comment: 'Not this quarter.',
    });
    await expect(vote.execute({ ...ballot, approverId: 'cab-chair' })).rejects.toMatchObject({
      code: TicketErrorCode.InvalidTransition,
      message: expect.stringContaining('is not awaiting approval') as string,
    });
    expect(store.events.length).toBe(events + 2);
  });
});
