import { type PipelineState, topicLag, waitForQuietPipeline } from './pipeline';

describe('topicLag', () => {
  const ends = [
    { partition: 0, offset: '120', low: '0' },
    { partition: 1, offset: '80', low: '10' },
  ];

  it('adds what each partition holds beyond the committed offset', () => {
    expect(
      topicLag(ends, [
        { partition: 0, offset: '100' },
        { partition: 1, offset: '80' },
      ]),
    ).toBe(20);
  });

  it('counts a partition without a committed offset from its start', () => {
    expect(topicLag(ends, [{ partition: 0, offset: '-1' }])).toBe(120 + 70);
  });

  it('is 0 when the group is at the end', () => {
    expect(
      topicLag(ends, [
        { partition: 0, offset: '120' },
        { partition: 1, offset: '80' },
      ]),
    ).toBe(0);
  });
});

/** A probe answering the given states in turn, the last one from then on. */
const probeOf = (...states: PipelineState[]) => {
  let look = 0;
  return { state: async () => states[Math.min(look++, states.length - 1)] as PipelineState };
};
const busy = (ends: number): PipelineState => ({ outbox: 3, lag: 2, ends });
const quiet = (ends: number): PipelineState => ({ outbox: 0, lag: 0, ends });

describe('waitForQuietPipeline', () => {
  it('returns once two looks in a row find nothing waiting and nothing written', async () => {
    const probe = probeOf(busy(1), busy(2), quiet(3), quiet(3));
    await expect(waitForQuietPipeline(probe, { timeoutMs: 5000, intervalMs: 1 })).resolves.toEqual(
      expect.any(Number),
    );
  });

  it('keeps waiting while events are still being written, however briefly quiet', async () => {
    const states = [quiet(1), quiet(2), busy(2), quiet(3), quiet(3)];
    let looks = 0;
    const probe = {
      state: async () => states[Math.min(looks++, states.length - 1)] as PipelineState,
    };
    await waitForQuietPipeline(probe, { timeoutMs: 5000, intervalMs: 1 });
    expect(looks).toBe(5);
  });

  it('fails with what is still waiting once the time is up', async () => {
    await expect(
      waitForQuietPipeline(probeOf(busy(1)), { timeoutMs: 5, intervalMs: 2 }),
    ).rejects.toThrow('3 events in outboxes, 2 not yet consumed');
  });
});
