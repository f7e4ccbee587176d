import { nextLineGroup, shouldEscalateOnWarning, validateEscalationTarget } from './escalation';
import { RoutingError, RoutingErrorCode } from './routing-error';
import { type SupportGroup, type SupportLine } from './routing-model';

const lines = new Map<string, SupportLine>([
  ['line-1', { id: 'line-1', name: 'Service desk', level: 1 }],
  ['line-2', { id: 'line-2', name: 'Specialists', level: 2 }],
  ['line-3', { id: 'line-3', name: 'Vendors', level: 3 }],
]);

const group = (
  id: string,
  lineId: string,
  escalationGroupId: string | null,
  escalateOnSlaWarning = false,
): SupportGroup => ({
  id,
  name: id,
  lineId,
  strategy: 'least_loaded',
  supervisorId: null,
  escalationGroupId,
  escalateOnSlaWarning,
  autoAssign: true,
});

const groups = new Map(
  [
    group('desk', 'line-1', 'network-2'),
    group('network-2', 'line-2', 'vendor-3'),
    group('vendor-3', 'line-3', null),
    group('sideways', 'line-2', 'network-2'),
    group('backwards', 'line-2', 'desk'),
    group('dangling', 'line-1', 'deleted'),
    group('lost-line', 'line-x', 'network-2'),
  ].map((g) => [g.id, g]),
);

function refusal(run: () => unknown): {
  code: RoutingErrorCode;
  message: string;
  details: unknown;
} {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RoutingError);
    const { code, message, details } = error as RoutingError;
    return { code, message, details };
  }
  throw new Error('expected a refusal');
}

describe('the next line of a group', () => {
  it.each([
    ['desk', 'network-2'],
    ['network-2', 'vendor-3'],
  ])('%s escalates to %s', (from, to) => {
    expect(nextLineGroup(groups.get(from) as SupportGroup, groups, lines).id).toBe(to);
  });

  it.each<[string, string, Record<string, string>]>([
    ['vendor-3', 'group vendor-3 has no next line to escalate to', { groupId: 'vendor-3' }],
    ['dangling', 'group dangling has no next line to escalate to', { groupId: 'dangling' }],
    [
      'sideways',
      'group sideways cannot escalate to group network-2: its line level 2 is not above 2',
      { groupId: 'sideways', escalationGroupId: 'network-2' },
    ],
    [
      'backwards',
      'group backwards cannot escalate to group desk: its line level 1 is not above 2',
      { groupId: 'backwards', escalationGroupId: 'desk' },
    ],
    [
      'lost-line',
      'group lost-line cannot escalate to group network-2: line line-x does not exist',
      { groupId: 'lost-line', escalationGroupId: 'network-2' },
    ],
  ])('%s cannot escalate', (from, message, details) => {
    expect(refusal(() => nextLineGroup(groups.get(from) as SupportGroup, groups, lines))).toEqual({
      code: RoutingErrorCode.FailedPrecondition,
      message,
      details,
    });
  });
});

describe('validating an escalation target', () => {
  it.each<[string, string, string | null, string | undefined, string[]]>([
    ['no target', 'desk', null, undefined, []],
    ['a higher line', 'desk', 'network-2', undefined, []],
    ['two lines up', 'desk', 'vendor-3', undefined, []],
    [
      'itself',
      'network-2',
      'network-2',
      undefined,
      ['escalationGroupId: a group cannot escalate to itself'],
    ],
    [
      'an unknown group',
      'desk',
      'ghost',
      undefined,
      ['escalationGroupId: group ghost does not exist'],
    ],
    [
      'the same line',
      'sideways',
      'network-2',
      undefined,
      ['escalationGroupId: group network-2 is on line level 2; escalation goes above level 2'],
    ],
    [
      'a lower line',
      'vendor-3',
      'desk',
      undefined,
      ['escalationGroupId: group desk is on line level 1; escalation goes above level 3'],
    ],
    ['a new group on line 1, named by its line', 'new-group', 'network-2', 'line-1', []],
    [
      'a group moving up to line 3, named by its new line',
      'network-2',
      'vendor-3',
      'line-3',
      ['escalationGroupId: group vendor-3 is on line level 3; escalation goes above level 3'],
    ],
    [
      'a new group without a line',
      'new-group',
      'network-2',
      undefined,
      ['escalationGroupId: the lines of both groups must exist to compare their levels'],
    ],
  ])('%s', (_name, groupId, target, lineId, expected) => {
    const violations = validateEscalationTarget(groupId, target, groups, lines, lineId);
    expect(violations.map(({ field, message }) => `${field}: ${message}`)).toEqual(expected);
  });
});

describe('escalating on an SLA warning', () => {
  it.each<[string, SupportGroup, boolean]>([
    ['switched on, with a next line', group('a', 'line-1', 'network-2', true), true],
    ['switched on, without a next line', group('b', 'line-1', null, true), false],
    ['switched off', group('c', 'line-1', 'network-2', false), false],
  ])('%s', (_name, given, expected) => {
    expect(shouldEscalateOnWarning(given)).toBe(expected);
  });
});
