import type { DispatchDeliveriesUseCase } from './dispatch-deliveries.use-case';

export interface DispatcherLogger {
  error(object: Record<string, unknown>, message: string): void;
}

/**
 * Sends due deliveries until none is left, then looks again after `pollMs`. Every replica
 * runs one; the queue's leases keep them from sending the same message.
 */
export class DeliveryDispatcher {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly dispatch: DispatchDeliveriesUseCase,
    private readonly logger: DispatcherLogger,
    private readonly options: { pollMs: number; batchSize: number },
    /** Work besides sending that runs on each look, e.g. composing digests. */
    private readonly periodic: () => Promise<unknown> = async () => undefined,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        await this.periodic();
        claimed = await this.dispatch.dispatchBatch();
      } catch (error) {
        this.logger.error(
          { reason: error instanceof Error ? error.message : String(error) },
          'delivery dispatch failed; trying again',
        );
      }
      if (claimed < this.options.batchSize) await this.pause();
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.pollMs);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      function done() {
        resolve();
      }
      this.wake = wake;
    });
  }
}

/** Runs `work` at most once per `intervalMs`; calls in between return at once. */
export function atMostEvery(
  intervalMs: number,
  work: () => Promise<unknown>,
  now: () => number = Date.now,
): () => Promise<unknown> {
  let next = 0;
  return async () => {
    if (now() < next) return undefined;
    next = now() + intervalMs;
    return work();
  };
}
