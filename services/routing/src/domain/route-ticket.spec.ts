import { selectAgent } from './agent-selection';
import {
  assignFromQueue,
  assignInGroup,
  candidatesOf,
  chooseGroup,
  classificationFrom,
  givenGroup,
  queueReason,
  rerouteToGroup,
  routeTicket,
  type RoutingClassification,
  type RoutingContext,
} from './route-ticket';
import { compileRules } from './rule-engine';
import {
  type Agent,
  type AgentLoad,
  type CandidateScore,
  type ExplanationStep,
  type RoutingRule,
  type SkillLevels,
  type SupportGroup,
  type SupportLine,
  type TicketFacts,
  type WorkingShift,
} from './routing-model';

// Monday 2025-11-24, 15:00 in Moscow.
const now = new Date('2025-11-24T12:00:00Z');
const dayShift: WorkingShift = {
  timeZone: 'Europe/Moscow',
  windows: [1, 2, 3, 4, 5].map((weekday) => ({
    weekday: weekday as 1,
    start: '09:00',
    end: '18:00',
  })),
};
const nightShift: WorkingShift = {
  timeZone: 'Europe/Moscow',
  windows: [{ weekday: 1, start: '22:00', end: '06:00' }],
};

const lines = new Map<string, SupportLine>([
  ['line-1', { id: 'line-1', name: 'Service desk', level: 1 }],
  ['line-2', { id: 'line-2', name: 'Specialists', level: 2 }],
]);

const supportGroup = (id: string, overrides: Partial<SupportGroup> = {}): SupportGroup => ({
  id,
  name: id,
  lineId: 'line-1',
  strategy: 'least_loaded',
  supervisorId: null,
  escalationGroupId: null,
  escalateOnSlaWarning: false,
  autoAssign: true,
  ...overrides,
});

const groups = new Map(
  [
    supportGroup('grp-desk', { strategy: 'round_robin' }),
    supportGroup('grp-network', { escalationGroupId: 'grp-network-2' }),
    supportGroup('grp-network-2', { lineId: 'line-2', strategy: 'skills_match' }),
    supportGroup('grp-1c', { lineId: 'line-2' }),
    supportGroup('grp-dispatch', { autoAssign: false }),
    supportGroup('grp-empty'),
  ].map((group) => [group.id, group]),
);

const agent = (id: string, groupId: string, overrides: Partial<Agent> = {}): Agent => ({
  id,
  userId: `user-${id}`,
  displayName: id,
  groupIds: [groupId],
  skills: { network: 3 },
  capacity: 5,
  availability: 'online',
  shift: dayShift,
  ...overrides,
});

const networkAgents = [
  agent('anna', 'grp-network'),
  agent('boris', 'grp-network', { skills: { network: 4 } }),
  agent('vera', 'grp-network', { availability: 'away' }),
  agent('gleb', 'grp-network', { shift: nightShift }),
  agent('dina', 'grp-network', { capacity: 3 }),
  agent('egor', 'grp-network', { skills: { network: 1 } }),
];

const load = (openTickets: number, weightedLoad: number, lastAssignedAt: string | null = null) => ({
  openTickets,
  weightedLoad,
  lastAssignedAt: lastAssignedAt === null ? null : new Date(lastAssignedAt),
});

const loads = new Map<string, AgentLoad>([
  ['anna', load(2, 4, '2025-11-24T09:00:00Z')],
  ['boris', load(1, 2, '2025-11-24T11:00:00Z')],
  ['dina', load(3, 6)],
  ['desk-1', load(0, 0, '2025-11-24T10:00:00Z')],
]);

let nextRule = 0;
const rule = (overrides: Partial<RoutingRule>): RoutingRule => ({
  id: `r-${++nextRule}`,
  name: 'rule',
  order: nextRule * 10,
  enabled: true,
  conditions: [],
  actions: {},
  stopProcessing: false,
  version: 1,
  ...overrides,
});

