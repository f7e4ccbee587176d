import { Metadata, status } from '@grpc/grpc-js';
import {
  type Agent,
  AssignmentStrategy,
  Availability,
  type DecisionStep,
  DecisionTrigger,
  ErrorMetadata,
  EscalationKind,
  EscalationTrigger,
  type RoutingDecision,
  type RoutingRule,
  StepKind,
  type SupportGroup,
  toTimestamp,
} from '@itsm/contracts';
import { withRestFieldNames } from '../problem/violation-fields';
import type { WriteAgentDto } from './dto/agent.dto';
import type { WriteRoutingRuleDto } from './dto/routing-rule.dto';
import {
  availabilityOf,
  routingFieldName,
  toAgentDraft,
  toAgentDto,
  toClassificationResultDto,
  toDecisionStepDto,
  toEscalateTicketRequest,
  toGroupDraft,
  toListAgentsRequest,
  toRoutingRuleDto,
  toRoutingSettingsDto,
  toRuleDraft,
  toSupportGroupDto,
  toTicketRoutingDto,
  toUpdateSettingsRequest,
} from './routing-dto.mapper';

const at = new Date('2026-11-27T08:30:00.250Z');
const iso = '2026-11-27T08:30:00.250Z';
const lineId = '0193a7a0-0000-7000-8000-00000000001a';
const groupId = '0193a7a0-0000-7000-8000-0000000000a1';
const nextGroupId = '0193a7a0-0000-7000-8000-0000000000a2';
const agentId = '0193a7a0-0000-7000-8000-0000000000b1';
const ruleId = '0193a7a0-0000-7000-8000-0000000000c1';
const categoryId = '0193a7a0-0000-7000-8000-0000000000d1';
const ticketId = '0193a7a0-0000-7000-8000-000000000001';

describe('groups: REST ⇄ contract', () => {
  it('sends a group auto-assigning and not escalating on warnings unless it says otherwise', () => {
    expect(toGroupDraft({ name: 'Network', lineId, strategy: 'skills_match' })).toEqual({
      name: 'Network',
      lineId,
      strategy: AssignmentStrategy.ASSIGNMENT_STRATEGY_SKILLS_MATCH,
      supervisorId: '',
      escalationGroupId: '',
      escalateOnSlaWarning: false,
      autoAssign: true,
    });
  });

  it('shows a group without supervisor or next line with nulls', () => {
    const group: SupportGroup = {
      id: groupId,
      name: 'Network',
      lineId,
      strategy: AssignmentStrategy.ASSIGNMENT_STRATEGY_ROUND_ROBIN,
      supervisorId: '',
      escalationGroupId: nextGroupId,
      escalateOnSlaWarning: true,
      autoAssign: false,
      version: 3,
      createdAt: toTimestamp(at),
      updatedAt: toTimestamp(at),
      queuedTickets: 4,
    };
    expect(toSupportGroupDto(group)).toEqual({
      id: groupId,
      name: 'Network',
      lineId,
      strategy: 'round_robin',
      supervisorId: null,
      escalationGroupId: nextGroupId,
      escalateOnSlaWarning: true,
      autoAssign: false,
      queuedTickets: 4,
      version: 3,
      createdAt: iso,
      updatedAt: iso,
    });
  });
});

const anna: WriteAgentDto = {
  userId: 'agent-17',
  displayName: 'Anna Petrova',
  groupIds: [groupId],
  skills: [
    { name: 'network', level: 4 },
    { name: '1c', level: 2 },
  ],
  capacity: 8,
  availability: 'online',
  shift: {
    timeZone: 'Europe/Moscow',
    windows: [
      { weekday: 'monday', start: '09:00', end: '18:00' },
      { weekday: 'sunday', start: '22:00', end: '06:00' },
    ],
  },
};

