import { currentTraceId } from '@itsm/telemetry';
import type { AuditQuery, AuditTrail } from '../application/ports/identity-store';
import type { ActorKind, AuditAction, AuditEvent } from '../domain/audit-event';
import { rowsOf, type SqlExecutor } from './sql-rows';

interface AuditRow {
  id: string;
  at: Date;
  actor_kind: ActorKind;
  actor_id: string | null;
  action: AuditAction;
  target_type: NonNullable<AuditEvent['target']>['type'] | null;
  target_id: string | null;
  outcome: AuditEvent['outcome'];
  ip: string | null;
  user_agent: string | null;
  details: Record<string, unknown>;
  trace_id: string | null;
}

const COLUMNS = `id, at, actor_kind, actor_id, action, target_type, target_id, outcome, ip,
  user_agent, details, trace_id`;

function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    actor: { kind: row.actor_kind, id: row.actor_id },
    action: row.action,
    target:
      row.target_type !== null && row.target_id !== null
        ? { type: row.target_type, id: row.target_id }
        : null,
    outcome: row.outcome,
    origin: { ip: row.ip, userAgent: row.user_agent },
    details: row.details,
    traceId: row.trace_id,
  };
}

/** The append-only audit log; the gateway never updates or deletes its rows. */
export class PostgresAuditTrail implements AuditTrail {
  constructor(private readonly sql: SqlExecutor) {}

  async record(event: Omit<AuditEvent, 'traceId'> & { traceId?: string | null }): Promise<void> {
    await this.sql.query(
      `INSERT INTO audit_events (${COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        event.id,
        event.at,
        event.actor.kind,
        event.actor.id,
        event.action,
        event.target?.type ?? null,
        event.target?.id ?? null,
        event.outcome,
        event.origin.ip,
        event.origin.userAgent,
        JSON.stringify(event.details),
        event.traceId ?? currentTraceId() ?? null,
      ],
    );
  }

  async list(query: AuditQuery): Promise<AuditEvent[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const where = (condition: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      conditions.push(condition(`$${parameters.length}`));
    };
    if (query.before !== null) {
      parameters.push(query.before[0], query.before[1]);
      conditions.push(
        `(at, id) < ($${parameters.length - 1}::timestamptz, $${parameters.length}::uuid)`,
      );
    }
    if (query.actorId !== null) where((p) => `actor_id = ${p}`, query.actorId);
    if (query.action !== null) where((p) => `action = ${p}`, query.action);
    if (query.targetId !== null) where((p) => `target_id = ${p}`, query.targetId);
    if (query.from !== null) where((p) => `at >= ${p}`, query.from);
    if (query.to !== null) where((p) => `at < ${p}`, query.to);
    parameters.push(query.limit);
    const rows = await rowsOf<AuditRow>(
      this.sql,
      `SELECT ${COLUMNS} FROM audit_events
       ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY at DESC, id DESC LIMIT $${parameters.length}`,
      parameters,
    );
    return rows.map(toAuditEvent);
  }
}
