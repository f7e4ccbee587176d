import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';

/**
 * The shape of the seeded data: who opens tickets, who works them, over how long.
 * Ids are the strings the API takes (`emp-00042`, `org-007`, `grp-03`, `agent-031`).
 */
export const SEED_SHAPE = {
  requesters: 20_000,
  organizations: 200,
  groups: 50,
  agentsPerGroup: 10,
  spanDays: 730,
  /** Tickets younger than this are mostly open, older ones mostly closed. */
  recentDays: 14,
  midDays: 60,
} as const;

export type Weighted = readonly (readonly [value: string, weight: number])[];

/** Status by age: a service desk closes most of its work, the open tail is recent. */
export const STATUS_WEIGHTS = {
  recent: [
    ['new', 12],
    ['assigned', 18],
    ['in_progress', 22],
    ['pending', 10],
    ['resolved', 18],
    ['closed', 15],
    ['cancelled', 5],
  ],
  mid: [
    ['new', 2],
    ['assigned', 4],
    ['in_progress', 6],
    ['pending', 5],
    ['resolved', 13],
    ['closed', 66],
    ['cancelled', 4],
  ],
  old: [
    ['new', 0.3],
    ['assigned', 0.5],
    ['in_progress', 0.7],
    ['pending', 0.5],
    ['resolved', 1],
    ['closed', 93],
    ['cancelled', 4],
  ],
} as const satisfies Record<string, Weighted>;

export const IMPACT_WEIGHTS: Weighted = [
  ['high', 10],
  ['medium', 30],
  ['low', 60],
];
export const URGENCY_WEIGHTS: Weighted = [
  ['high', 20],
  ['medium', 40],
  ['low', 40],
];
export const CHANNEL_WEIGHTS: Weighted = [
  ['portal', 40],
  ['email', 25],
  ['phone', 15],
  ['chat', 10],
  ['api', 5],
  ['web_form', 5],
];
export const PENDING_REASON_WEIGHTS: Weighted = [
  ['awaiting_customer', 60],
  ['awaiting_vendor', 25],
  ['awaiting_change', 15],
];
export const INCIDENT_RESOLUTION_WEIGHTS: Weighted = [
  ['fixed', 50],
  ['workaround', 15],
  ['user_error', 12],
  ['no_fault_found', 13],
  ['duplicate', 10],
];
export const REQUEST_RESOLUTION_WEIGHTS: Weighted = [
  ['fulfilled', 90],
  ['rejected', 10],
];

/** The ITIL impact × urgency matrix the tickets service starts from (priority-matrix.ts). */
export const PRIORITY_MATRIX: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  high: { high: 'critical', medium: 'high', low: 'medium' },
  medium: { high: 'high', medium: 'medium', low: 'low' },
  low: { high: 'medium', medium: 'low', low: 'planning' },
};

/** Titles as requesters write them; Russian and English, so both dictionaries see real words. */
export const TITLES: readonly string[] = [
  'Не работает VPN из дома',
  'Не печатает принтер на третьем этаже',
  'Сбросить пароль от учётной записи',
  'Не приходит почта в Outlook',
  'Медленно работает 1С',
  'Нет доступа к общей папке',
  'Заказать новый ноутбук для сотрудника',
  'Установить лицензию Microsoft Office',
  'Сломалась мышь, нужна замена',
  'Не открывается корпоративный портал',
  'Ошибка при входе в систему',
  'Не работает телефон на рабочем месте',
  'Создать учётную запись для нового сотрудника',
  'Подключить второй монитор',
  'Зависает компьютер после обновления',
  'Нет интернета в переговорной',
  'Выдать доступ к CRM',
  'Заблокирована учётная запись',
  'VPN does not connect from home',
  'Printer on the third floor is not printing',
  'Password reset for domain account',
  'Outlook does not receive new emails',
  'Laptop is very slow after update',
  'Cannot access shared drive',
  'Request a new laptop for a new hire',
  'Install Microsoft Office license',
  'Wi-Fi keeps disconnecting in meeting room',
  'Error 500 on the corporate portal',
  'Account locked after too many login attempts',
  'Need access to the finance reporting system',
  'Monitor is flickering',
  'Set up email on mobile phone',
];

