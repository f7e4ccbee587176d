import type { ListedSlaClock } from '../api/types';

export type RiskLevel = 'warning' | 'breached';

export interface RiskReading {
  level: RiskLevel;
  /** Wall time until the due instant; negative once it has passed. */
  remainingMs: number;
}

/**
 * Where a listed clock stands at `now`. A clock at risk whose due instant passes between two
 * refreshes shows as breached at once rather than counting down below zero.
 */
export function readRisk(
  clock: Pick<ListedSlaClock, 'dueAt' | 'breachedAt'>,
  now: Date,
): RiskReading {
  const remainingMs = new Date(clock.dueAt).getTime() - now.getTime();
  return {
    level: clock.breachedAt !== null || remainingMs <= 0 ? 'breached' : 'warning',
    remainingMs,
  };
}

/** Tickets of the listed clocks whose titles are not known yet, each once. */
export function ticketsToName(
  clocks: readonly Pick<ListedSlaClock, 'ticketId'>[],
  known: ReadonlyMap<string, unknown>,
): string[] {
  return [...new Set(clocks.map((clock) => clock.ticketId))].filter((id) => !known.has(id));
}

/** How many clocks of a condition the panel does not show. */
export function notShown(total: number, shown: number): number {
  return Math.max(0, total - shown);
}
