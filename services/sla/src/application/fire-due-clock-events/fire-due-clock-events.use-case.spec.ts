import { fromTimestamp } from '@itsm/contracts';
import { SlaClockBreached, SlaClockWarning } from '@itsm/contracts';
import { aTicket, msk, useCases } from '../testing/fixtures';

describe('firing due clock events', () => {
  async function withMediumIncidents(count: number) {
    const context = useCases(msk('2026-11-27 17:30:01'));
    for (let index = 0; index < count; index++) {
      await context.startClocks.execute({ ticket: aTicket() }, context.store.direct());
    }
    return context;
  }

  it('announces each warning and the breach once, when due', async () => {
    const { time, fireDue, store } = await withMediumIncidents(1);
    const fired: string[] = [];
    for (const at of [
      '2026-11-30 11:29:59',
      '2026-11-30 11:30',
      '2026-11-30 11:30',
      '2026-11-30 12:06',
      '2026-11-30 12:30',
      '2026-11-30 12:31',
    ]) {
      time.set(msk(at));
      const batch = await fireDue();
      fired.push(...batch.events.map((event) => `${at} ${event.threshold || 'breach'}`));
    }
    expect(fired).toEqual([
      '2026-11-30 11:30 0.75',
      '2026-11-30 12:06 0.9',
      '2026-11-30 12:30 breach',
    ]);
    expect(store.events.map(({ type }) => type)).toEqual([
      SlaClockWarning.type,
      SlaClockWarning.type,
      SlaClockBreached.type,
    ]);
  });

  it('fires everything missed at once after a long stop, oldest first', async () => {
    const { time, fireDue } = await withMediumIncidents(1);
    time.set(msk('2026-12-07 09:00'));
    const batch = await fireDue();
    expect(
      batch.events.map((event) => [
        event.target,
        event.threshold,
        event.reachedAt && fromTimestamp(event.reachedAt),
      ]),
    ).toEqual([
      ['SLA_TARGET_FIRST_RESPONSE', 0.75, msk('2026-11-30 11:30')],
      ['SLA_TARGET_FIRST_RESPONSE', 0.9, msk('2026-11-30 12:06')],
      ['SLA_TARGET_FIRST_RESPONSE', 0, msk('2026-11-30 12:30')],
      ['SLA_TARGET_RESOLUTION', 0.75, msk('2026-12-02 10:45')],
      ['SLA_TARGET_RESOLUTION', 0.9, msk('2026-12-02 14:48')],
      ['SLA_TARGET_RESOLUTION', 0, msk('2026-12-02 17:30')],
    ]);
    expect(batch.nextInstants).toEqual([]);
    expect((await fireDue()).events).toEqual([]);
  });

  it('works through a backlog in batches', async () => {
    const { time, fireDue } = await withMediumIncidents(3);
    time.set(msk('2026-11-30 11:30'));
    const sizes: number[] = [];
    for (let more = true; more;) {
      const batch = await fireDue(2);
      sizes.push(batch.events.length);
      more = batch.mayHaveMore;
    }
    expect(sizes).toEqual([2, 1]);
  });

  it('reports elapsed business time and the due time in each event', async () => {
    const { time, fireDue } = await withMediumIncidents(1);
    const firedAt = new Date(msk('2026-11-30 12:30').getTime() + 250);
    time.set(firedAt);
    const [, , breach] = (await fireDue()).events;
    expect(breach).toMatchObject({ threshold: 0, elapsedMs: 4 * 3_600_000 + 250 });
    expect(breach?.dueAt && fromTimestamp(breach.dueAt)).toEqual(msk('2026-11-30 12:30'));
    expect(breach?.occurredAt && fromTimestamp(breach.occurredAt)).toEqual(firedAt);
  });
});