const rules = [
  rule({
    id: 'r-network',
    name: 'Network incidents',
    version: 3,
    conditions: [
      { field: 'type', operator: 'in', values: ['incident'] },
      { field: 'keywords', operator: 'contains_any', values: ['интернет', 'сеть', 'wi-fi', 'vpn'] },
    ],
    actions: { setGroupId: 'grp-network', addTags: ['network'] },
  }),
  rule({
    id: 'r-vip',
    name: 'VIP requesters',
    conditions: [
      { field: 'custom_field', operator: 'is_not_empty', values: [], customField: 'vip' },
    ],
    actions: { setPriority: 'high', addTags: ['vip'] },
  }),
  rule({
    id: 'r-1c',
    name: '1C to its team',
    conditions: [{ field: 'category', operator: 'in', values: ['cat-1c'] }],
    actions: { setGroupId: 'grp-1c' },
  }),
  rule({
    id: 'r-broken',
    name: 'Sends to a deleted group',
    conditions: [{ field: 'channel', operator: 'in', values: ['fax'] }],
    actions: { setGroupId: 'grp-deleted' },
  }),
  rule({
    id: 'r-dispatch',
    name: 'Phone calls to the dispatcher',
    conditions: [{ field: 'channel', operator: 'in', values: ['phone'] }],
    actions: { setGroupId: 'grp-dispatch' },
  }),
];

const context = (overrides: Partial<RoutingContext> = {}): RoutingContext => ({
  ruleSet: compileRules(rules),
  groups,
  lines,
  agentsByGroup: new Map([
    ['grp-network', networkAgents],
    [
      'grp-network-2',
      [
        agent('senior', 'grp-network-2', { skills: { network: 5, vpn: 4 } }),
        agent('expert', 'grp-network-2', { skills: { network: 5, vpn: 5 } }),
      ],
    ],
    ['grp-desk', [agent('desk-1', 'grp-desk'), agent('desk-2', 'grp-desk')]],
    ['grp-1c', [agent('buh', 'grp-1c', { skills: { '1c': 4 } })]],
  ]),
  loads,
  categorySkills: new Map<string, SkillLevels>([
    ['cat-network', { network: 2 }],
    ['cat-1c', { '1c': 3 }],
  ]),
  classification: null,
  classificationThreshold: 0.8,
  defaultGroupId: 'grp-desk',
  now,
  ...overrides,
});

const ticket = (overrides: Partial<TicketFacts> = {}): TicketFacts => ({
  ticketId: 'ticket-1',
  number: 'INC-000042',
  type: 'incident',
  title: 'Не работает интернет в бухгалтерии',
  description: 'С утра нет сети на всех компьютерах отдела.',
  categoryId: 'cat-network',
  serviceId: null,
  organizationId: 'org-hq',
  priority: 'medium',
  channel: 'portal',
  customFields: {},
  tags: [],
  ...overrides,
});

const candidate = (
  agentId: string,
  fields: Partial<CandidateScore> & Pick<CandidateScore, 'openTickets' | 'weightedLoad'>,
): CandidateScore => ({
  agentId,
  userId: `user-${agentId}`,
  eligible: (fields.exclusions ?? []).length === 0,
  exclusions: [],
  score: fields.weightedLoad,
  skillScore: 3,
  ...fields,
});

describe('routing a network incident', () => {
  it('goes by rule to the 1st-line network group and to its least-loaded agent on shift with the skill', () => {
    const decision = routeTicket(ticket(), context());

    expect(decision).toEqual({
      groupId: 'grp-network',
      assigneeAgentId: 'boris',
      assigneeUserId: 'user-boris',
      priority: null,
      categoryId: null,
      addTags: ['network'],
      queued: false,
      steps: [
        {
          kind: 'rule_matched',
          ruleId: 'r-network',
          ruleName: 'Network incidents',
          ruleVersion: 3,
          applied: { setGroupId: 'grp-network', addTags: ['network'] },
        },
        { kind: 'group_selected', groupId: 'grp-network', source: 'rule' },
        {
          kind: 'agent_selected',
          groupId: 'grp-network',
          strategy: 'least_loaded',
          requiredSkills: { network: 2 },
          chosenAgentId: 'boris',
          candidates: [
            candidate('boris', { openTickets: 1, weightedLoad: 2, skillScore: 4 }),
            candidate('anna', { openTickets: 2, weightedLoad: 4 }),
            candidate('dina', { openTickets: 3, weightedLoad: 6, exclusions: ['at_capacity'] }),
            candidate('egor', {
              openTickets: 0,
              weightedLoad: 0,
              skillScore: 1,
              exclusions: ['missing_skills'],
            }),
            candidate('gleb', { openTickets: 0, weightedLoad: 0, exclusions: ['off_shift'] }),
            candidate('vera', { openTickets: 0, weightedLoad: 0, exclusions: ['unavailable'] }),
          ],
        },
      ],
    });
  });
});

