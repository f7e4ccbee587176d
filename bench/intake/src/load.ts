import { performance } from 'node:perf_hooks';

export interface LoadOptions {
  /** Operations to run in total. */
  count: number;
  /** Operations in flight at any time. */
  concurrency: number;
  /** No new operation starts after this long; the run then reports fewer completions. */
  timeoutMs: number;
}

export interface LoadResult {
  /** Latency of every successful operation, in completion order. */
  latenciesMs: number[];
  failures: number;
  /** The first failure's message, to say why a run failed. */
  firstFailure: string | undefined;
  /** Wall-clock time from the first start to the last completion. */
  elapsedMs: number;
  /** False when the time ran out before every operation started. */
  finished: boolean;
}

/**
 * Runs `operation` `count` times with exactly `concurrency` in flight (closed loop: each
 * worker starts the next operation when its previous one ends), timing each one.
 */
export async function runLoad(
  { count, concurrency, timeoutMs }: LoadOptions,
  operation: (index: number) => Promise<void>,
): Promise<LoadResult> {
  const latenciesMs: number[] = [];
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
        latenciesMs.push(performance.now() - begin);
      } catch (error) {
        failures += 1;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    }
  };

  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return {
    latenciesMs,
    failures,
    firstFailure,
    elapsedMs: performance.now() - started,
    finished: next >= count,
  };
}
