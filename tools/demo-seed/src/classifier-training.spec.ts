import {
  type ClassifierTraining,
  type Clock,
  formatClassifierTraining,
  trainOnSettledHistory,
} from './classifier-training';
import type { ClassifierModelRecord } from './gateway-api';
import { ApiProblemError } from './gateway-client';

/** A clock that only moves when the wait sleeps. */
class ManualClock implements Clock {
  at = 0;
  now(): number {
    return this.at;
  }
  async sleep(ms: number): Promise<void> {
    this.at += ms;
  }
}

function model(trainedOn: number, heldOut: number): ClassifierModelRecord {
  const accuracy = (correct: number) => ({
    accuracy: heldOut === 0 ? 0 : correct / heldOut,
    evaluated: heldOut,
    correct,
  });
  return {
    id: `model-${trainedOn}`,
    trainedAt: '2025-03-12T09:41:00.000Z',
    trainedOn,
    heldOut,
    categoryAccuracy: accuracy(Math.round(heldOut * 0.81)),
    groupAccuracy: accuracy(Math.round(heldOut * 0.77)),
    categories: 16,
    groups: 6,
  };
}

/** One answer of the training endpoint: a model, or the status of a refusal. */
type Answer = ClassifierModelRecord | 409 | 503 | 500;

/** Answers trainings in turn, the last answer for ever after; records when each came. */
function trainingApi(answers: readonly Answer[], clock: ManualClock) {
  const at: number[] = [];
  return {
    at,
    trainClassifier: async (body: { actorId: string }) => {
      expect(body).toEqual({ actorId: 'mgr-it-01' });
      at.push(clock.now());
      const answer = answers[Math.min(at.length, answers.length) - 1];
      if (answer === undefined) throw new Error('no answer');
      if (typeof answer === 'number') {
        throw new ApiProblemError(answer, undefined, `${answer}: history ${at.length}`);
      }
      return answer;
    },
  };
}

async function train(answers: readonly Answer[]) {
  const clock = new ManualClock();
  const api = trainingApi(answers, clock);
  const training = await trainOnSettledHistory(api, {
    actorId: 'mgr-it-01',
    intervalMs: 2_000,
    timeoutMs: 90_000,
    clock,
  });
  return { training, at: api.at };
}

describe('trainOnSettledHistory', () => {
  const settled = model(200, 50);

  it.each<[string, Answer[], number, ClassifierTraining]>([
    [
      'trains twice when the history is complete already',
      [settled, settled],
      2,
      { status: 'trained', model: settled },
    ],
    [
      'waits out too little history, then until it stops growing',
      [409, 503, 409, model(16, 4), model(120, 30), settled, settled],
      7,
      { status: 'trained', model: settled },
    ],
    [
      'keeps the last model when the history still grows at the end',
      [...Array.from({ length: 60 }, (_, index) => model(20 + index, 5))],
      46,
      { status: 'trained', model: model(65, 5), note: 'the history was still growing after 90 s' },
    ],
    [
      'keeps the last model when retraining is refused at the end',
      [model(100, 25), 503],
      46,
      {
        status: 'trained',
        model: model(100, 25),
        note: 'retraining still refused after 90 s: 503: history 46',
      },
    ],
    [
      'gives up after the wait when the history stays too little',
      [409],
      46,
      { status: 'not-trained', note: 'not trained after 90 s: 409: history 46' },
    ],
    [
      'does not retry an answer that retrying will not change',
      [500],
      1,
      { status: 'not-trained', note: 'training failed: 500: history 1' },
    ],
    [
      'keeps the model it has when a later training fails',
      [model(100, 25), 500],
      2,
      { status: 'trained', model: model(100, 25), note: 'training failed: 500: history 2' },
    ],
  ])('%s', async (_, answers, trainings, expected) => {
    const { training, at } = await train(answers);
    expect(training).toEqual(expected);
    expect(at).toEqual(Array.from({ length: trainings }, (__, index) => index * 2_000));
  });

  it('takes a smaller history as settled (older tickets fell out), not as growing', async () => {
    const { training, at } = await train([model(200, 50), model(199, 50)]);
    expect(training).toEqual({ status: 'trained', model: model(199, 50) });
    expect(at).toEqual([0, 2_000]);
  });
});

describe('formatClassifierTraining', () => {
  it('prints both held-out accuracies, and why the model may be partial', () => {
    expect(formatClassifierTraining({ status: 'trained', model: model(260, 64) })).toBe(
      'classifier: trained on 260, held out 64; category 81 % (52/64), group 77 % (49/64)',
    );
    expect(
      formatClassifierTraining({
        status: 'trained',
        model: model(20, 0),
        note: 'the history was still growing after 90 s',
      }),
    ).toBe(
      'classifier: trained on 20, held out 0 (the history was still growing after 90 s); ' +
        'category n/a (0/0), group n/a (0/0)',
    );
    expect(
      formatClassifierTraining({ status: 'not-trained', note: 'not trained after 90 s: 409' }),
    ).toBe('classifier: not trained after 90 s: 409');
  });
});
