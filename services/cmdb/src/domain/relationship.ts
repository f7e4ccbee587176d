// How configuration items relate, and which way failure travels along each relationship.
import { type CiTypeDefinition } from './ci-type';
import { type FieldViolation } from './cmdb-error';

export const RELATIONSHIP_TYPES = [
  'runs_on',
  'depends_on',
  'connected_to',
  'hosted_in',
  'uses_licence',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

const TYPES: ReadonlySet<string> = new Set(RELATIONSHIP_TYPES);

export function isRelationshipType(value: unknown): value is RelationshipType {
  return typeof value === 'string' && TYPES.has(value);
}

/**
 * Impact analysis walks these edges. "Upstream of X" is what depends on X, what breaks when X
 * fails. For these types the source depends on the target (an application runs on its VM, a
 * service depends on its application, a server is hosted in its data centre, a workstation uses
 * a licence), so the upstream of a target are its sources.
 */
export const DEPENDENT_IS_SOURCE: ReadonlySet<RelationshipType> = new Set<RelationshipType>([
  'runs_on',
  'depends_on',
  'hosted_in',
  'uses_licence',
]);

/** A network link fails both ends: each side is upstream and downstream of the other. */
export const BIDIRECTIONAL: ReadonlySet<RelationshipType> = new Set<RelationshipType>([
  'connected_to',
]);

/** Which end of a relationship depends on the other, for impact analysis. */
export function impactEdgeDirection(type: RelationshipType): 'source_depends_on_target' | 'both' {
  return BIDIRECTIONAL.has(type) ? 'both' : 'source_depends_on_target';
}

export interface RelationshipDraft {
  sourceId: string;
  targetId: string;
  type: RelationshipType;
  sourceType: CiTypeDefinition;
  targetType: CiTypeDefinition;
}

/**
 * Checks a relationship between two items of known types and reports every problem at once. A
 * business service is a view of what people use, not a machine: it takes part in depends_on
 * relationships only, at either end.
 */
export function validateRelationship(input: RelationshipDraft): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (input.sourceId.trim().length === 0) {
    violations.push({ field: 'sourceId', message: 'sourceId is required' });
  }
  if (input.targetId.trim().length === 0) {
    violations.push({ field: 'targetId', message: 'targetId is required' });
  }
  if (input.sourceId === input.targetId && input.sourceId.trim().length > 0) {
    violations.push({ field: 'targetId', message: 'an item cannot be related to itself' });
  }
  if (!isRelationshipType(input.type)) {
    violations.push({
      field: 'type',
      message: `"${String(input.type)}" is not a relationship type: ${RELATIONSHIP_TYPES.join(', ')}`,
    });
    return violations;
  }
  const { sourceType, targetType } = input;
  if (input.type === 'uses_licence') {
    if (!targetType.licence) {
      violations.push({
        field: 'targetId',
        message: `uses_licence needs a licence as its target, not a ${targetType.key}`,
      });
    }
    if (sourceType.licence) {
      violations.push({ field: 'sourceId', message: 'a licence cannot use a licence' });
    }
  }
  // A business service as the target of uses_licence is refused above as not a licence.
  const businessServiceEnd =
    sourceType.businessService || (targetType.businessService && input.type !== 'uses_licence');
  if (input.type !== 'depends_on' && businessServiceEnd) {
    violations.push({
      field: 'type',
      message: `a business service takes part in depends_on relationships only, not ${input.type}`,
    });
  }
  return violations;
}