describe('agents: REST ⇄ contract', () => {
  it('sends named weekdays as ISO weekdays and shows them back by name', () => {
    const draft = toAgentDraft(anna);
    expect(draft).toEqual({
      userId: 'agent-17',
      displayName: 'Anna Petrova',
      groupIds: [groupId],
      skills: [
        { name: 'network', level: 4 },
        { name: '1c', level: 2 },
      ],
      capacity: 8,
      availability: Availability.AVAILABILITY_ONLINE,
      shift: {
        timeZone: 'Europe/Moscow',
        windows: [
          { weekday: 1, start: '09:00', end: '18:00' },
          { weekday: 7, start: '22:00', end: '06:00' },
        ],
      },
    });
    const agent: Agent = {
      ...draft,
      id: agentId,
      version: 2,
      createdAt: toTimestamp(at),
      updatedAt: toTimestamp(at),
      openTickets: 3,
      weightedLoad: 4.5,
      lastAssignedAt: undefined,
    };
    expect(toAgentDto(agent)).toEqual({
      id: agentId,
      ...anna,
      openTickets: 3,
      weightedLoad: 4.5,
      lastAssignedAt: null,
      version: 2,
      createdAt: iso,
      updatedAt: iso,
    });
  });

  it.each([
    ['no shift: always on shift', { shift: undefined }, { shift: undefined }],
    ['a null shift: always on shift', { shift: null }, { shift: undefined }],
    [
      'no availability: online',
      { availability: undefined },
      { availability: Availability.AVAILABILITY_ONLINE },
    ],
    [
      'no groups or skills',
      { groupIds: undefined, skills: undefined },
      { groupIds: [], skills: [] },
    ],
  ] as const)('sends %s', (_, change, expected) => {
    expect(toAgentDraft({ ...anna, ...change })).toMatchObject(expected);
  });

  it('shows an agent without shift with a null shift', () => {
    const agent = { ...toAgentDraft({ ...anna, shift: null }), id: agentId, version: 1 };
    expect(
      toAgentDto({
        ...agent,
        createdAt: toTimestamp(at),
        updatedAt: toTimestamp(at),
        openTickets: 0,
        weightedLoad: 0,
        lastAssignedAt: toTimestamp(at),
      }),
    ).toMatchObject({ shift: null, lastAssignedAt: iso });
  });

  it.each([
    [{}, { groupId: '', query: '', userId: '', pageSize: 0, pageToken: '' }],
    [
      { groupId, query: 'petr', limit: 20, cursor: 'c2' },
      { groupId, query: 'petr', userId: '', pageSize: 20, pageToken: 'c2' },
    ],
    [
      { userId: 'u-petrov' },
      { groupId: '', query: '', userId: 'u-petrov', pageSize: 0, pageToken: '' },
    ],
  ])('asks for the page %j as %j', (query, request) => {
    expect(toListAgentsRequest(query)).toEqual(request);
  });

  it.each([
    ['online', Availability.AVAILABILITY_ONLINE],
    ['away', Availability.AVAILABILITY_AWAY],
    ['off', Availability.AVAILABILITY_OFF],
  ] as const)('sends availability %s as %s', (name, availability) => {
    expect(availabilityOf(name)).toBe(availability);
  });
});

const vpnRule: WriteRoutingRuleDto = {
  name: 'VPN to Network',
  conditions: [
    { field: 'keywords', operator: 'contains_any', values: ['vpn', 'впн'] },
    { field: 'custom_field', operator: 'is_not_empty', customField: 'office' },
  ],
  actions: { setGroupId: groupId, setPriority: 'high' },
  actorId: 'admin-1',
};

