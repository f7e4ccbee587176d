import { fromTimestamp } from '@itsm/contracts';
import { ClockChanges } from '../clock-changes';
import { FireDueClockEventsUseCase } from '../fire-due-clock-events/fire-due-clock-events.use-case';
import { systemTime } from '../ports/time-source';
import { StartClocksUseCase } from '../start-clocks/start-clocks.use-case';
import { aTicket, msk, seededCatalog, sequentialIds } from '../testing/fixtures';
import { InMemoryClockStore } from '../testing/in-memory-clock-store';
import { ClockScheduler, type ClockSchedulerOptions } from './clock-scheduler';

const MINUTE = 60_000;

function scheduled(options: Partial<ClockSchedulerOptions> = {}) {
  const store = new InMemoryClockStore();
  const catalog = seededCatalog();
  const changes = new ClockChanges(catalog, systemTime);
  const problems: string[] = [];
  const logger = {
    error: (_object: object, message: string) => problems.push(message),
    warn: (_object: object, message: string) => problems.push(message),
  };
  const scheduler = new ClockScheduler(
    store,
    new FireDueClockEventsUseCase(store, changes, systemTime, 100),
    systemTime,
    logger,
    { lookaheadMs: MINUTE, pollMs: 10_000, maxInstantsPerPoll: 1_000, ...options },
  );
  const startClocks = new StartClocksUseCase(catalog, changes, sequentialIds, scheduler);
  /** A critical incident: first response due 15 minutes after `createdAt`, 24×7. */
  const openCritical = (createdAt: Date) =>
    store.transaction((transaction) =>
      startClocks.execute({ ticket: aTicket({ priority: 'critical', createdAt }) }, transaction),
    );
  /** Each announced event: its type, and how late it was recorded after its instant (ms). */
  const announced = () =>
    store.events.map(({ type, event }) => {
      const payload = event.payload as { reachedAt: never; occurredAt: never };
      return [
        type.replace('itsm.sla.v1.clock.', ''),
        fromTimestamp(payload.occurredAt).getTime() - fromTimestamp(payload.reachedAt).getTime(),
      ];
    });
  return { store, scheduler, openCritical, announced, problems };
}

describe('the clock scheduler', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('fires each warning and the breach at its instant, between two looks at the store', async () => {
    jest.useFakeTimers({ now: msk('2026-11-27 10:00') });
    const { scheduler, openCritical, announced } = scheduled();
    scheduler.start();
    await openCritical(msk('2026-11-27 10:00'));
    await jest.advanceTimersByTimeAsync(15 * MINUTE);
    await scheduler.stop();
    expect(announced()).toEqual([
      ['warning', 0],
      ['warning', 0],
      ['breached', 0],
    ]);
  });

  it('wakes for a clock changed in this process without waiting for the next look', async () => {
    jest.useFakeTimers({ now: msk('2026-11-27 10:14:30') });
    const { scheduler, openCritical, announced } = scheduled({
      pollMs: 10 * MINUTE,
      lookaheadMs: 11 * MINUTE,
    });
    scheduler.start();
    await jest.advanceTimersByTimeAsync(0);
    // Opened 14.5 minutes ago: both warnings are due at once, the breach in 30 s.
    await openCritical(msk('2026-11-27 10:00'));
    expect(announced().map(([type]) => type)).toEqual(['warning', 'warning']);
    await jest.advanceTimersByTimeAsync(30_000);
    await scheduler.stop();
    expect(announced().at(-1)).toEqual(['breached', 0]);
  });

  it('fires what fell due while no scheduler ran as soon as it starts, and only once', async () => {
    jest.useFakeTimers({ now: msk('2026-11-27 10:00') });
    const first = scheduled();
    await first.openCritical(msk('2026-11-27 10:00'));
    jest.setSystemTime(msk('2026-11-27 11:00'));
    first.scheduler.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(first.announced()).toEqual([
      ['warning', 48 * MINUTE + 45_000],
      ['warning', 46 * MINUTE + 30_000],
      ['breached', 45 * MINUTE],
    ]);
    await first.scheduler.stop();

    const restarted = new ClockScheduler(
      first.store,
      new FireDueClockEventsUseCase(
        first.store,
        new ClockChanges(seededCatalog(), systemTime),
        systemTime,
        100,
      ),
      systemTime,
      { error: () => undefined, warn: () => undefined },
      { lookaheadMs: MINUTE, pollMs: 10_000, maxInstantsPerPoll: 1_000 },
    );
    restarted.start();
    await jest.advanceTimersByTimeAsync(MINUTE);
    await restarted.stop();
    expect(first.store.events).toHaveLength(3);
  });

  it('keeps looking after the store fails, and fires what was missed', async () => {
    jest.useFakeTimers({ now: msk('2026-11-27 10:00') });
    const { scheduler, store, openCritical, announced, problems } = scheduled();
    await openCritical(msk('2026-11-27 10:00'));
    jest.setSystemTime(msk('2026-11-27 10:14'));
    const transaction = store.transaction.bind(store);
    let failures = 1;
    jest.spyOn(store, 'transaction').mockImplementation(async (work) => {
      if (failures-- > 0) throw new Error('connection refused');
      return transaction(work);
    });
    scheduler.start();
    // The next look at the store, 10 s later, finds the clocks still due.
    await jest.advanceTimersByTimeAsync(11_000);
    await scheduler.stop();
    expect(problems).toEqual(['could not fire due clock events; trying again']);
    expect(announced().map(([type]) => type)).toEqual(['warning', 'warning']);
  });

  it('fires nothing once stopped', async () => {
    jest.useFakeTimers({ now: msk('2026-11-27 10:14:30') });
    const { scheduler, openCritical, store } = scheduled();
    scheduler.start();
    await openCritical(msk('2026-11-27 10:00'));
    const before = store.events.length;
    await scheduler.stop();
    await jest.advanceTimersByTimeAsync(MINUTE);
    expect(store.events).toHaveLength(before);
  });
});
