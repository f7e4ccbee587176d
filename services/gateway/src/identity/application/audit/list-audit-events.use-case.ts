import type { AuditAction, AuditEvent } from '../../domain/audit-event';
import { invalidField } from '../../domain/identity-error';
import { decodeCursorPair, encodeCursor, UUID_PATTERN } from '../../domain/page-cursor';
import type { IdentityStore, Page } from '../ports/identity-store';

export interface ListAuditEventsQuery {
  limit: number;
  cursor: string | undefined;
  actorId: string | undefined;
  action: AuditAction | undefined;
  targetId: string | undefined;
  from: Date | undefined;
  to: Date | undefined;
}

/** The audit log, newest first, a page at a time. */
export class ListAuditEventsUseCase {
  constructor(private readonly store: IdentityStore) {}

  async execute(query: ListAuditEventsQuery): Promise<Page<AuditEvent>> {
    const before = query.cursor === undefined ? null : decodeCursorPair(query.cursor);
    if (
      before === undefined ||
      (before && (Number.isNaN(Date.parse(before[0])) || !UUID_PATTERN.test(before[1])))
    )
      throw invalidField('cursor', 'cursor is not a cursor of this list');
    const events = await this.store.audit.list({
      limit: query.limit + 1,
      before,
      actorId: query.actorId ?? null,
      action: query.action ?? null,
      targetId: query.targetId ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
    });
    const items = events.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        events.length > query.limit && last ? encodeCursor([last.at.toISOString(), last.id]) : null,
    };
  }
}
