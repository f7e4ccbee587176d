import { fromLocalDateTime, HOUR_MS, MINUTE_MS } from '@itsm/zoned-time';
import { type BusinessCalendar, validateCalendar, type WorkingHours } from './business-calendar';
import {
  allowedOperations,
  cancelClock,
  changeTarget,
  type ClockEvent,
  type ClockOperation,
  type ClockState,
  dueEvents,
  elapsedMsAt,
  markBreached,
  markWarningFired,
  nextEventAt,
  pauseClock,
  remainingMs,
  reopenClock,
  resumeClock,
  type SlaClock,
  startClock,
  stopClock,
} from './sla-clock';
import { SlaErrorCode } from './sla-error';

const nineToSix: WorkingHours[] = [{ from: '09:00', to: '18:00' }];
/** Moscow office with November 2025 of the Russian production calendar. */
const moscow = validateCalendar({
  kind: 'working_hours',
  id: 'moscow',
  timeZone: 'Europe/Moscow',
  week: { 1: nineToSix, 2: nineToSix, 3: nineToSix, 4: nineToSix, 5: nineToSix },
  holidays: ['2025-11-03', '2025-11-04'],
  workingDays: [{ date: '2025-11-01', hours: [{ from: '09:00', to: '17:00' }] }],
});
const alwaysOn = validateCalendar({ kind: '24x7', id: 'always', timeZone: 'Europe/Moscow' });

/** `2026-11-27 17:30` Moscow time. */
function msk(text: string): Date {
  const [year, month, day, hour, minute] = text.split(/[- :]/).map(Number);
  return fromLocalDateTime('Europe/Moscow', {
    year: year ?? 0,
    month: month ?? 0,
    day: day ?? 0,
    hour: hour ?? 0,
    minute: minute ?? 0,
  });
}

const hours = (count: number) => count * HOUR_MS;

/** Opened on Friday 2026-11-27 at 17:30 Moscow time with a 4-business-hour target. */
function fridayClock(calendar: BusinessCalendar = moscow): SlaClock {
  return startClock({
    ticketId: 'INC-000123',
    target: 'resolution',
    targetMs: hours(4),
    warningThresholds: [0.75, 0.9],
    calendar,
    now: msk('2026-11-27 17:30'),
  });
}

function plan(clock: SlaClock) {
  return {
    state: clock.state,
    dueAt: clock.dueAt,
    warnings: clock.warnings.map(({ threshold, dueAt }) => [threshold, dueAt]),
  };
}

describe('the acceptance scenario', () => {
  it('is due Monday 12:30, warning at 11:30 and 12:06', () => {
    expect(plan(fridayClock())).toEqual({
      state: 'running',
      dueAt: msk('2026-11-30 12:30'),
      warnings: [
        [0.75, msk('2026-11-30 11:30')],
        [0.9, msk('2026-11-30 12:06')],
      ],
    });
    expect(fridayClock().dueAt).toEqual(new Date('2026-11-30T09:30:00Z'));
  });

  it('moves to 13:30 after a pause of one business hour', () => {
    const paused = pauseClock(fridayClock(), moscow, msk('2026-11-30 10:00'));
    expect(paused).toMatchObject({ state: 'paused', elapsedMs: hours(1.5), runningSince: null });
    expect(plan(paused)).toEqual({
      state: 'paused',
      dueAt: null,
      warnings: [
        [0.75, null],
        [0.9, null],
      ],
    });
    expect(remainingMs(paused, moscow, msk('2026-12-01 10:00'))).toBe(hours(2.5));

    const resumed = resumeClock(paused, moscow, msk('2026-11-30 11:00'));
    expect(plan(resumed)).toEqual({
      state: 'running',
      dueAt: msk('2026-11-30 13:30'),
      warnings: [
        [0.75, msk('2026-11-30 12:30')],
        [0.9, msk('2026-11-30 13:06')],
      ],
    });
  });
});

describe('a pause over holidays', () => {
  // 16 h from Friday 2025-10-31 09:00 would be due on the moved working Saturday at 16:00;
  // paused on Saturday at 12:00 with 12 h counted, Monday and Tuesday are holidays.
  const paused = pauseClock(
    startClock({
      ticketId: 'REQ-000042',
      target: 'resolution',
      targetMs: hours(16),
      warningThresholds: [],
      calendar: moscow,
      now: msk('2025-10-31 09:00'),
    }),
    moscow,
    msk('2025-11-01 12:00'),
  );

  it.each([
    ['on the holiday Monday', '2025-11-03 10:00', '2025-11-05 13:00'],
    ['on Wednesday morning', '2025-11-05 09:00', '2025-11-05 13:00'],
    ['on Wednesday afternoon', '2025-11-05 15:00', '2025-11-06 10:00'],
  ])('resumed %s (%s) is due %s', (_label, resumedAt, due) => {
    expect(paused.elapsedMs).toBe(hours(12));
    expect(resumeClock(paused, moscow, msk(resumedAt)).dueAt).toEqual(msk(due));
  });
});