/** A step in a line, so a table of scenarios can say what happened in order. */
function describeStep(step: ExplanationStep): string {
  switch (step.kind) {
    case 'classification':
      return `classification ${step.applied ? 'applied' : 'not applied'}`;
    case 'rule_matched':
      return `rule ${step.ruleId} ${JSON.stringify(step.applied)}`;
    case 'group_selected':
      return `group ${step.groupId} by ${step.source}`;
    case 'agent_selected':
      return `agent ${step.chosenAgentId ?? 'none'} needing ${JSON.stringify(step.requiredSkills)}`;
    case 'queued':
      return `queued in ${step.groupId}: ${step.reason}`;
    case 'no_group':
      return `no group: ${step.reason}`;
  }
}

const proposal = (
  categoryId: string | null,
  categoryConfidence: number,
  groupId: string | null = null,
  groupConfidence = 0,
): RoutingClassification => ({ categoryId, categoryConfidence, groupId, groupConfidence });

const question = {
  title: 'Вопрос по отпуску',
  description: 'Сколько дней осталось?',
  categoryId: null,
};

describe('routing decisions', () => {
  interface Scenario {
    ticket?: Partial<TicketFacts>;
    context?: Partial<RoutingContext>;
    expected: {
      groupId: string | null;
      assignee: string | null;
      priority?: string | null;
      categoryId?: string | null;
      addTags?: string[];
      queued: boolean;
      steps: string[];
    };
  }

  it.each<[string, Scenario]>([
    [
      'a classified category lets a category rule route the ticket',
      {
        ticket: { categoryId: null, title: 'Ошибка при проведении документа', description: '' },
        context: { classification: proposal('cat-1c', 0.93) },
        expected: {
          groupId: 'grp-1c',
          assignee: 'buh',
          categoryId: 'cat-1c',
          queued: false,
          steps: [
            'classification applied',
            'rule r-1c {"setGroupId":"grp-1c"}',
            'group grp-1c by rule',
            'agent buh needing {"1c":3}',
          ],
        },
      },
    ],
    [
      'a proposal under the threshold is shown but not applied',
      {
        ticket: question,
        context: { classification: proposal('cat-1c', 0.79, 'grp-1c', 0.79) },
        expected: {
          groupId: 'grp-desk',
          assignee: 'desk-2',
          categoryId: null,
          queued: false,
          steps: [
            'classification not applied',
            'group grp-desk by default',
            'agent desk-2 needing {}',
          ],
        },
      },
    ],
    [
      'the classifier group is taken when no rule names one',
      {
        ticket: question,
        context: { classification: proposal(null, 0, 'grp-network-2', 0.8) },
        expected: {
          groupId: 'grp-network-2',
          assignee: 'expert',
          queued: false,
          steps: [
            'classification applied',
            'group grp-network-2 by classifier',
            'agent expert needing {}',
          ],
        },
      },
    ],
    [
      'a rule group wins over the classifier, and a ticket keeps its own category',
      {
        context: { classification: proposal('cat-1c', 0.99, 'grp-1c', 0.99) },
        expected: {
          groupId: 'grp-network',
          assignee: 'boris',
          categoryId: null,
          addTags: ['network'],
          queued: false,
          steps: [
            'classification not applied',
            'rule r-network {"setGroupId":"grp-network","addTags":["network"]}',
            'group grp-network by rule',
            'agent boris needing {"network":2}',
          ],
        },
      },
    ],
    [
      'a rule raises the priority; later rules keep the group the first one chose',
      {
        ticket: { channel: 'phone', customFields: { vip: 'yes' } },
        expected: {
          groupId: 'grp-network',
          assignee: 'boris',
          priority: 'high',
          addTags: ['network', 'vip'],
          queued: false,
          steps: [
            'rule r-network {"setGroupId":"grp-network","addTags":["network"]}',
            'rule r-vip {"setPriority":"high","addTags":["vip"]}',
            'rule r-dispatch {}',
            'group grp-network by rule',
            'agent boris needing {"network":2}',
          ],
        },
      },
    ],
    [
      'a rule setting the priority the ticket already has changes nothing',
      {
        ticket: { ...question, priority: 'high', customFields: { vip: true } },
        expected: {
          groupId: 'grp-desk',
          assignee: 'desk-2',
          priority: null,
          addTags: ['vip'],
          queued: false,
          steps: [
            'rule r-vip {"setPriority":"high","addTags":["vip"]}',
            'group grp-desk by default',
            'agent desk-2 needing {}',
          ],
        },
      },
    ],
    [
      'no rule, no classification and no default: no group, nothing else',
      {
        ticket: question,
        context: { defaultGroupId: null },
        expected: {
          groupId: null,
          assignee: null,
          queued: false,
          steps: ['no group: no rule, classification or default names a group'],
        },
      },
    ],
    [
      'a group that no longer exists: no group',
      {
        ticket: { ...question, channel: 'fax' },
        expected: {
          groupId: null,
          assignee: null,
          queued: false,
          steps: [
            'rule r-broken {"setGroupId":"grp-deleted"}',
            'no group: group grp-deleted named by the rule does not exist',
          ],
        },
      },
    ],
    [
      'an unknown default group: no group',
      {
        ticket: question,
        context: { defaultGroupId: 'grp-gone' },
        expected: {
          groupId: null,
          assignee: null,
          queued: false,
          steps: ['no group: group grp-gone named by the default does not exist'],
        },
      },
    ],
    [
      'a group that assigns by hand queues the ticket',
      {
        ticket: { ...question, channel: 'Phone' },
        expected: {
          groupId: 'grp-dispatch',
          assignee: null,
          queued: true,
          steps: [
            'rule r-dispatch {"setGroupId":"grp-dispatch"}',
            'group grp-dispatch by rule',
            'queued in grp-dispatch: the group assigns by hand',
          ],
        },
      },
    ],
    [
      'nobody who can take it: queued with the reasons counted',
      {
        context: {
          agentsByGroup: new Map([
            [
              'grp-network',
              networkAgents.filter(({ id }) => ['vera', 'gleb', 'dina', 'egor'].includes(id)),
            ],
          ]),
        },
        expected: {
          groupId: 'grp-network',
          assignee: null,
          addTags: ['network'],
          queued: true,
          steps: [
            'rule r-network {"setGroupId":"grp-network","addTags":["network"]}',
            'group grp-network by rule',
            'agent none needing {"network":2}',
            'queued in grp-network: no agent can take it now: 1 unavailable, 1 off shift, 1 at capacity, 1 missing skills',
          ],
        },
      },
    ],
    [
      'a group without agents: queued',
      {
        ticket: question,
        context: { defaultGroupId: 'grp-empty' },
        expected: {
          groupId: 'grp-empty',
          assignee: null,
          queued: true,
          steps: [
            'group grp-empty by default',
            'agent none needing {}',
            'queued in grp-empty: no agent can take it now: the group has no agents',
          ],
        },
      },
    ],
  ])('%s', (_name, scenario) => {
    const decision = routeTicket(ticket(scenario.ticket), context(scenario.context));
    expect({
      groupId: decision.groupId,
      assignee: decision.assigneeAgentId,
      priority: decision.priority,
      categoryId: decision.categoryId,
      addTags: decision.addTags,
      queued: decision.queued,
      steps: decision.steps.map(describeStep),
    }).toEqual({ priority: null, categoryId: null, addTags: [], ...scenario.expected });
    expect(decision.assigneeUserId).toBe(
      decision.assigneeAgentId === null ? null : `user-${decision.assigneeAgentId}`,
    );
  });

  it('shows the classifier proposal in full', () => {
    const decision = routeTicket(
      ticket(question),
      context({ classification: proposal('cat-1c', 0.6, 'grp-1c', 0.85) }),
    );
    expect(decision.steps[0]).toEqual({
      kind: 'classification',
      proposedCategoryId: 'cat-1c',
      categoryConfidence: 0.6,
      proposedGroupId: 'grp-1c',
      groupConfidence: 0.85,
      threshold: 0.8,
      applied: true,
    });
    expect(decision.groupId).toBe('grp-1c');
    expect(decision.categoryId).toBeNull();
  });
});