export const DESCRIPTIONS: readonly string[] = [
  'Проблема началась сегодня утром, перезагрузка не помогла.',
  'Клиент выдаёт ошибку подключения после ввода второго фактора.',
  'Коллеги в соседнем кабинете тоже жалуются на эту проблему.',
  'Срочно, завтра отчёт для руководства.',
  'Прошу выдать права на чтение и запись.',
  'Новый сотрудник выходит в понедельник, нужен доступ ко всем системам отдела.',
  'При печати документ зависает в очереди, индикатор мигает оранжевым.',
  'Письма от внешних отправителей не доходят, внутренние приходят.',
  'The issue started this morning, a restart did not help.',
  'The client times out after the second factor.',
  'Several colleagues on the same floor see the same error.',
  'Urgent, the quarterly report is due tomorrow.',
  'Please grant read and write permissions.',
  'The new employee starts on Monday and needs access to all department systems.',
  'Print jobs get stuck in the queue and the status light blinks orange.',
  'Emails from external senders never arrive, internal ones do.',
];

/** Some descriptions name the workstation (ws00000..ws04999): rare words, as searched for. */
export const WORKSTATIONS = 5_000;
export const WORKSTATION_SHARE = 0.4;

export const RESOLUTION_NOTES: readonly string[] = [
  'Перезапущена служба, пользователь подтвердил.',
  'Выданы права, проверено вместе с пользователем.',
  'Заменено оборудование.',
  'Restarted the service, the user confirmed it works.',
  'Access granted and verified with the user.',
  'Replaced the hardware.',
];

/** A SQL string literal. */
export function sqlLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * A deterministic uniform number in [0, 1) for `key` (a SQL integer expression) in stream
 * `stream`: the same data on every run, independent streams per column.
 */
export function uniform(stream: number, key = 'g'): string {
  return `((hashint8extended(${key}, ${stream}) & 2147483647)::float8 / 2147483648.0)`;
}

/** `CASE WHEN u < w1 THEN v1 WHEN u < w1 + w2 THEN v2 ... ELSE vn END`, weights normalised. */
export function weightedCase(u: string, choices: Weighted): string {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  if (choices.length === 0 || !(total > 0) || choices.some(([, weight]) => !(weight >= 0))) {
    throw new RangeError('weightedCase needs at least one choice and non-negative weights');
  }
  let cumulative = 0;
  const branches = choices.slice(0, -1).map(([value, weight]) => {
    cumulative += weight;
    return `WHEN ${u} < ${(cumulative / total).toFixed(6)} THEN ${sqlLiteral(value)}`;
  });
  const last = sqlLiteral(choices[choices.length - 1]?.[0] ?? '');
  return branches.length === 0 ? last : `CASE ${branches.join(' ')} ELSE ${last} END`;
}

/** Priority from the `impact` and `urgency` columns, as the service's matrix derives it. */
export function priorityCase(): string {
  const branches = Object.entries(PRIORITY_MATRIX).flatMap(([impact, row]) =>
    Object.entries(row).map(
      ([urgency, priority]) =>
        `WHEN impact = ${sqlLiteral(impact)} AND urgency = ${sqlLiteral(urgency)} THEN ${sqlLiteral(priority)}`,
    ),
  );
  return `CASE ${branches.join(' ')} END`;
}

/** 1-based inclusive row ranges of at most `chunkSize` rows covering 1..total. */
export function chunkRanges(total: number, chunkSize: number): { from: number; to: number }[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`bad total ${total}`);
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError(`bad chunk ${chunkSize}`);
  const ranges: { from: number; to: number }[] = [];
  for (let from = 1; from <= total; from += chunkSize) {
    ranges.push({ from, to: Math.min(total, from + chunkSize - 1) });
  }
  return ranges;
}

/** INC-000123 / REQ-1234567: the service's format (six digits, more when needed). */
export function ticketNumberSql(typeColumn: string, sequence: string): string {
  return (
    `CASE ${typeColumn} WHEN 'incident' THEN 'INC-' ELSE 'REQ-' END || ` +
    `CASE WHEN ${sequence} < 1000000 THEN lpad(${sequence}::text, 6, '0') ELSE ${sequence}::text END`
  );
}

const pick = (parameter: string, u: string): string =>
  `(${parameter}::text[])[1 + floor(${u} * array_length(${parameter}::text[], 1))::int]`;

const ms = (expression: string): string => `date_trunc('milliseconds', ${expression})`;

/** Parameters of {@link seedChunkSql}, in order. */
export interface SeedChunkParameters {
  from: number;
  to: number;
  /** created_at of row 1; rows are spread evenly (with jitter) from here to `now`. */
  start: Date;
  stepMs: number;
  now: Date;
}

