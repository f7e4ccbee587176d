import { performance } from 'node:perf_hooks';
import { Client } from 'pg';

export interface OutboxDrain {
  /** Until `outbox_events` was first seen empty. */
  drainMs: number;
  /** Rows waiting at the first look. */
  backlog: number;
}

/**
 * Polls `outbox_events` until it is empty: the relay deletes a row only after Kafka
 * acknowledged it (acks=all), so an empty outbox means every event reached Kafka.
 */
export async function waitForEmptyOutbox(
  databaseUrl: string,
  { timeoutMs, intervalMs = 10 }: { timeoutMs: number; intervalMs?: number },
): Promise<OutboxDrain> {
  const started = performance.now();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let backlog: number | undefined;
    for (;;) {
      const [row] = (
        await client.query<{ waiting: string }>('SELECT count(*) AS waiting FROM outbox_events')
      ).rows;
      const waiting = Number(row?.waiting);
      backlog ??= waiting;
      if (waiting === 0) return { drainMs: performance.now() - started, backlog };
      if (performance.now() - started > timeoutMs) {
        throw new Error(`the outbox still holds ${waiting} events after ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  } finally {
    await client.end();
  }
}