describe('the states of a clock', () => {
  const clocks: Record<ClockState, SlaClock> = {
    running: fridayClock(),
    paused: pauseClock(fridayClock(), moscow, msk('2026-11-30 10:00')),
    met: stopClock(fridayClock(), moscow, msk('2026-11-30 10:00')),
    breached: stopClock(fridayClock(), moscow, msk('2026-11-30 14:00')),
    cancelled: cancelClock(fridayClock(), moscow, msk('2026-11-30 10:00')),
  };
  const now = msk('2026-11-30 10:30');
  const operations: Record<
    Exclude<ClockOperation, 'mark_warning_fired' | 'mark_breached'>,
    (clock: SlaClock) => SlaClock
  > = {
    pause: (clock) => pauseClock(clock, moscow, now),
    resume: (clock) => resumeClock(clock, moscow, now),
    stop: (clock) => stopClock(clock, moscow, now),
    cancel: (clock) => cancelClock(clock, moscow, now),
    change_target: (clock) => changeTarget(clock, moscow, now, { targetMs: hours(8) }),
    // The next day: every stopped clock above stopped before it.
    reopen: (clock) => reopenClock(clock, moscow, msk('2026-12-01 10:00')),
  };

  it.each<[ClockState, keyof typeof operations, ClockState]>([
    ['running', 'pause', 'paused'],
    ['running', 'stop', 'met'],
    ['running', 'cancel', 'cancelled'],
    ['running', 'change_target', 'running'],
    ['paused', 'resume', 'running'],
    ['paused', 'stop', 'met'],
    ['paused', 'cancel', 'cancelled'],
    ['paused', 'change_target', 'paused'],
    ['met', 'reopen', 'running'],
    ['breached', 'reopen', 'running'],
  ])('a %s clock may %s and becomes %s', (state, operation, next) => {
    expect(operations[operation](clocks[state]).state).toBe(next);
  });

  it.each<[ClockState, keyof typeof operations]>([
    ['running', 'resume'],
    ['running', 'reopen'],
    ['paused', 'pause'],
    ['paused', 'reopen'],
    ['cancelled', 'reopen'],
    ...(['met', 'breached', 'cancelled'] as const).flatMap((state) =>
      (['pause', 'resume', 'stop', 'cancel', 'change_target'] as const).map(
        (operation) => [state, operation] as [ClockState, keyof typeof operations],
      ),
    ),
  ])('a %s clock refuses to %s', (state, operation) => {
    expect(() => operations[operation](clocks[state])).toThrow(
      expect.objectContaining({
        code: SlaErrorCode.InvalidTransition,
        details: { currentState: state, allowedOperations: allowedOperations(state) },
      }),
    );
  });

  it.each<[ClockState, ClockOperation[]]>([
    [
      'running',
      ['pause', 'stop', 'cancel', 'change_target', 'mark_warning_fired', 'mark_breached'],
    ],
    [
      'paused',
      ['resume', 'stop', 'cancel', 'change_target', 'mark_warning_fired', 'mark_breached'],
    ],
    ['met', ['reopen']],
    ['breached', ['reopen']],
    ['cancelled', []],
  ])('a %s clock allows %j', (state, allowed) => {
    expect(allowedOperations(state)).toEqual(allowed);
  });

  it('keeps the business time counted when it stops', () => {
    expect(clocks.met).toMatchObject({
      elapsedMs: hours(1.5),
      runningSince: null,
      breachedAt: null,
      stoppedAt: msk('2026-11-30 10:00'),
    });
    expect(clocks.cancelled).toMatchObject({ state: 'cancelled', elapsedMs: hours(1.5) });
    expect(remainingMs(clocks.met, moscow, msk('2026-12-07 10:00'))).toBe(hours(2.5));
  });

  it('refuses a calendar that is not its own', () => {
    expect(() => pauseClock(fridayClock(), alwaysOn, msk('2026-11-30 10:00'))).toThrow(
      expect.objectContaining({
        code: SlaErrorCode.ValidationFailed,
        violations: [
          { field: 'calendar', message: 'the clock counts in calendar moscow, not always' },
        ],
      }),
    );
  });

  it('refuses to go back before its running segment began', () => {
    expect(() => pauseClock(fridayClock(), moscow, msk('2026-11-27 17:00'))).toThrow(
      expect.objectContaining({ code: SlaErrorCode.ValidationFailed }),
    );
  });

  it('reports every invalid start input at once', () => {
    expect(() =>
      startClock({
        ticketId: ' ',
        target: 'first_response',
        targetMs: 0,
        warningThresholds: [0.9, 0.75, 1],
        calendar: moscow,
        now: msk('2026-11-27 17:30'),
      }),
    ).toThrow(
      expect.objectContaining({
        code: SlaErrorCode.ValidationFailed,
        violations: [
          { field: 'ticketId', message: 'ticketId is required' },
          { field: 'targetMs', message: 'targetMs must be a positive whole number of ms, not 0' },
          {
            field: 'warningThresholds[1]',
            message: 'warning thresholds must be ascending without repeats',
          },
          {
            field: 'warningThresholds[2]',
            message: 'a warning threshold is a share of the target between 0 and 1, not 1',
          },
        ],
      }),
    );
  });
});