export function seedChunkValues(chunk: SeedChunkParameters): unknown[] {
  return [
    chunk.from,
    chunk.to,
    chunk.start.toISOString(),
    chunk.stepMs,
    chunk.now.toISOString(),
    TITLES,
    DESCRIPTIONS,
    RESOLUTION_NOTES,
  ];
}

/**
 * One INSERT ... SELECT over generate_series($1, $2): rows in created_at order (as a live
 * system writes them), every column consistent with the status the ticket is in.
 * Parameters: see {@link seedChunkValues}. `OFFSET 0` keeps each level computed once.
 */
export function seedChunkSql(): string {
  const s = SEED_SHAPE;
  const base = `
    SELECT g,
      ${ms(`$3::timestamptz + (g - 1 + 0.9 * ${uniform(1)}) * $4::float8 * interval '1 millisecond'`)} AS created_at,
      floor(${s.requesters} * power(${uniform(2)}, 1.3))::int AS requester,
      floor(${s.groups} * power(${uniform(3)}, 1.5))::int AS grp,
      floor(${s.agentsPerGroup} * ${uniform(4)})::int AS agent,
      CASE WHEN ${uniform(5)} < 0.6 THEN 'incident' ELSE 'service_request' END AS type,
      ${weightedCase(uniform(6), IMPACT_WEIGHTS)} AS impact,
      ${weightedCase(uniform(7), URGENCY_WEIGHTS)} AS urgency,
      ${uniform(8)} AS u_status,
      ${uniform(9)} AS u_assign,
      -- minutes to the first response, then to the resolution; days from resolution to closure
      5 + 475 * power(${uniform(10)}, 2) AS respond_min,
      30 + 10080 * power(${uniform(11)}, 3) AS resolve_min,
      1 + 6 * ${uniform(12)} AS close_days,
      ${uniform(13)} AS u_title,
      ${uniform(14)} AS u_desc1,
      ${uniform(15)} AS u_desc2,
      ${uniform(16)} AS u_code,
      ${uniform(17)} AS u_notes,
      ${uniform(18)} AS u_channel,
      ${uniform(19)} AS u_reason,
      ${uniform(22)} AS u_host
    FROM generate_series($1::bigint, $2::bigint) AS g
    OFFSET 0`;
  const respondedRaw = `created_at + respond_min * interval '1 minute'`;
  const resolvedRaw = `created_at + (respond_min + resolve_min) * interval '1 minute'`;
  const closedRaw = `${resolvedRaw} + close_days * interval '1 day'`;
  const planned = `
    SELECT b.*,
      CASE
        WHEN created_at > $5::timestamptz - interval '${s.recentDays} days'
          THEN ${weightedCase('u_status', STATUS_WEIGHTS.recent)}
        WHEN created_at > $5::timestamptz - interval '${s.midDays} days'
          THEN ${weightedCase('u_status', STATUS_WEIGHTS.mid)}
        ELSE ${weightedCase('u_status', STATUS_WEIGHTS.old)}
      END AS planned_status,
      -- a requester belongs to one organisation (a few to none)
      floor(${s.organizations} * power(${uniform(20, 'requester')}, 1.5))::int AS organization,
      ${uniform(21, 'requester')} < 0.08 AS no_organization
    FROM (${base}) AS b
    OFFSET 0`;
  // A ticket cannot be resolved or closed before its times come: young ones stay open.
  const withStatus = `
    SELECT p.*,
      CASE
        WHEN planned_status IN ('resolved', 'closed') AND ${resolvedRaw} > $5::timestamptz
          THEN 'in_progress'
        WHEN planned_status = 'closed' AND ${closedRaw} > $5::timestamptz THEN 'resolved'
        ELSE planned_status
      END AS status
    FROM (${planned}) AS p
    OFFSET 0`;
  // a third of the cancellations happen before anybody took the ticket
  const untouched = `(status = 'new' OR (status = 'cancelled' AND u_assign < 0.35))`;
  const done = `status IN ('resolved', 'closed')`;
  const respondedAt = `LEAST(${respondedRaw}, $5::timestamptz)`;
  const resolvedAt = resolvedRaw;
  const closedAt = closedRaw;
  const cancelledAt = `LEAST(created_at + 3 * respond_min * interval '1 minute', $5::timestamptz)`;
  return `
INSERT INTO tickets (
  id, number, type, title, description, status, impact, urgency, priority, channel,
  requester_id, organization_id, assignment_group_id, assignee_id, pending_reason,
  resolution_code, resolution_notes, idempotency_key, idempotency_fingerprint,
  created_at, updated_at, resolved_at, closed_at, first_responded_at, version)
SELECT
  md5('bench-ticket-' || g)::uuid,
  ${ticketNumberSql('type', 'g')},
  type,
  ${pick('$6', 'u_title')},
  ${pick('$7', 'u_desc1')} || ' ' || ${pick('$7', 'u_desc2')} || CASE
    WHEN u_host >= ${WORKSTATION_SHARE} THEN ''
    WHEN u_host < ${WORKSTATION_SHARE / 2} THEN ' Рабочее место ws' || lpad(floor(${WORKSTATIONS} * ${uniform(23)})::int::text, 5, '0') || '.'
    ELSE ' Workstation ws' || lpad(floor(${WORKSTATIONS} * ${uniform(23)})::int::text, 5, '0') || '.'
  END,
  status,
  impact,
  urgency,
  ${priorityCase()},
  ${weightedCase('u_channel', CHANNEL_WEIGHTS)},
  'emp-' || lpad(requester::text, 5, '0'),
  CASE WHEN no_organization THEN NULL ELSE 'org-' || lpad(organization::text, 3, '0') END,
  CASE WHEN ${untouched} THEN NULL ELSE 'grp-' || lpad(grp::text, 2, '0') END,
  CASE
    WHEN ${untouched} THEN NULL
    WHEN status = 'assigned' AND u_assign < 0.25 THEN NULL
    ELSE 'agent-' || lpad((grp * ${s.agentsPerGroup} + agent)::text, 3, '0')
  END,
  CASE WHEN status = 'pending' THEN ${weightedCase('u_reason', PENDING_REASON_WEIGHTS)} END,
  CASE WHEN ${done} THEN
    CASE type WHEN 'incident' THEN ${weightedCase('u_code', INCIDENT_RESOLUTION_WEIGHTS)}
    ELSE ${weightedCase('u_code', REQUEST_RESOLUTION_WEIGHTS)} END
  END,
  CASE WHEN ${done} THEN ${pick('$8', 'u_notes')} ELSE '' END,
  NULL,
  NULL,
  created_at,
  ${ms(`CASE
    WHEN status = 'new' THEN created_at
    WHEN status = 'cancelled' THEN ${cancelledAt}
    WHEN status = 'closed' THEN ${closedAt}
    WHEN status = 'resolved' THEN ${resolvedAt}
    ELSE ${respondedAt}
  END`)},
  CASE WHEN ${done} THEN ${ms(resolvedAt)} END,
  CASE WHEN status = 'closed' THEN ${ms(closedAt)} END,
  CASE WHEN ${untouched} THEN NULL ELSE ${ms(respondedAt)} END,
  1
FROM (${withStatus}) AS t`;
}

