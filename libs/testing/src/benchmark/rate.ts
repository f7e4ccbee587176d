import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadResult } from './load';

export interface RateOptions {
  /** Operations to run in total. */
  count: number;
  /** Operations started per second, whatever the answers take (open loop). */
  ratePerSecond: number;
  /** Operations still unanswered this long after the last start fail the run. */
  timeoutMs: number;
}

export interface RateResult extends LoadResult {
  /** Operations started more than 10 ms after their slot: the client could not keep the rate. */
  lateStarts: number;
}

const LATE_MS = 10;

/**
 * Starts operation i at `i / ratePerSecond` seconds, without waiting for earlier ones (open
 * loop), and times it from its slot, not from when it actually started: a slow answer that
 * delays later starts is counted against them too, so latencies are not flattered when the
 * system falls behind (no coordinated omission).
 */
export async function runAtRate(
  { count, ratePerSecond, timeoutMs }: RateOptions,
  operation: (index: number) => Promise<void>,
): Promise<RateResult> {
  if (!(ratePerSecond > 0)) throw new RangeError(`rate must be positive, got ${ratePerSecond}`);
  const latenciesMs = new Array<number>(count).fill(Number.NaN);
  const intervalMs = 1000 / ratePerSecond;
  let failures = 0;
  let firstFailure: string | undefined;
  let lateStarts = 0;
  const started = performance.now();
  const running: Promise<void>[] = [];

  for (let index = 0; index < count; index += 1) {
    const slot = started + index * intervalMs;
    const wait = slot - performance.now();
    if (wait > 1) await sleep(wait);
    if (performance.now() - slot > LATE_MS) lateStarts += 1;
    running.push(
      operation(index).then(
        () => {
          latenciesMs[index] = performance.now() - slot;
        },
        (error: unknown) => {
          failures += 1;
          firstFailure ??= error instanceof Error ? error.message : String(error);
        },
      ),
    );
  }
  const timer = new AbortController();
  const finished = await Promise.race([
    Promise.all(running).then(() => true),
    sleep(timeoutMs, false, { signal: timer.signal }).catch(() => false),
  ]);
  // The pending timeout would otherwise keep the process alive for its whole length.
  timer.abort();
  return {
    latenciesMs,
    failures,
    firstFailure,
    elapsedMs: performance.now() - started,
    finished,
    lateStarts,
  };
}
