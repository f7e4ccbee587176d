import { type CiTypeDefinition, DEFAULT_CI_TYPES } from './ci-type';
import {
  BIDIRECTIONAL,
  DEPENDENT_IS_SOURCE,
  impactEdgeDirection,
  RELATIONSHIP_TYPES,
  type RelationshipType,
  validateRelationship,
} from './relationship';

function defaultType(key: string): CiTypeDefinition {
  const type = DEFAULT_CI_TYPES.find((candidate) => candidate.key === key);
  if (!type) throw new Error(`no default type ${key}`);
  return type;
}

describe('validating a relationship', () => {
  it.each<[string, string, RelationshipType, string, string[]]>([
    ['an application runs on a VM', 'application', 'runs_on', 'virtual_machine', []],
    ['a VM runs on a host', 'virtual_machine', 'runs_on', 'server', []],
    [
      'a business service depends on an application',
      'business_service',
      'depends_on',
      'application',
      [],
    ],
    [
      'a business service depends on another',
      'business_service',
      'depends_on',
      'business_service',
      [],
    ],
    [
      'an application depends on a business service',
      'application',
      'depends_on',
      'business_service',
      [],
    ],
    ['a server is hosted in a data centre', 'server', 'hosted_in', 'data_centre', []],
    ['switches are connected', 'network_device', 'connected_to', 'network_device', []],
    ['a workstation uses a licence', 'workstation', 'uses_licence', 'software_licence', []],
    [
      'uses_licence of something that is not a licence',
      'workstation',
      'uses_licence',
      'application',
      ['targetId: uses_licence needs a licence as its target, not a application'],
    ],
    [
      'a licence using a licence',
      'software_licence',
      'uses_licence',
      'software_licence',
      ['sourceId: a licence cannot use a licence'],
    ],
    [
      'a business service running on a server',
      'business_service',
      'runs_on',
      'server',
      ['type: a business service takes part in depends_on relationships only, not runs_on'],
    ],
    [
      'a business service hosted in a data centre',
      'business_service',
      'hosted_in',
      'data_centre',
      ['type: a business service takes part in depends_on relationships only, not hosted_in'],
    ],
    [
      'a business service using a licence',
      'business_service',
      'uses_licence',
      'software_licence',
      ['type: a business service takes part in depends_on relationships only, not uses_licence'],
    ],
    [
      'a server connected to a business service',
      'server',
      'connected_to',
      'business_service',
      ['type: a business service takes part in depends_on relationships only, not connected_to'],
    ],
    [
      'an application using a business service as a licence',
      'application',
      'uses_licence',
      'business_service',
      ['targetId: uses_licence needs a licence as its target, not a business_service'],
    ],
  ])('%s', (_name, sourceKey, type, targetKey, expected) => {
    const violations = validateRelationship({
      sourceId: 'ci-source',
      targetId: 'ci-target',
      type,
      sourceType: defaultType(sourceKey),
      targetType: defaultType(targetKey),
    });
    expect(violations.map(({ field, message }) => `${field}: ${message}`)).toEqual(expected);
  });

  it.each<[string, string, string, unknown, string[]]>([
    [
      'an item related to itself',
      'ci-1',
      'ci-1',
      'depends_on',
      ['targetId: an item cannot be related to itself'],
    ],
    ['no source', ' ', 'ci-2', 'depends_on', ['sourceId: sourceId is required']],
    ['no target', 'ci-1', '', 'depends_on', ['targetId: targetId is required']],
    [
      'an unknown type',
      'ci-1',
      'ci-2',
      'belongs_to',
      [
        'type: "belongs_to" is not a relationship type: runs_on, depends_on, connected_to, hosted_in, uses_licence',
      ],
    ],
  ])('%s', (_name, sourceId, targetId, type, expected) => {
    const server = defaultType('server');
    const violations = validateRelationship({
      sourceId,
      targetId,
      type: type as RelationshipType,
      sourceType: server,
      targetType: server,
    });
    expect(violations.map(({ field, message }) => `${field}: ${message}`)).toEqual(expected);
  });
});

describe('which way failure travels', () => {
  it.each<[RelationshipType, 'source_depends_on_target' | 'both']>([
    ['runs_on', 'source_depends_on_target'],
    ['depends_on', 'source_depends_on_target'],
    ['hosted_in', 'source_depends_on_target'],
    ['uses_licence', 'source_depends_on_target'],
    ['connected_to', 'both'],
  ])('%s: %s', (type, direction) => {
    expect(impactEdgeDirection(type)).toBe(direction);
    expect(DEPENDENT_IS_SOURCE.has(type)).toBe(direction === 'source_depends_on_target');
    expect(BIDIRECTIONAL.has(type)).toBe(direction === 'both');
  });

  it('puts every relationship type in exactly one of the two sets', () => {
    expect(
      RELATIONSHIP_TYPES.filter(
        (type) => DEPENDENT_IS_SOURCE.has(type) === BIDIRECTIONAL.has(type),
      ),
    ).toEqual([]);
  });
});
