import { headlineClock, readClock, type SlaClock } from './sla';

const HOUR = 3_600_000;
const now = new Date('2026-03-14T12:00:00Z');

function clock(overrides: Partial<SlaClock>): SlaClock {
  return {
    target: 'resolution',
    state: 'running',
    dueAt: '2026-03-14T20:00:00Z',
    targetMs: 16 * HOUR,
    elapsedMs: 8 * HOUR,
    remainingMs: 8 * HOUR,
    warnings: [{ threshold: 0.75, dueAt: '2026-03-14T16:00:00Z', firedAt: null }],
    ...overrides,
  };
}

describe('readClock', () => {
  it.each<[string, Partial<SlaClock>, ReturnType<typeof readClock>]>([
    ['a running clock well before its warning', {}, { level: 'ok', remainingMs: 8 * HOUR }],
    [
      'a running clock past its warning instant',
      { warnings: [{ threshold: 0.75, dueAt: '2026-03-14T11:00:00Z', firedAt: null }] },
      { level: 'warning', remainingMs: 8 * HOUR },
    ],
    [
      'a running clock whose warning fired',
      { warnings: [{ threshold: 0.75, dueAt: null, firedAt: '2026-03-14T11:00:00Z' }] },
      { level: 'warning', remainingMs: 8 * HOUR },
    ],
    [
      'a clock without warnings in its last quarter',
      { warnings: [], dueAt: '2026-03-14T15:00:00Z' },
      { level: 'warning', remainingMs: 3 * HOUR },
    ],
    [
      'a running clock past its due time (the breach event is not in yet)',
      { dueAt: '2026-03-14T11:30:00Z' },
      { level: 'breached', remainingMs: -0.5 * HOUR },
    ],
    [
      'a breached clock',
      { state: 'breached', dueAt: '2026-03-14T10:00:00Z' },
      { level: 'breached', remainingMs: -2 * HOUR },
    ],
    ['a met clock', { state: 'met' }, { level: 'met', remainingMs: null }],
    [
      'a paused clock keeps its business time left',
      { state: 'paused', dueAt: null, remainingMs: 5 * HOUR },
      { level: 'paused', remainingMs: 5 * HOUR },
    ],
    ['a cancelled clock', { state: 'cancelled' }, { level: 'cancelled', remainingMs: null }],
  ])('%s', (_what, overrides, expected) => {
    expect(readClock(clock(overrides), now)).toEqual(expected);
  });

  it('counts down between refreshes by the wall clock', () => {
    const later = new Date(now.getTime() + 90_000);
    expect(readClock(clock({}), later).remainingMs).toBe(8 * HOUR - 90_000);
  });
});

describe('headlineClock', () => {
  it('prefers the resolution clock, else the first running one', () => {
    const response = clock({ target: 'first_response' });
    const resolution = clock({ target: 'resolution' });
    expect(headlineClock([response, resolution])).toBe(resolution);
    expect(headlineClock([response])).toBe(response);
    expect(headlineClock([clock({ state: 'cancelled' })])).toBeUndefined();
  });
});
