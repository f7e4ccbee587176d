import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';

const HOUR_MS = 3_600_000;

/**
 * The shape of the seeded clocks. Two clocks (first response, resolution) per ticket on the 24×7
 * calendar, a tenth paused while awaiting the customer. A running clock has counted at most half
 * its target, so its first warning (at 75 %) is at least a quarter of its target ahead: the
 * shortest target is 4 h, so nothing seeded falls due during a run. What falls due is inserted
 * for each phase apart (`insertDueClocks`), at a set rate.
 */
export const SEED_SHAPE = {
  /** Per mille of tickets whose clocks are paused. */
  pausedPerMille: 100,
  firstResponseTargetsMs: [4 * HOUR_MS, 8 * HOUR_MS],
  resolutionTargetsMs: [8 * HOUR_MS, 24 * HOUR_MS, 72 * HOUR_MS, 120 * HOUR_MS],
  warningThresholds: [0.75, 0.9],
} as const;

/** What the seeded clocks count by: a 24×7 calendar and a policy that pauses for the customer. */
export interface SeedReferences {
  policyId: string;
  calendarId: string;
}

/** The id Postgres' `md5(text)::uuid` gives: the hex digest with dashes. */
export function md5Uuid(text: string): string {
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The ticket id of seeded ticket `n` (1-based), as the SQL below derives it. */
export function seededTicketId(n: number): string {
  return md5Uuid(`sla-bench-ticket-${n}`);
}

export function seededTicketNumber(n: number): string {
  return `INC-S${String(n).padStart(7, '0')}`;
}

/** Whether seeded ticket `n` was paused when seeded, as the SQL below decides it. */
export const PAUSED_CONDITION = `(abs(hashtext('p' || n::text)) % 1000) < $5`;

const ARRAY = (values: readonly number[]) => `ARRAY[${values.join(',')}]::bigint[]`;

/** RFC 3339 UTC text of a timestamptz expression, as the service stores warning instants. */
const rfc3339 = (expression: string) =>
  `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * One INSERT … SELECT over tickets $1..$2 at instant $3 with warning thresholds in $4, paused
 * per mille $5, policy $6 and calendar $7. The row shapes follow services/sla's TicketClock:
 * next_event_at is the earliest unsent warning (running) or null (paused before any warning).
 */
export const SEED_CHUNK_SQL = `
INSERT INTO sla_clocks (
  id, ticket_id, ticket_number, target, policy_id, calendar_id, state, target_ms, elapsed_ms,
  running_since, started_at, due_at, next_event_at, warnings, created_at, updated_at, version)
SELECT
  md5('sla-bench-clock-' || n || '-' || k.target)::uuid,
  md5('sla-bench-ticket-' || n)::uuid,
  'INC-S' || lpad(n::text, 7, '0'),
  k.target,
  $6::uuid,
  $7::uuid,
  CASE WHEN s.paused THEN 'paused' ELSE 'running' END,
  s.target_ms,
  CASE WHEN s.paused THEN s.counted_ms ELSE 0 END,
  CASE WHEN s.paused THEN NULL ELSE s.started END,
  s.started,
  CASE WHEN s.paused THEN NULL ELSE s.started + s.target_ms * interval '1 ms' END,
  CASE WHEN s.paused THEN NULL ELSE s.started + round(s.target_ms * ($4::float8[])[1]) * interval '1 ms' END,
  CASE WHEN s.paused
    THEN jsonb_build_array(
      jsonb_build_object('threshold', ($4::float8[])[1], 'dueAt', NULL, 'firedAt', NULL),
      jsonb_build_object('threshold', ($4::float8[])[2], 'dueAt', NULL, 'firedAt', NULL))
    ELSE jsonb_build_array(
      jsonb_build_object('threshold', ($4::float8[])[1], 'firedAt', NULL, 'dueAt',
        ${rfc3339(`s.started + round(s.target_ms * ($4::float8[])[1]) * interval '1 ms'`)}),
      jsonb_build_object('threshold', ($4::float8[])[2], 'firedAt', NULL, 'dueAt',
        ${rfc3339(`s.started + round(s.target_ms * ($4::float8[])[2]) * interval '1 ms'`)}))
  END,
  $3::timestamptz,
  $3::timestamptz,
  1
FROM generate_series($1::int, $2::int) AS n
CROSS JOIN (VALUES ('first_response', 0), ('resolution', 1)) AS k(target, kind)
CROSS JOIN LATERAL (
  SELECT
    ${PAUSED_CONDITION} AS paused,
    t.target_ms,
    -- Counted so far: up to half the target, from the ticket number's hash.
    (t.target_ms * (abs(hashtext('c' || n::text)) % 500) / 1000)::bigint AS counted_ms,
    $3::timestamptz
      - ((t.target_ms * (abs(hashtext('c' || n::text)) % 500) / 1000)::bigint) * interval '1 ms'
      AS started
  FROM (SELECT CASE k.kind
      WHEN 0 THEN (${ARRAY(SEED_SHAPE.firstResponseTargetsMs)})[1 + abs(hashtext('f' || n::text)) % ${SEED_SHAPE.firstResponseTargetsMs.length}]
      ELSE (${ARRAY(SEED_SHAPE.resolutionTargetsMs)})[1 + abs(hashtext('r' || n::text)) % ${SEED_SHAPE.resolutionTargetsMs.length}]
    END AS target_ms) AS t
) AS s`;

/** [first, last] ticket numbers of each chunk, 1-based and inclusive. */
export function chunksOf(total: number, chunkSize: number): [number, number][] {
  const chunks: [number, number][] = [];
  for (let first = 1; first <= total; first += chunkSize) {
    chunks.push([first, Math.min(total, first + chunkSize - 1)]);
  }
  return chunks;
}

export interface SeedResult {
  clocks: number;
  insertMs: number;
  settleMs: number;
}

/**
 * Seeds `tickets` tickets' clocks (two each), chunk by chunk, then VACUUM ANALYZE and CHECKPOINT
 * so that no maintenance of the seeding falls into the measurement.
 */
export async function seedClocks(
  client: Client,
  options: { tickets: number; chunkSize: number; now: Date; references: SeedReferences },
  progress: (line: string) => void,
): Promise<SeedResult> {
  const started = performance.now();
  let done = 0;
  for (const [first, last] of chunksOf(options.tickets, options.chunkSize)) {
    await client.query(SEED_CHUNK_SQL, [
      first,
      last,
      options.now,
      SEED_SHAPE.warningThresholds,
      SEED_SHAPE.pausedPerMille,
      options.references.policyId,
      options.references.calendarId,
    ]);
    done += 2 * (last - first + 1);
    progress(
      `  ${done.toLocaleString('en')} clocks (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  const inserted = performance.now();
  await client.query('VACUUM (ANALYZE) sla_clocks');
  await client.query('CHECKPOINT');
  return { clocks: done, insertMs: inserted - started, settleMs: performance.now() - inserted };
}

/** The ticket number of the i-th clock falling due in a phase: how its events are recognised. */
export function dueTicketNumber(phase: string, index: number): string {
  return `DUE-${phase}-${String(index).padStart(6, '0')}`;
}

/**
 * Clocks that fall due at `ratePerSecond` from `firstDueAt` on: resolution clocks of 24×7
 * tickets that have counted all but the rest of their 4-hour target, no warning left to send,
 * so each announces exactly one breach. They are written straight to the table, as clocks
 * changed on another replica would be: the scheduler learns of them from its look at the index.
 */
export async function insertDueClocks(
  client: Client,
  options: {
    phase: string;
    count: number;
    ratePerSecond: number;
    firstDueAt: Date;
    references: SeedReferences;
  },
): Promise<void> {
  await client.query(
    `INSERT INTO sla_clocks (
       id, ticket_id, ticket_number, target, policy_id, calendar_id, state, target_ms, elapsed_ms,
       running_since, started_at, due_at, next_event_at, warnings, created_at, updated_at, version)
     SELECT md5('sla-bench-due-' || $1 || '-' || i)::uuid,
            md5('sla-bench-due-ticket-' || $1 || '-' || i)::uuid,
            'DUE-' || $1 || '-' || lpad(i::text, 6, '0'),
            'resolution', $5::uuid, $6::uuid, 'running', $7::bigint, 0,
            d.due - $7::bigint * interval '1 ms', d.due - $7::bigint * interval '1 ms',
            d.due, d.due, '[]'::jsonb, now(), now(), 1
       FROM generate_series(0, $2::int - 1) AS i
       CROSS JOIN LATERAL (
         SELECT $4::timestamptz + round(i * 1000.0 / $3::float8) * interval '1 ms' AS due
       ) AS d`,
    [
      options.phase,
      options.count,
      options.ratePerSecond,
      options.firstDueAt,
      options.references.policyId,
      options.references.calendarId,
      4 * HOUR_MS,
    ],
  );
}