describe('escalating to another group', () => {
  it('skips rules and classification and assigns in the target group', () => {
    const target = groups.get('grp-network-2') as SupportGroup;
    const decision = rerouteToGroup(
      ticket({ customFields: { vip: 'yes' } }),
      target,
      context({ categorySkills: new Map([['cat-network', { network: 4, vpn: 3 }]]) }),
    );
    expect({ ...decision, steps: decision.steps.map(describeStep) }).toEqual({
      groupId: 'grp-network-2',
      assigneeAgentId: 'expert',
      assigneeUserId: 'user-expert',
      priority: null,
      categoryId: null,
      addTags: [],
      queued: false,
      steps: ['group grp-network-2 by escalation', 'agent expert needing {"network":4,"vpn":3}'],
    });
  });

  it('can say the ticket stays in its current group', () => {
    const group = groups.get('grp-desk') as SupportGroup;
    const decision = rerouteToGroup(ticket(question), group, context(), 'current');
    expect(decision.steps.map(describeStep)).toEqual([
      'group grp-desk by current',
      'agent desk-2 needing {}',
    ]);
  });

  it('queues in a target group that assigns by hand', () => {
    const decision = rerouteToGroup(
      ticket(),
      groups.get('grp-dispatch') as SupportGroup,
      context(),
    );
    expect(decision.queued).toBe(true);
    expect(decision.steps.map(describeStep)).toEqual([
      'group grp-dispatch by escalation',
      'queued in grp-dispatch: the group assigns by hand',
    ]);
  });
});