describe('rules: REST ⇄ contract', () => {
  it('sends a rule enabled, last and not stopping unless it says otherwise, and shows it back', () => {
    const draft = toRuleDraft(vpnRule);
    expect(draft).toEqual({
      name: 'VPN to Network',
      order: 0,
      enabled: true,
      conditions: [
        { field: 'keywords', operator: 'contains_any', values: ['vpn', 'впн'], customField: '' },
        { field: 'custom_field', operator: 'is_not_empty', values: [], customField: 'office' },
      ],
      actions: { setGroupId: groupId, setPriority: 'high', addTags: [], setCategoryId: '' },
      stopProcessing: false,
    });
    const rule: RoutingRule = {
      ...draft,
      id: ruleId,
      order: 10,
      version: 2,
      updatedBy: 'admin-1',
      createdAt: toTimestamp(at),
      updatedAt: toTimestamp(at),
    };
    expect(toRoutingRuleDto(rule)).toEqual({
      id: ruleId,
      name: 'VPN to Network',
      order: 10,
      enabled: true,
      conditions: [
        { field: 'keywords', operator: 'contains_any', values: ['vpn', 'впн'], customField: null },
        { field: 'custom_field', operator: 'is_not_empty', values: [], customField: 'office' },
      ],
      actions: { setGroupId: groupId, setPriority: 'high', addTags: [], setCategoryId: null },
      stopProcessing: false,
      version: 2,
      updatedBy: 'admin-1',
      createdAt: iso,
      updatedAt: iso,
    });
  });

  it('sends a disabled, ordered, stopping rule as written', () => {
    expect(
      toRuleDraft({ ...vpnRule, order: 5, enabled: false, stopProcessing: true, actions: {} }),
    ).toMatchObject({
      order: 5,
      enabled: false,
      stopProcessing: true,
      actions: { setGroupId: '', setPriority: '', addTags: [], setCategoryId: '' },
    });
  });

  it('refuses a rule the service spells outside the contract', () => {
    const rule: RoutingRule = {
      ...toRuleDraft(vpnRule),
      id: ruleId,
      version: 1,
      updatedBy: 'admin-1',
      createdAt: toTimestamp(at),
      updatedAt: toTimestamp(at),
      conditions: [{ field: 'mood', operator: 'in', values: [], customField: '' }],
    };
    expect(() => toRoutingRuleDto(rule)).toThrow('unexpected rule field "mood"');
  });
});

describe('settings and the classifier: REST ⇄ contract', () => {
  it.each([
    [{ classificationThreshold: 0.7 }, 3, { classificationThreshold: 0.7, defaultGroupId: '' }, 3],
    [{ classificationThreshold: 0, defaultGroupId: null }, undefined, { defaultGroupId: '' }, 0],
    [{ classificationThreshold: 1, defaultGroupId: groupId }, 1, { defaultGroupId: groupId }, 1],
  ])('sends settings %j at If-Match %s', (body, ifMatch, settings, expectedVersion) => {
    expect(toUpdateSettingsRequest(body, ifMatch)).toMatchObject({ settings, expectedVersion });
  });

  it('shows no default group as null', () => {
    expect(
      toRoutingSettingsDto({ classificationThreshold: 0.7, defaultGroupId: '', version: 4 }),
    ).toEqual({ classificationThreshold: 0.7, defaultGroupId: null, version: 4 });
  });

  it('shows what the model cannot tell as null', () => {
    expect(
      toClassificationResultDto({
        category: { label: categoryId, confidence: 0.82 },
        group: undefined,
        threshold: 0.7,
      }),
    ).toEqual({ category: { label: categoryId, confidence: 0.82 }, group: null, threshold: 0.7 });
  });
});

const blankStep: DecisionStep = {
  kind: StepKind.STEP_KIND_UNSPECIFIED,
  proposedCategoryId: '',
  categoryConfidence: 0,
  proposedGroupId: '',
  groupConfidence: 0,
  threshold: 0,
  applied: false,
  ruleId: '',
  ruleName: '',
  ruleVersion: 0,
  ruleActions: undefined,
  groupId: '',
  source: '',
  strategy: AssignmentStrategy.ASSIGNMENT_STRATEGY_UNSPECIFIED,
  requiredSkills: [],
  chosenAgentId: '',
  candidates: [],
  reason: '',
  summaryEn: 'said in English',
  summaryRu: 'сказано по-русски',
};
const summary = { en: 'said in English', ru: 'сказано по-русски' };

