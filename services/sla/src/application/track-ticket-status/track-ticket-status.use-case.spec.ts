import { fromTimestamp } from '@itsm/contracts';
import {
  SlaClockBreached,
  type SlaClockEvent,
  SlaClockMet,
  SlaClockWarning,
} from '@itsm/contracts';
import type { TicketSnapshot } from '../ticket-snapshot';
import { aTicket, msk, useCases } from '../testing/fixtures';

/** A medium incident opened on Friday 17:30 Moscow time, with its clocks started. */
async function openedOnFriday() {
  const context = useCases(msk('2026-11-27 17:30:01'));
  const ticket = aTicket({ priority: 'medium' });
  await context.startClocks.execute({ ticket }, context.store.direct());
  /** The ticket changed at `at` (Moscow time), read by the SLA service a second later. */
  const change = async (at: string, changes: Partial<TicketSnapshot>) => {
    context.time.set(new Date(msk(at).getTime() + 1000));
    await context.trackTicketStatus.execute(
      { ticket: { ...ticket, ...changes, updatedAt: msk(at) } },
      context.store.direct(),
    );
  };
  const clock = (target: string) => {
    const found = context.store.clocks.find((candidate) => candidate.target === target);
    if (!found) throw new Error(`no ${target} clock`);
    return found;
  };
  const announced = () =>
    context.store.events.map(({ type, event }) => {
      const payload = event.payload as SlaClockEvent;
      return [
        type,
        payload.target,
        payload.threshold,
        payload.reachedAt && fromTimestamp(payload.reachedAt),
      ];
    });
  return { ...context, ticket, change, clock, announced };
}

describe('tracking a ticket’s status', () => {
  it('pauses while awaiting the customer and moves the due times by the pause', async () => {
    const { change, clock } = await openedOnFriday();
    await change('2026-11-30 10:00', { status: 'pending', pendingReason: 'awaiting_customer' });
    expect(clock('first_response')).toMatchObject({
      state: 'paused',
      elapsedMs: 1.5 * 3_600_000,
      dueAt: null,
    });
    expect(clock('resolution').state).toBe('paused');

    await change('2026-11-30 11:00', { status: 'in_progress', pendingReason: null });
    expect(clock('first_response')).toMatchObject({
      state: 'running',
      dueAt: msk('2026-11-30 13:30'),
    });
    expect(clock('resolution')).toMatchObject({ state: 'running', dueAt: msk('2026-12-03 09:30') });
  });

  it('records the group holding the ticket while the clocks count, and keeps it once stopped', async () => {
    const { change, clock, store } = await openedOnFriday();
    await change('2026-11-30 09:10', { status: 'assigned', assignmentGroupId: 'service-desk' });
    expect(clock('resolution')).toMatchObject({ state: 'running', groupId: 'service-desk' });
    const versionBefore = clock('resolution').version;
    // A move to another group changes no clock state, but is written all the same.
    await change('2026-11-30 09:20', { status: 'assigned', assignmentGroupId: 'network' });
    expect(clock('resolution')).toMatchObject({
      groupId: 'network',
      version: versionBefore + 1,
    });
    await change('2026-11-30 09:30', { status: 'resolved', assignmentGroupId: 'network' });
    await change('2026-11-30 09:40', { status: 'closed', assignmentGroupId: 'archive' });
    expect(store.clocks.map(({ state, groupId }) => [state, groupId])).toEqual([
      ['met', 'network'],
      ['met', 'network'],
    ]);
  });

  it('keeps counting while awaiting a vendor', async () => {
    const { change, clock } = await openedOnFriday();
    await change('2026-11-30 10:00', { status: 'pending', pendingReason: 'awaiting_vendor' });
    expect(clock('first_response')).toMatchObject({
      state: 'running',
      dueAt: msk('2026-11-30 12:30'),
    });
  });

  it('stops every clock on resolution, announcing what fell due before it', async () => {
    const { change, clock, announced } = await openedOnFriday();
    await change('2026-11-30 12:00', { status: 'resolved' });
    expect(clock('first_response')).toMatchObject({
      state: 'met',
      stoppedAt: msk('2026-11-30 12:00'),
    });
    expect(clock('resolution')).toMatchObject({ state: 'met', elapsedMs: 3.5 * 3_600_000 });
    expect(announced()).toEqual([
      [SlaClockWarning.type, 'SLA_TARGET_FIRST_RESPONSE', 0.75, msk('2026-11-30 11:30')],
      [SlaClockMet.type, 'SLA_TARGET_FIRST_RESPONSE', 0, msk('2026-11-30 12:00')],
      [SlaClockMet.type, 'SLA_TARGET_RESOLUTION', 0, msk('2026-11-30 12:00')],
    ]);
  });

  it('records a breach no scheduler announced when the ticket is resolved late', async () => {
    const { change, clock, announced } = await openedOnFriday();
    await change('2026-11-30 13:00', { status: 'resolved' });
    expect(clock('first_response')).toMatchObject({
      state: 'breached',
      breachedAt: msk('2026-11-30 12:30'),
    });
    expect(announced().map(([type, , threshold]) => [type, threshold])).toEqual([
      [SlaClockWarning.type, 0.75],
      [SlaClockWarning.type, 0.9],
      [SlaClockBreached.type, 0],
      [SlaClockMet.type, 0],
    ]);
  });

  it.each(['closed', 'cancelled'])('cancels the counting clocks when %s', async (status) => {
    const { change, clock, announced } = await openedOnFriday();
    await change('2026-11-30 10:00', { status });
    expect([clock('first_response').state, clock('resolution').state]).toEqual([
      'cancelled',
      'cancelled',
    ]);
    expect(announced()).toEqual([]);
  });

  it('runs the resolution clock again on reopening, with the time it had counted', async () => {
    const { change, clock } = await openedOnFriday();
    await change('2026-11-30 12:00', { status: 'resolved' });
    await change('2026-12-01 10:00', { status: 'in_progress' });
    expect(clock('resolution')).toMatchObject({
      state: 'running',
      elapsedMs: 3.5 * 3_600_000,
      dueAt: msk('2026-12-03 15:30'),
      stoppedAt: null,
    });
    expect(clock('first_response').state).toBe('met');
  });

  it('reopens into a pause when the ticket waits for the customer', async () => {
    const { change, clock } = await openedOnFriday();
    await change('2026-11-30 12:00', { status: 'resolved' });
    await change('2026-12-01 10:00', { status: 'pending', pendingReason: 'awaiting_customer' });
    expect(clock('resolution')).toMatchObject({ state: 'paused', elapsedMs: 3.5 * 3_600_000 });
  });

  it('changes nothing when the same status is reported again', async () => {
    const { change, clock, store } = await openedOnFriday();
    await change('2026-11-30 10:00', { status: 'pending', pendingReason: 'awaiting_customer' });
    const version = clock('first_response').version;
    await change('2026-11-30 10:00', { status: 'pending', pendingReason: 'awaiting_customer' });
    await change('2026-11-30 10:30', { status: 'pending', pendingReason: 'awaiting_customer' });
    expect(clock('first_response').version).toBe(version);
    expect(store.events).toEqual([]);
  });

  it('never counts backwards when the change is stamped before the clock’s last change', async () => {
    const { change, clock } = await openedOnFriday();
    await change('2026-11-27 17:29', { status: 'cancelled' });
    expect(clock('resolution')).toMatchObject({
      state: 'cancelled',
      elapsedMs: 0,
      stoppedAt: msk('2026-11-27 17:30'),
    });
  });
});
