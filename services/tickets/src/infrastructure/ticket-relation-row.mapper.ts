import type { RelationKind, TicketRelation } from '../domain/ticket-relation';

/** A row of `ticket_relations` as node-postgres returns it. */
export interface TicketRelationRow {
  id: string;
  source_id: string;
  source_number: string;
  kind: string;
  target_id: string;
  target_number: string;
  actor_id: string;
  created_at: Date;
}

export const RELATION_COLUMNS =
  'id, source_id, source_number, kind, target_id, target_number, actor_id, created_at';

/** Rows only ever hold values the domain wrote (a CHECK constraint guards the kind). */
export function toRelation(row: TicketRelationRow): TicketRelation {
  return {
    id: row.id,
    sourceId: row.source_id,
    sourceNumber: row.source_number,
    kind: row.kind as RelationKind,
    targetId: row.target_id,
    targetNumber: row.target_number,
    actorId: row.actor_id,
    createdAt: row.created_at,
  };
}

export function relationValues(relation: TicketRelation): unknown[] {
  return [
    relation.id,
    relation.sourceId,
    relation.sourceNumber,
    relation.kind,
    relation.targetId,
    relation.targetNumber,
    relation.actorId,
    relation.createdAt,
  ];
}