describe('stopping a clock', () => {
  it.each([
    ['before it is due', '2026-11-30 12:29', 'met', null],
    // The target is breached once its business time has fully elapsed.
    ['when it is due', '2026-11-30 12:30', 'breached', '2026-11-30 12:30'],
    [
      'after it was due, breach not yet recorded',
      '2026-11-30 14:00',
      'breached',
      '2026-11-30 12:30',
    ],
    ['on the weekend after it was due', '2026-12-05 10:00', 'breached', '2026-11-30 12:30'],
  ])('%s (%s) is %s', (_label, stoppedAt, state, breachedAt) => {
    expect(stopClock(fridayClock(), moscow, msk(stoppedAt))).toMatchObject({
      state,
      breachedAt: breachedAt && msk(breachedAt),
    });
  });

  it('is breached when paused after its due time and stopped later', () => {
    const paused = pauseClock(fridayClock(), moscow, msk('2026-11-30 14:00'));
    expect(paused.dueAt).toEqual(msk('2026-11-30 12:30'));
    expect(dueEvents(paused, msk('2026-11-30 14:00')).map((event) => event.kind)).toEqual([
      'warning',
      'warning',
      'breach',
    ]);
    expect(stopClock(paused, moscow, msk('2026-12-01 10:00'))).toMatchObject({
      state: 'breached',
      breachedAt: msk('2026-11-30 12:30'),
      elapsedMs: hours(5.5),
    });
  });

  it('keeps measuring after the breach is recorded', () => {
    const breached = markBreached(fridayClock(), msk('2026-11-30 12:31'));
    expect(breached).toMatchObject({ state: 'running', breachedAt: msk('2026-11-30 12:30') });
    expect(remainingMs(breached, moscow, msk('2026-11-30 14:00'))).toBe(-hours(1.5));
    expect(stopClock(breached, moscow, msk('2026-11-30 15:00'))).toMatchObject({
      state: 'breached',
      elapsedMs: hours(6.5),
    });
  });
});

describe('reopening a clock', () => {
  const tuesdayTen = msk('2026-12-01 10:00');

  it('runs a met clock again with the time counted before it stopped', () => {
    const met = stopClock(fridayClock(), moscow, msk('2026-11-30 10:00'));
    const reopened = reopenClock(met, moscow, tuesdayTen);
    expect(reopened).toMatchObject({
      state: 'running',
      elapsedMs: hours(1.5),
      runningSince: tuesdayTen,
      stoppedAt: null,
      breachedAt: null,
    });
    expect(plan(reopened)).toEqual({
      state: 'running',
      dueAt: msk('2026-12-01 12:30'),
      warnings: [
        [0.75, msk('2026-12-01 11:30')],
        [0.9, msk('2026-12-01 12:06')],
      ],
    });
  });

  it('keeps a recorded breach and announces nothing that was sent', () => {
    let clock = fridayClock();
    clock = markWarningFired(clock, 0.75, msk('2026-11-30 11:30'));
    clock = markWarningFired(clock, 0.9, msk('2026-11-30 12:06'));
    clock = markBreached(clock, msk('2026-11-30 12:30'));
    const reopened = reopenClock(
      stopClock(clock, moscow, msk('2026-11-30 14:00')),
      moscow,
      tuesdayTen,
    );
    expect(reopened).toMatchObject({
      state: 'running',
      elapsedMs: hours(5.5),
      dueAt: msk('2026-11-30 12:30'),
      breachedAt: msk('2026-11-30 12:30'),
    });
    expect(nextEventAt(reopened)).toBeNull();
    expect(remainingMs(reopened, moscow, msk('2026-12-01 11:00'))).toBe(-hours(2.5));
  });

  it('refuses to reopen before the clock stopped', () => {
    const met = stopClock(fridayClock(), moscow, msk('2026-11-30 10:00'));
    expect(() => reopenClock(met, moscow, msk('2026-11-30 09:30'))).toThrow(
      expect.objectContaining({ code: SlaErrorCode.ValidationFailed }),
    );
  });
});

