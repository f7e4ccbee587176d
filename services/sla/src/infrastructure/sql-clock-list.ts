import type { DataSource } from 'typeorm';
import type { ClockList, ClockListFilter, ListedClock } from '../application/ports/clock-list';
import type { ClockCondition, ClockListPosition } from '../domain/clock-listing';
import { CLOCK_STATES, type ClockState, SLA_TARGETS, type SlaTarget } from '../domain/sla-clock';
import { oneOf } from './clock-row.mapper';

/**
 * Each condition as written in the partial index that serves it (migration
 * 1764921600004): the planner uses an index only when the query repeats its predicate. The
 * breached one reads the period from the parameters numbered `since` and `since + 1`.
 */
function conditionSql(condition: ClockCondition, since: number): string {
  switch (condition) {
    case 'at_risk':
      return `c.state = 'running' AND c.breached_at IS NULL AND c.warnings @? '$[*] ? (@.firedAt != null)'`;
    case 'breached':
      return `c.breached_at >= $${since} AND ($${since + 1}::timestamptz IS NULL OR c.breached_at < $${since + 1})`;
    default:
      return condition satisfies never;
  }
}

/** The instant a list goes by: a breached clock paused since has no due instant but its breach. */
const DUE_KEYS: Readonly<Record<ClockCondition, string>> = {
  at_risk: 'c.due_at',
  breached: 'coalesce(c.due_at, c.breached_at)',
};

/** The group filter on parameter $1. */
const GROUP = `($1::text IS NULL OR c.group_id = $1)`;

interface ListedClockRow {
  id: string;
  ticket_id: string;
  ticket_number: string;
  target: string;
  state: string;
  due_key: Date;
  breached_at: Date | null;
  warning_issued_at: Date | null;
  policy_id: string;
  policy_name: string | null;
  group_id: string | null;
}

/** Pages and counts of clocks at risk or breached, each read through its partial index. */
export class SqlClockList implements ClockList {
  constructor(private readonly dataSource: DataSource) {}

  async page(
    condition: ClockCondition,
    filter: ClockListFilter,
    after: ClockListPosition | null,
    limit: number,
  ): Promise<ListedClock[]> {
    const key = DUE_KEYS[condition];
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.ticket_id, c.ticket_number, c.target, c.state, ${key} AS due_key,
              c.breached_at, c.policy_id, p.name AS policy_name, c.group_id,
              (SELECT max((warning->>'firedAt')::timestamptz)
                 FROM jsonb_array_elements(c.warnings) AS warning) AS warning_issued_at
         FROM sla_clocks c
         LEFT JOIN sla_policies p ON p.id = c.policy_id
        WHERE ${conditionSql(condition, 5)}
          AND ${GROUP}
          AND ($2::timestamptz IS NULL OR (${key}, c.id) > ($2, $3::uuid))
        ORDER BY ${key}, c.id
        LIMIT $4`,
      [
        filter.groupId,
        after?.dueAt ?? null,
        after?.id ?? null,
        limit,
        ...(condition === 'breached' ? [filter.breachedSince, filter.breachedUntil] : []),
      ],
    )) as ListedClockRow[];
    return rows.map((row) => ({
      id: row.id,
      ticketId: row.ticket_id,
      ticketNumber: row.ticket_number,
      target: oneOf<SlaTarget>(SLA_TARGETS, row.target, 'target'),
      state: oneOf<ClockState>(CLOCK_STATES, row.state, 'state'),
      dueAt: row.due_key,
      breachedAt: row.breached_at,
      warningIssuedAt: row.warning_issued_at,
      policyId: row.policy_id,
      policyName: row.policy_name,
      groupId: row.group_id,
    }));
  }

  async count(filter: ClockListFilter): Promise<Record<ClockCondition, number>> {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM sla_clocks c
                 WHERE ${conditionSql('at_risk', 2)} AND ${GROUP}) AS at_risk,
              (SELECT count(*) FROM sla_clocks c
                 WHERE ${conditionSql('breached', 2)} AND ${GROUP}) AS breached`,
      [filter.groupId, filter.breachedSince, filter.breachedUntil],
    )) as { at_risk: string; breached: string }[];
    return { at_risk: Number(row?.at_risk ?? 0), breached: Number(row?.breached ?? 0) };
  }
}
