import { InstantQueue } from './instant-queue';

describe('the instant queue', () => {
  it('gives instants back earliest first, each once', () => {
    const queue = new InstantQueue();
    for (const instant of [50, 10, 40, 10, 30, 20, 50]) queue.push(instant);
    expect(queue.size).toBe(5);
    expect(queue.peek()).toBe(10);
    expect(queue.popUntil(35)).toEqual([10, 20, 30]);
    expect(queue.popUntil(35)).toEqual([]);
    expect(queue.popUntil(Number.MAX_SAFE_INTEGER)).toEqual([40, 50]);
    expect(queue.peek()).toBeUndefined();
  });

  it('takes an instant again once it was popped', () => {
    const queue = new InstantQueue();
    expect(queue.push(7)).toBe(true);
    expect(queue.push(7)).toBe(false);
    queue.popUntil(7);
    expect(queue.push(7)).toBe(true);
  });

  it('stays ordered under many random pushes and pops', () => {
    const queue = new InstantQueue();
    const reference = new Set<number>();
    const expected: number[][] = [];
    const popped: number[][] = [];
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % 10_000;
    for (let round = 0; round < 2_000; round++) {
      const instant = random();
      queue.push(instant);
      reference.add(instant);
      if (round % 7 !== 0) continue;
      const until = random();
      const due = [...reference].filter((value) => value <= until).sort((a, b) => a - b);
      due.forEach((value) => reference.delete(value));
      expected.push(due);
      popped.push(queue.popUntil(until));
    }
    expect(popped).toEqual(expected);
    expect(queue.size).toBe(reference.size);
  });
});
