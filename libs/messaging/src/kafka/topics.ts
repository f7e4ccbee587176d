import type { Admin } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  numPartitions: number;
}

/** Partitions of a domain topic: enough for several consumer replicas to share the work. */
export const DEFAULT_PARTITIONS = 6;

/** Creates the topics that do not exist yet (the broker does not auto-create them). */
export async function ensureTopics(admin: Admin, topics: TopicSpec[]): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter(({ topic }) => !existing.has(topic));
  if (missing.length === 0) return;
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map(({ topic, numPartitions }) => ({
      topic,
      numPartitions,
      replicationFactor: -1,
    })),
  });
}