export interface SeedResult {
  tickets: number;
  insertMs: number;
  /** VACUUM (ANALYZE) and CHECKPOINT after the inserts. */
  settleMs: number;
}

/**
 * Seeds `total` tickets straight into the tickets table (no history or outbox rows), then
 * moves the number sequences past them and leaves the table as autovacuum would: vacuumed,
 * analysed, checkpointed, so no maintenance runs during the measurement.
 */
export async function seedTickets(
  client: Client,
  { total, chunkSize, now }: { total: number; chunkSize: number; now: Date },
  progress: (line: string) => void,
): Promise<SeedResult> {
  const spanMs = SEED_SHAPE.spanDays * 86_400_000;
  const start = new Date(now.getTime() - spanMs);
  const stepMs = total > 0 ? spanMs / total : 0;
  const sql = seedChunkSql();
  const began = performance.now();
  for (const { from, to } of chunkRanges(total, chunkSize)) {
    await client.query(sql, seedChunkValues({ from, to, start, stepMs, now }));
    const seconds = (performance.now() - began) / 1000;
    progress(
      `  seeded ${to.toLocaleString('en')} / ${total.toLocaleString('en')} (${seconds.toFixed(1)} s)`,
    );
  }
  // New tickets created through the API must not collide with the seeded numbers.
  await client.query(
    `SELECT setval('ticket_number_incident_seq', $1), setval('ticket_number_service_request_seq', $1)`,
    [Math.max(total, 1)],
  );
  const inserted = performance.now();
  await client.query('VACUUM (ANALYZE) tickets');
  try {
    await client.query('CHECKPOINT');
  } catch (error) {
    progress(`  CHECKPOINT skipped: ${(error as Error).message}`);
  }
  return {
    tickets: total,
    insertMs: inserted - began,
    settleMs: performance.now() - inserted,
  };
}
