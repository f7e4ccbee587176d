import type { AttemptOutcome, ClaimedDelivery } from './delivery-queue';

export type ObservedOutcome = AttemptOutcome['outcome'] | 'dead';

/** Watches sends: traces each in the trace of its event, counts outcomes. */
export interface DeliveryObserver {
  observe<T>(delivery: ClaimedDelivery, send: () => Promise<T>): Promise<T>;
  recorded(delivery: ClaimedDelivery, outcome: ObservedOutcome, durationMs: number): void;
}

export const unobserved: DeliveryObserver = {
  observe: (_delivery, send) => send(),
  recorded: () => undefined,
};
