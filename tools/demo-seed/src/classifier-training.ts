import { setTimeout as sleep } from 'node:timers/promises';
import type { ClassifierAccuracy, ClassifierModelRecord } from './gateway-api';
import { ApiProblemError, type RoutingApi } from './gateway-client';

/** The time the wait reads and passes; tests move it by hand. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: Clock = { now: () => Date.now(), sleep: (ms) => sleep(ms) };

export interface TrainingOptions {
  /** Who trains the model. */
  actorId: string;
  /** Between two trainings: the gateway's Retry-After for 503. */
  intervalMs: number;
  /** How long the history may take to settle. */
  timeoutMs: number;
  clock: Clock;
}

/**
 * `trained`: the model now in use; `note` says why it may not have seen the whole history (absent
 * when two trainings in a row saw the same).
 */
export type ClassifierTraining =
  | { status: 'trained'; model: ClassifierModelRecord; note?: string }
  | { status: 'not-trained'; note: string };

/** Resolved tickets with a category or group a model saw: learned from and held out. */
function historyOf(model: ClassifierModelRecord): number {
  return model.trainedOn + model.heldOut;
}

/** 409: too little history yet; 503: routing is busy starting or catching up. */
function isWorthRetrying(error: unknown): boolean {
  return error instanceof ApiProblemError && (error.status === 409 || error.status === 503);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Trains the classifier once routing has taken in the tickets' history. Routing learns from the
 * tickets' events asynchronously, so right after seeding it has seen only part of them: training
 * is repeated every interval while it is refused for too little history (409) or while the history
 * a model saw still grows from one training to the next, up to the timeout. The last model is the
 * one in use. Failing to train is reported, not thrown: the demo is whole without a classifier.
 */
export async function trainOnSettledHistory(
  api: Pick<RoutingApi, 'trainClassifier'>,
  options: TrainingOptions,
): Promise<ClassifierTraining> {
  const { clock, intervalMs, timeoutMs } = options;
  const deadline = clock.now() + timeoutMs;
  let model: ClassifierModelRecord | undefined;
  let refusal = '';
  for (;;) {
    try {
      const trained = await api.trainClassifier({ actorId: options.actorId });
      const settled = model !== undefined && historyOf(trained) <= historyOf(model);
      model = trained;
      refusal = '';
      if (settled) return { status: 'trained', model };
    } catch (error) {
      if (!isWorthRetrying(error)) {
        const note = `training failed: ${messageOf(error)}`;
        return model ? { status: 'trained', model, note } : { status: 'not-trained', note };
      }
      refusal = messageOf(error);
    }
    if (clock.now() >= deadline) break;
    await clock.sleep(intervalMs);
  }
  const waited = `after ${Math.round(timeoutMs / 1000)} s`;
  if (!model) return { status: 'not-trained', note: `not trained ${waited}: ${refusal}` };
  const note = refusal
    ? `retraining still refused ${waited}: ${refusal}`
    : `the history was still growing ${waited}`;
  return { status: 'trained', model, note };
}

function accuracyText(accuracy: ClassifierAccuracy): string {
  const share = accuracy.evaluated === 0 ? 'n/a' : `${Math.round(accuracy.accuracy * 100)} %`;
  return `${share} (${accuracy.correct}/${accuracy.evaluated})`;
}

/** "classifier: trained on 260, held out 64; category 81 % (52/64), group 77 % (49/64)". */
export function formatClassifierTraining(training: ClassifierTraining): string {
  if (training.status === 'not-trained') return `classifier: ${training.note}`;
  const { model, note } = training;
  return (
    `classifier: trained on ${model.trainedOn}, held out ${model.heldOut}` +
    `${note === undefined ? '' : ` (${note})`}; ` +
    `category ${accuracyText(model.categoryAccuracy)}, group ${accuracyText(model.groupAccuracy)}`
  );
}
