import type { Admin } from 'kafkajs';

export interface TopicSpec {
  topic: string;
  numPartitions: number;
}

/** Partitions of a domain topic: enough for several consumer replicas to share the work. */
export const DEFAULT_PARTITIONS = 6;

const LEADERS_TIMEOUT_MS = 30_000;
const LEADERS_POLL_MS = 100;

function isAlreadyExists(error: unknown): boolean {
  const { type, errors } = error as { type?: string; errors?: unknown[] };
  if (type === 'TOPIC_ALREADY_EXISTS') return true;
  return Array.isArray(errors) && errors.length > 0 && errors.every(isAlreadyExists);
}

/**
 * Creates the topics that do not exist yet (the broker does not auto-create them) and waits
 * until every partition has a leader. kafkajs's own wait gives up when a fresh broker does not
 * know a topic it has just created, and another process may create the same topic at the same
 * moment; both are ordinary here, so both are waited out.
 */
export async function ensureTopics(admin: Admin, topics: TopicSpec[]): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter(({ topic }) => !existing.has(topic));
  if (missing.length === 0) return;
  try {
    await admin.createTopics({
      waitForLeaders: false,
      topics: missing.map(({ topic, numPartitions }) => ({
        topic,
        numPartitions,
        replicationFactor: -1,
      })),
    });
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
  }
  await waitForLeaders(
    admin,
    missing.map(({ topic }) => topic),
  );
}

async function waitForLeaders(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + LEADERS_TIMEOUT_MS;
  for (;;) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      const ready =
        metadata.length === topics.length &&
        metadata.every(
          ({ partitions }) =>
            partitions.length > 0 && partitions.every(({ leader }) => leader >= 0),
        );
      if (ready) return;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    if (Date.now() >= deadline) {
      throw new Error(`topics ${topics.join(', ')} have no leaders after ${LEADERS_TIMEOUT_MS} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, LEADERS_POLL_MS));
  }
}