describe('assigning from the queue', () => {
  it('chooses as selectAgent does', () => {
    const group = groups.get('grp-network') as SupportGroup;
    const required = { network: 2 };
    expect(assignFromQueue(group, networkAgents, loads, required, now)).toEqual(
      selectAgent({ group, agents: networkAgents, loads, requiredSkills: required, now }),
    );
  });
});

describe('choosing the group first, the agent once the loads are known', () => {
  it.each<[string, Partial<TicketFacts>, Partial<RoutingContext>]>([
    ['a rule names the group', {}, {}],
    [
      'a classified category routes by rule',
      question,
      { classification: proposal('cat-1c', 0.93) },
    ],
    ['the default group', question, {}],
    ['a group that assigns by hand', { ...question, channel: 'phone' }, {}],
    ['a rule naming a group that does not exist', { channel: 'fax' }, { defaultGroupId: null }],
    ['no group at all', question, { defaultGroupId: null }],
  ])(
    '%s: the choice holds all of the decision but who takes the ticket',
    (_name, facts, overrides) => {
      const routing = context(overrides);
      const choice = chooseGroup(ticket(facts), routing);
      const decision = routeTicket(ticket(facts), routing);
      const agentSteps = new Set<ExplanationStep['kind']>(['agent_selected', 'queued']);
      expect(choice.decision).toEqual({
        ...decision,
        assigneeAgentId: null,
        assigneeUserId: null,
        queued: false,
        steps: decision.steps.filter(({ kind }) => !agentSteps.has(kind)),
      });
      expect(choice.group?.id ?? null).toBe(decision.groupId);
    },
  );

  it('a group that assigns by hand is chosen as any other', () => {
    const choice = chooseGroup(ticket({ ...question, channel: 'phone' }), context());
    expect(choice.group?.id).toBe('grp-dispatch');
  });

  it('chooses the group from rules alone: the agents and their loads play no part', () => {
    const choice = chooseGroup(ticket(), context());
    expect(choice.group?.id).toBe('grp-network');
    expect(choice.skillsCategoryId).toBe('cat-network');
    expect(choice.decision.steps.map(describeStep)).toEqual([
      'rule r-network {"setGroupId":"grp-network","addTags":["network"]}',
      'group grp-network by rule',
    ]);
  });

  it('completes the same choice differently as the loads change, and leaves the choice as it was', () => {
    const routing = context();
    const choice = chooseGroup(ticket(), routing);
    const stepsBefore = [...choice.decision.steps];
    const busyBoris = new Map(loads).set('boris', load(4, 8));

    expect(assignInGroup(choice, routing).assigneeAgentId).toBe('boris');
    expect(assignInGroup(choice, { ...routing, loads: busyBoris }).assigneeAgentId).toBe('anna');
    expect(choice.decision.steps).toEqual(stepsBefore);
  });

  it('takes a given group as escalation does, without rules or classification', () => {
    const target = groups.get('grp-network-2') as SupportGroup;
    const routing = context({ classification: proposal('cat-1c', 0.99, 'grp-1c', 0.99) });
    const choice = givenGroup(ticket(), target, 'escalation');
    expect(choice.decision.steps.map(describeStep)).toEqual(['group grp-network-2 by escalation']);
    expect(assignInGroup(choice, routing)).toEqual(rerouteToGroup(ticket(), target, routing));
  });

  it.each<[string, Partial<TicketFacts>, Partial<RoutingContext>, string[]]>([
    ['the agents of a group that assigns automatically', {}, {}, networkAgents.map(({ id }) => id)],
    ['nobody in a group that assigns by hand', { ...question, channel: 'phone' }, {}, []],
    ['nobody without a group', question, { defaultGroupId: null }, []],
    ['nobody in a group without agents', question, { defaultGroupId: 'grp-empty' }, []],
  ])('reads the loads of %s', (_name, facts, overrides, expected) => {
    const routing = context(overrides);
    const choice = chooseGroup(ticket(facts), routing);
    expect(candidatesOf(choice, routing.agentsByGroup).map(({ id }) => id)).toEqual(expected);
  });
});