describe('changing the target', () => {
  const mondayTen = msk('2026-11-30 10:00');

  it.each([
    [
      'raised to 8 h',
      { targetMs: hours(8) },
      '2026-11-30 16:30',
      ['2026-11-30 14:30', '2026-11-30 15:42'],
    ],
    [
      'lowered below the time counted',
      { targetMs: hours(1) },
      '2026-11-30 10:00',
      ['2026-11-30 10:00', '2026-11-30 10:00'],
    ],
    [
      'with other warnings',
      { targetMs: hours(4), warningThresholds: [0.5] },
      '2026-11-30 12:30',
      ['2026-11-30 10:30'],
    ],
  ])('%s keeps the 1.5 h counted and recomputes the due time', (_label, change, due, warnings) => {
    const changed = changeTarget(fridayClock(), moscow, mondayTen, change);
    expect(changed.elapsedMs).toBe(hours(1.5));
    expect(changed.dueAt).toEqual(msk(due));
    expect(changed.warnings.map((warning) => warning.dueAt)).toEqual(warnings.map(msk));
  });

  it('counts in a new calendar from the change', () => {
    const saturday = msk('2026-11-28 12:00');
    const changed = changeTarget(fridayClock(), moscow, saturday, {
      targetMs: hours(4),
      calendar: alwaysOn,
    });
    expect(changed).toMatchObject({ calendarId: 'always', elapsedMs: hours(0.5) });
    expect(changed.dueAt).toEqual(msk('2026-11-28 15:30'));
    expect(() => pauseClock(changed, moscow, msk('2026-11-28 13:00'))).toThrow(
      expect.objectContaining({ code: SlaErrorCode.ValidationFailed }),
    );
  });

  it('is due at once when lowered while paused', () => {
    const paused = pauseClock(fridayClock(), moscow, mondayTen);
    const changed = changeTarget(paused, moscow, msk('2026-11-30 11:00'), { targetMs: hours(1) });
    expect(changed.dueAt).toEqual(msk('2026-11-30 11:00'));
    expect(dueEvents(changed, msk('2026-11-30 11:00')).at(-1)).toEqual({
      kind: 'breach',
      dueAt: msk('2026-11-30 11:00'),
    });
  });

  it('sends a sent warning again only when the new target puts it back in the future', () => {
    const warned = markWarningFired(fridayClock(), 0.75, msk('2026-11-30 11:30'));
    const now = msk('2026-11-30 11:45');
    const raised = changeTarget(warned, moscow, now, { targetMs: hours(8) });
    expect(raised.warnings).toEqual([
      { threshold: 0.75, dueAt: msk('2026-11-30 14:30'), firedAt: null },
      { threshold: 0.9, dueAt: msk('2026-11-30 15:42'), firedAt: null },
    ]);
    const nudged = changeTarget(warned, moscow, now, { targetMs: hours(4.2) });
    expect(nudged.warnings[0]).toEqual(warned.warnings[0]);
  });

  it('never undoes a recorded breach', () => {
    const breached = markBreached(fridayClock(), msk('2026-11-30 12:30'));
    const raised = changeTarget(breached, moscow, msk('2026-11-30 13:00'), { targetMs: hours(8) });
    expect(raised).toMatchObject({
      dueAt: msk('2026-11-30 16:30'),
      breachedAt: msk('2026-11-30 12:30'),
    });
    expect(dueEvents(raised, msk('2026-11-30 16:30'))).toEqual([
      { kind: 'warning', threshold: 0.75, dueAt: msk('2026-11-30 14:30') },
      { kind: 'warning', threshold: 0.9, dueAt: msk('2026-11-30 15:42') },
    ]);
    expect(stopClock(raised, moscow, msk('2026-11-30 14:00')).state).toBe('breached');
  });
});

