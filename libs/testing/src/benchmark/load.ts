import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  /** Operations to run in total. */
  count: number;
  /** Operations in flight at any time. */
  concurrency: number;
  /** No new operation starts after this long; the run then reports it did not finish. */
  timeoutMs: number;
}

export interface LoadResult {
  /** Latency of operation i at index i; NaN where it failed or never ran. */
  latenciesMs: number[];
  failures: number;
  /** The first failure's message, to say why a run failed. */
  firstFailure: string | undefined;
  elapsedMs: number;
  /** False when the time ran out before every operation started. */
  finished: boolean;
}

/**
 * Runs `operation` for indexes 0..count-1 with `concurrency` in flight (closed loop: a worker
 * starts the next operation when its previous one ended), timing each one. Latencies stay at
 * their index, so they map back to what each operation did.
 */
export async function runLoad(
  { count, concurrency, timeoutMs }: LoadOptions,
  operation: (index: number) => Promise<void>,
): Promise<LoadResult> {
  const latenciesMs = new Array<number>(count).fill(Number.NaN);
  let failures = 0;
  let firstFailure: string | undefined;
  let next = 0;
  const started = performance.now();
  const deadline = started + timeoutMs;

  const worker = async (): Promise<void> => {
    while (next < count && performance.now() < deadline) {
      const index = next++;
      const begin = performance.now();
      try {
        await operation(index);
        latenciesMs[index] = performance.now() - begin;
      } catch (error) {
        failures += 1;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    }
  };

  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
  return {
    latenciesMs,
    failures,
    firstFailure,
    elapsedMs: performance.now() - started,
    finished: next >= count,
  };
}
