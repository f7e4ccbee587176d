import type { Principal } from '@itsm/auth';
import type { AuditActor, AuditEvent } from '../domain/audit-event';
import type { IdGenerator } from './ports/id-generator';

/** The actor of an audit event: the authenticated caller. */
export function actorOf(principal: Pick<Principal, 'kind' | 'id'>): AuditActor {
  return { kind: principal.kind, id: principal.id };
}

export type AuditEventInput = Omit<AuditEvent, 'id' | 'at' | 'traceId' | 'details'> & {
  details?: Record<string, unknown>;
};

/** An audit event of now, with its id. */
export function auditEvent(
  ids: IdGenerator,
  at: Date,
  input: AuditEventInput,
): Omit<AuditEvent, 'traceId'> {
  return { id: ids.newId(), at, ...input, details: input.details ?? {} };
}
