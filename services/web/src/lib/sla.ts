/** The parts of an SLA clock the web app reads (GET /api/v1/tickets/{id}/sla). */
export interface SlaClock {
  target: 'first_response' | 'resolution' | 'ola';
  state: 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
  dueAt: string | null;
  targetMs: number;
  elapsedMs: number;
  remainingMs: number;
  warnings: { threshold: number; dueAt: string | null; firedAt: string | null }[];
}

export type SlaLevel = 'ok' | 'warning' | 'breached' | 'met' | 'paused' | 'cancelled';

export interface SlaReading {
  level: SlaLevel;
  /** Wall time until the due instant (negative once past); null when no instant applies. */
  remainingMs: number | null;
}

/** Share of the target left under which a clock shows as a warning if none was configured. */
const DEFAULT_WARNING_SHARE = 0.25;

/**
 * Where a clock stands at `now`. `dueAt` already folds the business calendar in, so the
 * wall time until it is exactly what is left; between refreshes it counts down by itself.
 */
export function readClock(clock: SlaClock, now: Date): SlaReading {
  switch (clock.state) {
    case 'met':
      return { level: 'met', remainingMs: null };
    case 'cancelled':
      return { level: 'cancelled', remainingMs: null };
    case 'paused':
      return { level: 'paused', remainingMs: clock.remainingMs };
    case 'breached':
      return {
        level: 'breached',
        remainingMs: clock.dueAt ? new Date(clock.dueAt).getTime() - now.getTime() : null,
      };
    case 'running': {
      if (!clock.dueAt) return { level: 'ok', remainingMs: clock.remainingMs };
      const remainingMs = new Date(clock.dueAt).getTime() - now.getTime();
      if (remainingMs <= 0) return { level: 'breached', remainingMs };
      const warned = clock.warnings.some(
        (warning) =>
          warning.firedAt !== null ||
          (warning.dueAt !== null && new Date(warning.dueAt).getTime() <= now.getTime()),
      );
      const share = clock.targetMs > 0 ? remainingMs / clock.targetMs : 1;
      const level =
        warned || (clock.warnings.length === 0 && share <= DEFAULT_WARNING_SHARE)
          ? 'warning'
          : 'ok';
      return { level, remainingMs };
    }
    default:
      return clock.state satisfies never;
  }
}

/** The clock a requester cares about: resolution, else the first one that runs. */
export function headlineClock<T extends SlaClock>(clocks: readonly T[]): T | undefined {
  return (
    clocks.find((clock) => clock.target === 'resolution' && clock.state !== 'cancelled') ??
    clocks.find((clock) => clock.state === 'running')
  );
}