describe('a decision’s steps as REST, each with the facts of its kind', () => {
  it.each<[string, Partial<DecisionStep>, object]>([
    [
      'classification',
      {
        kind: StepKind.STEP_KIND_CLASSIFICATION,
        proposedCategoryId: categoryId,
        categoryConfidence: 0.82,
        groupConfidence: 0.4,
        threshold: 0.7,
        applied: true,
      },
      {
        kind: 'classification',
        summary,
        proposedCategoryId: categoryId,
        categoryConfidence: 0.82,
        proposedGroupId: null,
        groupConfidence: 0.4,
        threshold: 0.7,
        applied: true,
      },
    ],
    [
      'rule_matched',
      {
        kind: StepKind.STEP_KIND_RULE_MATCHED,
        ruleId,
        ruleName: 'VPN to Network',
        ruleVersion: 2,
        ruleActions: { setGroupId: groupId, setPriority: '', addTags: ['vpn'], setCategoryId: '' },
      },
      {
        kind: 'rule_matched',
        summary,
        ruleId,
        ruleName: 'VPN to Network',
        ruleVersion: 2,
        actions: { setGroupId: groupId, setPriority: null, addTags: ['vpn'], setCategoryId: null },
      },
    ],
    [
      'group_selected',
      { kind: StepKind.STEP_KIND_GROUP_SELECTED, groupId, source: 'rule' },
      { kind: 'group_selected', summary, groupId, source: 'rule' },
    ],
    [
      'agent_selected',
      {
        kind: StepKind.STEP_KIND_AGENT_SELECTED,
        groupId,
        strategy: AssignmentStrategy.ASSIGNMENT_STRATEGY_SKILLS_MATCH,
        requiredSkills: [{ name: 'network', level: 3 }],
        chosenAgentId: agentId,
        candidates: [
          {
            agentId,
            userId: 'agent-17',
            eligible: true,
            exclusions: [],
            score: 7,
            openTickets: 1,
            weightedLoad: 1.5,
            skillScore: 4,
          },
          {
            agentId: nextGroupId,
            userId: 'agent-18',
            eligible: false,
            exclusions: ['off_shift', 'missing_skills'],
            score: 0,
            openTickets: 0,
            weightedLoad: 0,
            skillScore: 1,
          },
        ],
      },
      {
        kind: 'agent_selected',
        summary,
        groupId,
        strategy: 'skills_match',
        requiredSkills: [{ name: 'network', level: 3 }],
        chosenAgentId: agentId,
        candidates: [
          {
            agentId,
            userId: 'agent-17',
            eligible: true,
            exclusions: [],
            score: 7,
            openTickets: 1,
            weightedLoad: 1.5,
            skillScore: 4,
          },
          {
            agentId: nextGroupId,
            userId: 'agent-18',
            eligible: false,
            exclusions: ['off_shift', 'missing_skills'],
            score: 0,
            openTickets: 0,
            weightedLoad: 0,
            skillScore: 1,
          },
        ],
      },
    ],
    [
      'queued',
      { kind: StepKind.STEP_KIND_QUEUED, groupId, reason: 'no eligible agent' },
      { kind: 'queued', summary, groupId, reason: 'no eligible agent' },
    ],
    [
      'no_group',
      { kind: StepKind.STEP_KIND_NO_GROUP, reason: 'no rule matched' },
      { kind: 'no_group', summary, reason: 'no rule matched' },
    ],
  ])('%s', (_, step, dto) => {
    expect(toDecisionStepDto({ ...blankStep, ...step })).toEqual(dto);
  });

  it.each<[string, Partial<DecisionStep>, string]>([
    ['an unspecified kind', {}, 'STEP_KIND_UNSPECIFIED'],
    [
      'an unknown exclusion',
      {
        kind: StepKind.STEP_KIND_AGENT_SELECTED,
        strategy: AssignmentStrategy.ASSIGNMENT_STRATEGY_ROUND_ROBIN,
        candidates: [
          {
            agentId,
            userId: 'agent-17',
            eligible: false,
            exclusions: ['on_holiday'],
            score: 0,
            openTickets: 0,
            weightedLoad: 0,
            skillScore: 0,
          },
        ],
      },
      'unexpected exclusion "on_holiday"',
    ],
    [
      'an unknown group source',
      { kind: StepKind.STEP_KIND_GROUP_SELECTED, groupId, source: 'magic' },
      'unexpected group source "magic"',
    ],
  ])('refuses %s from the service', (_, step, message) => {
    expect(() => toDecisionStepDto({ ...blankStep, ...step })).toThrow(message);
  });
});

