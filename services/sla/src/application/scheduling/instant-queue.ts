/**
 * Instants (epoch ms) the scheduler waits for, earliest first, each kept once: a binary
 * min-heap, so taking the next instant and adding one are O(log n) however many are queued.
 */
export class InstantQueue {
  private readonly heap: number[] = [];
  private readonly members = new Set<number>();

  get size(): number {
    return this.heap.length;
  }

  /** Adds an instant; false when it is already queued. */
  push(instant: number): boolean {
    if (this.members.has(instant)) return false;
    this.members.add(instant);
    this.heap.push(instant);
    this.siftUp(this.heap.length - 1);
    return true;
  }

  peek(): number | undefined {
    return this.heap[0];
  }

  /** Removes and returns every instant at or before `instant`, earliest first. */
  popUntil(instant: number): number[] {
    const popped: number[] = [];
    for (let next = this.peek(); next !== undefined && next <= instant; next = this.peek()) {
      popped.push(this.pop());
    }
    return popped;
  }

  private pop(): number {
    const top = this.heap[0] as number;
    const last = this.heap.pop() as number;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
    this.members.delete(top);
    return top;
  }

  private siftUp(start: number): void {
    let index = start;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.at(parent) <= this.at(index)) return;
      this.swap(parent, index);
      index = parent;
    }
  }

  private siftDown(start: number): void {
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < this.heap.length && this.at(left) < this.at(smallest)) smallest = left;
      if (right < this.heap.length && this.at(right) < this.at(smallest)) smallest = right;
      if (smallest === index) return;
      this.swap(smallest, index);
      index = smallest;
    }
  }

  private at(index: number): number {
    return this.heap[index] as number;
  }

  private swap(a: number, b: number): void {
    const value = this.at(a);
    this.heap[a] = this.at(b);
    this.heap[b] = value;
  }
}