describe('the reason a ticket waits', () => {
  it.each<[string, CandidateScore[], string]>([
    ['no agents', [], 'no agent can take it now: the group has no agents'],
    [
      'reasons counted per agent, in a fixed order',
      [
        candidate('a', {
          openTickets: 5,
          weightedLoad: 9,
          exclusions: ['off_shift', 'at_capacity'],
        }),
        candidate('b', { openTickets: 0, weightedLoad: 0, exclusions: ['off_shift'] }),
      ],
      'no agent can take it now: 2 off shift, 1 at capacity',
    ],
  ])('%s', (_name, candidates, expected) => {
    expect(queueReason(candidates)).toBe(expected);
  });
});

describe('taking the classifier answer', () => {
  it.each([
    ['nothing proposed', { category: null, group: null }, null],
    [
      'a category only',
      { category: { label: 'cat-1c', confidence: 0.9, alternatives: [] }, group: null },
      { categoryId: 'cat-1c', categoryConfidence: 0.9, groupId: null, groupConfidence: 0 },
    ],
    [
      'both',
      {
        category: { label: 'cat-net', confidence: 0.7, alternatives: [] },
        group: { label: 'grp-network', confidence: 0.95, alternatives: [] },
      },
      {
        categoryId: 'cat-net',
        categoryConfidence: 0.7,
        groupId: 'grp-network',
        groupConfidence: 0.95,
      },
    ],
  ])('%s', (_name, result, expected) => {
    expect(classificationFrom(result)).toEqual(expected);
  });
});
