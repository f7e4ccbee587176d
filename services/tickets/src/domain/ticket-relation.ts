import type { Ticket, TicketType } from './ticket';
import { TicketError, TicketErrorCode } from './ticket-error';

export const RELATION_KINDS = ['child_of', 'duplicate_of', 'caused_by', 'relates_to'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** "source <kind> target": INC-000042 caused_by PRB-000007. */
export interface TicketRelation {
  id: string;
  sourceId: string;
  sourceNumber: string;
  kind: RelationKind;
  targetId: string;
  targetNumber: string;
  actorId: string;
  createdAt: Date;
}

/** The types a relation may join, source first; absent means any. */
const RELATION_TYPES: Partial<
  Record<RelationKind, { source: readonly TicketType[]; target: readonly TicketType[] }>
> = {
  caused_by: { source: ['incident'], target: ['problem'] },
};

/** Relations whose two ends must be of one type. */
const SAME_TYPE: readonly RelationKind[] = ['child_of', 'duplicate_of'];

function invalid(field: string, message: string): never {
  throw new TicketError(TicketErrorCode.ValidationFailed, message, [{ field, message }]);
}

/**
 * Checks that `source <kind> target` makes sense: no ticket relates to itself, an incident is
 * caused by a problem, parents and duplicates are of the ticket's own type, and a parent is
 * never also the child of its child. `existing` are the relations the two tickets have now.
 */
export function checkRelation(
  source: Ticket,
  kind: RelationKind,
  target: Ticket,
  existing: readonly TicketRelation[],
): void {
  if (source.id === target.id) invalid('targetId', 'a ticket cannot relate to itself');
  const types = RELATION_TYPES[kind];
  if (types && (!types.source.includes(source.type) || !types.target.includes(target.type))) {
    invalid(
      'kind',
      `${kind} relates a ${types.source.join(' or ')} to a ${types.target.join(' or ')}, not a ${source.type} to a ${target.type}`,
    );
  }
  if (SAME_TYPE.includes(kind) && source.type !== target.type) {
    invalid(
      'kind',
      `${kind} relates tickets of one type, not a ${source.type} to a ${target.type}`,
    );
  }
  const reversed = existing.some(
    (relation) =>
      relation.kind === kind &&
      kind !== 'relates_to' &&
      relation.sourceId === target.id &&
      relation.targetId === source.id,
  );
  if (reversed) {
    throw new TicketError(
      TicketErrorCode.InvalidTransition,
      `${target.number} is already ${kind.replace('_', ' ')} ${source.number}; the relation would go in a circle`,
    );
  }
}

/** The same relation, read both ways for `relates_to`, which has no direction. */
export function sameRelation(
  relation: TicketRelation,
  sourceId: string,
  kind: RelationKind,
  targetId: string,
): boolean {
  if (relation.kind !== kind) return false;
  const forward = relation.sourceId === sourceId && relation.targetId === targetId;
  const backward = relation.sourceId === targetId && relation.targetId === sourceId;
  return forward || (kind === 'relates_to' && backward);
}
