import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestDatabase } from '@itsm/testing';
import type { Admin } from 'kafkajs';

/** A consumer group of the platform and the topics it reads. */
export interface ConsumerPosition {
  groupId: string;
  topics: readonly string[];
}

interface PartitionOffset {
  partition: number;
  offset: string;
}

/**
 * Messages of one topic a group has not processed: per partition, its end minus the group's
 * committed offset. A partition without a committed offset (`-1`) counts from its start.
 */
export function topicLag(
  ends: readonly (PartitionOffset & { low?: string })[],
  committed: readonly PartitionOffset[],
): number {
  let lag = 0;
  for (const end of ends) {
    const position = committed.find((entry) => entry.partition === end.partition);
    const next =
      position && Number(position.offset) >= 0 ? Number(position.offset) : Number(end.low ?? 0);
    lag += Math.max(0, Number(end.offset) - next);
  }
  return lag;
}

/** Where the event pipeline of a platform stands. */
export interface PipelineState {
  /** Events waiting in the outboxes of every service. */
  outbox: number;
  /** Events on Kafka that a consumer of the platform has not processed. */
  lag: number;
  /** The sum of the ends of the topics read, to see whether anything was written since. */
  ends: number;
}

/**
 * Reads the outboxes of the platform's databases and its consumer groups' lag: the pipeline
 * after a ticket is opened (relay → Kafka → SLA and routing → routing's assignment back to
 * tickets → …) is quiet when both are zero.
 */
export class PipelineProbe {
  constructor(
    private readonly admin: Admin,
    private readonly databases: readonly TestDatabase[],
    private readonly consumers: readonly ConsumerPosition[],
  ) {}

  async state(): Promise<PipelineState> {
    let outbox = 0;
    for (const database of this.databases) {
      const [row] = await database.query<{ waiting: number }>(
        'SELECT count(*)::int AS waiting FROM outbox_events',
      );
      outbox += row?.waiting ?? 0;
    }
    const topics = [...new Set(this.consumers.flatMap((consumer) => consumer.topics))];
    const endsOf = new Map(
      await Promise.all(
        topics.map(async (topic) => [topic, await this.admin.fetchTopicOffsets(topic)] as const),
      ),
    );
    let lag = 0;
    for (const consumer of this.consumers) {
      const committed = await this.admin.fetchOffsets({
        groupId: consumer.groupId,
        topics: [...consumer.topics],
      });
      for (const { topic, partitions } of committed)
        lag += topicLag(endsOf.get(topic) ?? [], partitions);
    }
    const ends = [...endsOf.values()]
      .flat()
      .reduce((sum, partition) => sum + Number(partition.offset), 0);
    return { outbox, lag, ends };
  }
}

/**
 * Waits until the pipeline is quiet: nothing waiting and nothing written, twice in a row (an
 * event may be between the outbox and the consumer's commit at one look). Answers the time to
 * the first of the two looks; throws when it is not quiet within `timeoutMs`.
 */
export async function waitForQuietPipeline(
  probe: Pick<PipelineProbe, 'state'>,
  { timeoutMs, intervalMs = 100 }: { timeoutMs: number; intervalMs?: number },
): Promise<number> {
  const started = performance.now();
  let quietSince: { atMs: number; ends: number } | undefined;
  for (;;) {
    const state = await probe.state();
    const atMs = performance.now() - started;
    if (state.outbox === 0 && state.lag === 0) {
      if (quietSince?.ends === state.ends) return quietSince.atMs;
      quietSince = { atMs, ends: state.ends };
    } else {
      quietSince = undefined;
      if (atMs > timeoutMs) {
        throw new Error(
          `the event pipeline is still busy after ${timeoutMs} ms: ${state.outbox} events in ` +
            `outboxes, ${state.lag} not yet consumed`,
        );
      }
    }
    await sleep(intervalMs);
  }
}
