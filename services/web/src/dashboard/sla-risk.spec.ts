import { notShown, readRisk, ticketsToName } from './sla-risk';

const now = new Date('2026-03-14T12:00:00Z');

describe('readRisk', () => {
  it.each([
    [
      'a warned clock still counting down',
      { dueAt: '2026-03-14T12:30:00Z', breachedAt: null },
      { level: 'warning', remainingMs: 30 * 60_000 },
    ],
    [
      'a warned clock whose due instant passed since the last refresh',
      { dueAt: '2026-03-14T11:59:00Z', breachedAt: null },
      { level: 'breached', remainingMs: -60_000 },
    ],
    [
      'a breached clock',
      { dueAt: '2026-03-14T09:00:00Z', breachedAt: '2026-03-14T09:00:00Z' },
      { level: 'breached', remainingMs: -3 * 3_600_000 },
    ],
    [
      'a clock breached though its due instant moved later',
      { dueAt: '2026-03-14T13:00:00Z', breachedAt: '2026-03-14T09:00:00Z' },
      { level: 'breached', remainingMs: 3_600_000 },
    ],
  ])('reads %s', (_label, clock, reading) => {
    expect(readRisk(clock, now)).toEqual(reading);
  });
});

describe('ticketsToName', () => {
  it('asks for each unnamed ticket once, in list order', () => {
    const clocks = [{ ticketId: 'a' }, { ticketId: 'b' }, { ticketId: 'a' }, { ticketId: 'c' }];
    expect(ticketsToName(clocks, new Map([['b', 'Printer jams']]))).toEqual(['a', 'c']);
  });
});

describe('notShown', () => {
  it.each([
    [30, 10, 20],
    [3, 3, 0],
    // A count read a moment before the page can be smaller than it.
    [2, 3, 0],
  ])('of %i clocks with %i shown is %i', (total, shown, hidden) => {
    expect(notShown(total, shown)).toBe(hidden);
  });
});
