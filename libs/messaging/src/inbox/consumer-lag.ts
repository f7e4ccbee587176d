/** How far one partition's consumer is behind the end of the partition. */
export interface PartitionLag {
  topic: string;
  partition: number;
  /** Messages written to the partition and not yet processed by this consumer. */
  messages: number;
}

interface PartitionPosition {
  topic: string;
  partition: number;
  /** Offset the next message written to the partition gets, as of the last fetch. */
  highWatermark: bigint | undefined;
  /** Offset of the next message this consumer processes. */
  next: bigint | undefined;
}

/**
 * Consumer lag per partition, kept as messages flow instead of asked of the brokers: each fetched
 * batch tells where its partition ends (the high watermark) and each processed message moves the
 * position past it. Offsets are 64-bit, so they are compared as bigints.
 *
 * A partition that a rebalance gives to another member (or every partition, when the consumer
 * stops) stays listed at 0: the metrics SDK keeps exporting the last value of a series nobody
 * observes any more, so dropping it would freeze its last lag, while 0 from this member and the
 * real lag from the new owner add up right. A partition nothing was fetched from yet is not listed.
 */
export class ConsumerLag {
  private readonly partitions = new Map<string, PartitionPosition>();

  /** A batch was fetched: the partition now ends at `highWatermark`; the batch starts at `firstOffset`. */
  fetched(
    topic: string,
    partition: number,
    highWatermark: string,
    firstOffset: string | null,
  ): void {
    const position = this.position(topic, partition);
    position.highWatermark = BigInt(highWatermark);
    if (firstOffset !== null) position.next = BigInt(firstOffset);
  }

  /** A message was handled (applied, already applied, or skipped): the position moves past it. */
  processed(topic: string, partition: number, offset: string): void {
    this.position(topic, partition).next = BigInt(offset) + 1n;
  }

  /** After a rebalance: the partitions this member was not given are no longer its to report. */
  assigned(assignment: Readonly<Record<string, readonly number[]>>): void {
    for (const position of this.partitions.values()) {
      if (!assignment[position.topic]?.includes(position.partition)) forget(position);
    }
  }

  /** The consumer stopped: it reads nothing, so it is behind on nothing. */
  clear(): void {
    for (const position of this.partitions.values()) forget(position);
  }

  /** The lag of each partition this member has read; 0 where its end or position is unknown. */
  current(): PartitionLag[] {
    return [...this.partitions.values()].map(({ topic, partition, highWatermark, next }) => {
      const behind = highWatermark === undefined || next === undefined ? 0n : highWatermark - next;
      return { topic, partition, messages: behind > 0n ? Number(behind) : 0 };
    });
  }

  private position(topic: string, partition: number): PartitionPosition {
    const key = `${topic}\u0000${partition}`;
    let position = this.partitions.get(key);
    if (!position) {
      position = { topic, partition, highWatermark: undefined, next: undefined };
      this.partitions.set(key, position);
    }
    return position;
  }
}

function forget(position: PartitionPosition): void {
  position.highWatermark = undefined;
  position.next = undefined;
}