describe('events of a clock', () => {
  it.each<[string, ClockEvent[]]>([
    ['2026-11-30 11:29', []],
    ['2026-11-30 11:30', [{ kind: 'warning', threshold: 0.75, dueAt: msk('2026-11-30 11:30') }]],
    [
      '2026-11-30 15:00',
      [
        { kind: 'warning', threshold: 0.75, dueAt: msk('2026-11-30 11:30') },
        { kind: 'warning', threshold: 0.9, dueAt: msk('2026-11-30 12:06') },
        { kind: 'breach', dueAt: msk('2026-11-30 12:30') },
      ],
    ],
  ])('at %s, after a restart, are due: %j', (now, events) => {
    expect(dueEvents(fridayClock(), msk(now))).toEqual(events);
  });

  it('are announced in order, then none', () => {
    let clock = fridayClock();
    const announced: (Date | null)[] = [nextEventAt(clock)];
    clock = markWarningFired(clock, 0.75, msk('2026-11-30 11:30'));
    announced.push(nextEventAt(clock));
    clock = markWarningFired(clock, 0.9, msk('2026-11-30 12:06'));
    announced.push(nextEventAt(clock));
    clock = markBreached(clock, msk('2026-11-30 12:30'));
    announced.push(nextEventAt(clock));
    expect(announced).toEqual([
      msk('2026-11-30 11:30'),
      msk('2026-11-30 12:06'),
      msk('2026-11-30 12:30'),
      null,
    ]);
    expect(dueEvents(clock, msk('2026-12-31 00:00'))).toEqual([]);
  });

  it('has none pending while paused before they are reached, or once stopped', () => {
    expect(nextEventAt(pauseClock(fridayClock(), moscow, msk('2026-11-30 10:00')))).toBeNull();
    expect(nextEventAt(stopClock(fridayClock(), moscow, msk('2026-11-30 10:00')))).toBeNull();
    expect(
      dueEvents(stopClock(fridayClock(), moscow, msk('2026-11-30 14:00')), msk('2026-12-01 00:00')),
    ).toEqual([]);
  });

  it.each([
    [
      'a warning twice',
      (clock: SlaClock) =>
        markWarningFired(
          markWarningFired(clock, 0.75, msk('2026-11-30 11:30')),
          0.75,
          msk('2026-11-30 11:31'),
        ),
      SlaErrorCode.InvalidTransition,
    ],
    [
      'a warning before it is due',
      (clock: SlaClock) => markWarningFired(clock, 0.9, msk('2026-11-30 11:30')),
      SlaErrorCode.InvalidTransition,
    ],
    [
      'a warning the clock does not have',
      (clock: SlaClock) => markWarningFired(clock, 0.5, msk('2026-11-30 15:00')),
      SlaErrorCode.ValidationFailed,
    ],
    [
      'a breach twice',
      (clock: SlaClock) =>
        markBreached(markBreached(clock, msk('2026-11-30 12:30')), msk('2026-11-30 12:31')),
      SlaErrorCode.InvalidTransition,
    ],
    [
      'a breach before it is due',
      (clock: SlaClock) => markBreached(clock, msk('2026-11-30 12:29')),
      SlaErrorCode.InvalidTransition,
    ],
    [
      'a breach of a stopped clock',
      (clock: SlaClock) =>
        markBreached(stopClock(clock, moscow, msk('2026-11-30 14:00')), msk('2026-11-30 14:00')),
      SlaErrorCode.InvalidTransition,
    ],
  ])('refuses to record %s', (_label, record, code) => {
    expect(() => record(fridayClock())).toThrow(expect.objectContaining({ code }));
  });

  it('fires each event once however often a scheduler polls or restarts', () => {
    let clock = fridayClock();
    const fired: string[] = [];
    const poll = (now: Date) => {
      for (const event of dueEvents(clock, now)) {
        fired.push(event.kind === 'warning' ? `warning ${event.threshold}` : 'breach');
        clock =
          event.kind === 'warning'
            ? markWarningFired(clock, event.threshold, now)
            : markBreached(clock, now);
      }
    };
    const start = msk('2026-11-27 17:30').getTime();
    for (let minute = 0; minute < 4 * 24 * 60; minute += 5) {
      const now = new Date(start + minute * MINUTE_MS);
      // A pause of one business hour on Monday, and a scheduler that restarts and polls twice.
      if (now.getTime() === msk('2026-11-30 10:00').getTime())
        clock = pauseClock(clock, moscow, now);
      if (now.getTime() === msk('2026-11-30 11:00').getTime())
        clock = resumeClock(clock, moscow, now);
      poll(now);
      poll(now);
    }
    expect(fired).toEqual(['warning 0.75', 'warning 0.9', 'breach']);
    expect(clock.breachedAt).toEqual(msk('2026-11-30 13:30'));
    expect(elapsedMsAt(clock, moscow, msk('2026-11-30 13:30'))).toBe(hours(4));
  });
});