describe('a ticket’s routing as REST', () => {
  const decision: RoutingDecision = {
    id: '0193a7a0-0000-7000-8000-0000000000e1',
    ticketId,
    ticketNumber: 'INC-000001',
    trigger: DecisionTrigger.DECISION_TRIGGER_ESCALATION,
    groupId: nextGroupId,
    assigneeId: '',
    agentId: '',
    priority: '',
    categoryId: '',
    addTags: [],
    queued: true,
    steps: [{ ...blankStep, kind: StepKind.STEP_KIND_QUEUED, groupId: nextGroupId, reason: 'x' }],
    decidedAt: toTimestamp(at),
    durationUs: 850,
  };

  it('shows decisions and escalations oldest first, with nulls for what is not set', () => {
    expect(
      toTicketRoutingDto({
        ticketId,
        currentGroupId: nextGroupId,
        queued: true,
        decisions: [decision],
        escalations: [
          {
            id: '0193a7a0-0000-7000-8000-0000000000f1',
            ticketId,
            ticketNumber: 'INC-000001',
            kind: EscalationKind.ESCALATION_KIND_FUNCTIONAL,
            trigger: EscalationTrigger.ESCALATION_TRIGGER_AGENT,
            fromGroupId: groupId,
            toGroupId: nextGroupId,
            assigneeId: '',
            supervisorId: '',
            reason: 'needs an engineer on site',
            actorId: 'agent-17',
            occurredAt: toTimestamp(at),
            decisionId: decision.id,
          },
        ],
      }),
    ).toEqual({
      ticketId,
      currentGroupId: nextGroupId,
      queued: true,
      decisions: [
        {
          id: decision.id,
          ticketId,
          ticketNumber: 'INC-000001',
          trigger: 'escalation',
          groupId: nextGroupId,
          assigneeId: null,
          agentId: null,
          priority: null,
          categoryId: null,
          addTags: [],
          queued: true,
          steps: [{ kind: 'queued', summary, groupId: nextGroupId, reason: 'x' }],
          decidedAt: iso,
          durationUs: 850,
        },
      ],
      escalations: [
        {
          id: '0193a7a0-0000-7000-8000-0000000000f1',
          ticketId,
          ticketNumber: 'INC-000001',
          kind: 'functional',
          trigger: 'agent',
          fromGroupId: groupId,
          toGroupId: nextGroupId,
          assigneeId: null,
          supervisorId: null,
          reason: 'needs an engineer on site',
          actorId: 'agent-17',
          occurredAt: iso,
          decisionId: decision.id,
        },
      ],
    });
  });

  it.each([
    [undefined, ''],
    ['retry-1', 'retry-1'],
  ])('escalates with Idempotency-Key %s as %j', (header, idempotencyKey) => {
    expect(toEscalateTicketRequest(ticketId, { reason: 'on site' }, 'agent-17', header)).toEqual({
      ticketId,
      reason: 'on site',
      actorId: 'agent-17',
      idempotencyKey,
    });
  });
});

describe('the routing service’s field violations in REST spelling', () => {
  it.each([
    ['line.name', 'name'],
    ['group.line_id', 'lineId'],
    ['group.escalationGroupId', 'escalationGroupId'],
    ['agent.shift.windows[1].start', 'shift.windows[1].start'],
    ['shift.time_zone', 'shift.timeZone'],
    ['agent.skills.1c.level', 'skills[1].level'],
    ['skills.network', 'skills[0]'],
    ['skills.cobol', 'skills'],
    ['skills[0].level', 'skills[0].level'],
    ['rule.conditions[0].custom_field', 'conditions[0].customField'],
    ['rule.actions.setGroupId', 'actions.setGroupId'],
    ['settings.classification_threshold', 'classificationThreshold'],
    ['requirement.skills.network.level', 'skills[0].level'],
    ['pageSize', 'limit'],
    ['page_token', 'cursor'],
    ['reason', 'reason'],
  ])('names %s as %s', (field, restField) => {
    expect(routingFieldName(anna)(field)).toBe(restField);
  });

  it('renames the fields of a refusal on its way to the problem filter', async () => {
    const metadata = new Metadata();
    metadata.set(
      ErrorMetadata.violations,
      Buffer.from(
        JSON.stringify([
          { field: 'agent.shift.timeZone', message: 'unknown time zone' },
          { field: 'agent.skills.network.level', message: 'must be 1 to 5' },
        ]),
      ),
    );
    const refusal = { code: status.INVALID_ARGUMENT, details: 'invalid agent', metadata };
    await expect(withRestFieldNames(Promise.reject(refusal), routingFieldName(anna))).rejects.toBe(
      refusal,
    );
    expect(JSON.parse(String(metadata.get(ErrorMetadata.violations)[0]))).toEqual([
      { field: 'shift.timeZone', message: 'unknown time zone' },
      { field: 'skills[0].level', message: 'must be 1 to 5' },
    ]);
  });
});
