import { SlaClockBreached } from '@itsm/contracts';
import { ALWAYS_ON_CALENDAR_ID } from '../../migrations/1764921600002-seed-default-calendars-and-policies';
import { aTicket, msk, policyNamed, useCases } from '../testing/fixtures';

describe('changing the targets after a priority change', () => {
  async function reprioritised(priority: string, status = 'in_progress') {
    const context = useCases(msk('2026-11-27 17:30:01'));
    const ticket = aTicket({ priority: 'medium' });
    await context.startClocks.execute({ ticket }, context.store.direct());
    context.time.set(msk('2026-11-30 10:00:01'));
    await context.changeClockTargets.execute(
      { ticket: { ...ticket, priority, status, updatedAt: msk('2026-11-30 10:00') } },
      context.store.direct(),
    );
    const clock = (target: string) => context.store.clocks.find((c) => c.target === target);
    return { ...context, clock };
  }

  it('applies the new policy’s targets from the change, keeping the time counted', async () => {
    const { clock, store } = await reprioritised('high');
    const high = policyNamed('Incidents · high');
    // First response: 1 h on 24×7 after 1.5 business hours counted: breached at the change.
    expect(clock('first_response')).toMatchObject({
      policyId: high.id,
      calendarId: ALWAYS_ON_CALENDAR_ID,
      targetMs: 3_600_000,
      elapsedMs: 1.5 * 3_600_000,
      dueAt: msk('2026-11-30 10:00'),
      breachedAt: msk('2026-11-30 10:00'),
    });
    expect(store.events.map(({ type }) => type)).toContain(SlaClockBreached.type);
    // Resolution: 8 business hours with 1.5 counted leaves 6.5 from Monday 10:00.
    expect(clock('resolution')).toMatchObject({
      policyId: high.id,
      targetMs: 8 * 3_600_000,
      dueAt: msk('2026-11-30 16:30'),
    });
  });

  it('gives more time when the priority is lowered', async () => {
    const { clock, store } = await reprioritised('low');
    expect(clock('first_response')?.dueAt).toEqual(msk('2026-11-30 17:30'));
    expect(clock('resolution')?.dueAt).toEqual(msk('2026-12-04 17:30'));
    expect(store.events).toEqual([]);
  });

  it('leaves the clocks alone when the same policy still applies', async () => {
    const { store } = await reprioritised('medium');
    expect(store.clocks.map(({ version }) => version)).toEqual([1, 1]);
  });

  it('leaves the clocks alone when no policy matches any more', async () => {
    const context = useCases(msk('2026-11-27 17:30:01'));
    const ticket = aTicket({ priority: 'medium' });
    await context.startClocks.execute({ ticket }, context.store.direct());
    context.catalog.policies = [];
    await context.changeClockTargets.execute(
      { ticket: { ...ticket, priority: 'high', updatedAt: msk('2026-11-30 10:00') } },
      context.store.direct(),
    );
    expect(context.store.clocks.map(({ state, version }) => [state, version])).toEqual([
      ['running', 1],
      ['running', 1],
    ]);
  });
});
