import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Escalation, RoutingDecision } from '../generated/itsm/routing/v1/routing';
import {
  DecisionTrigger,
  EscalationKind,
  EscalationTrigger,
  StepKind,
} from '../generated/itsm/routing/v1/routing';
import { toTimestamp } from '../timestamps';
import * as routingEvents from './routing-events';
import { TicketEscalated, TicketRouted } from './routing-events';
import { Topics } from './topics';

const ticketId = '0194a000-0000-7000-8000-000000000001';

function decision(overrides: Partial<RoutingDecision> = {}): RoutingDecision {
  return {
    id: '0194a000-0000-7000-8000-0000000000d1',
    ticketId,
    ticketNumber: 'INC-000001',
    trigger: DecisionTrigger.DECISION_TRIGGER_CREATED,
    groupId: '0194a000-0000-7000-8000-0000000000a1',
    assigneeId: 'agent-7',
    agentId: '0194a000-0000-7000-8000-0000000000b7',
    priority: '',
    categoryId: '',
    addTags: ['network'],
    queued: false,
    steps: [],
    decidedAt: toTimestamp(new Date('2026-11-30T08:30:00Z')),
    durationUs: 412,
    ...overrides,
  };
}

function escalation(overrides: Partial<Escalation> = {}): Escalation {
  return {
    id: '0194a000-0000-7000-8000-0000000000e1',
    ticketId,
    ticketNumber: 'INC-000001',
    kind: EscalationKind.ESCALATION_KIND_FUNCTIONAL,
    trigger: EscalationTrigger.ESCALATION_TRIGGER_SLA_WARNING,
    fromGroupId: '0194a000-0000-7000-8000-0000000000a1',
    toGroupId: '0194a000-0000-7000-8000-0000000000a2',
    assigneeId: '',
    supervisorId: '',
    reason: '75 % of the resolution time is used up',
    actorId: '',
    occurredAt: toTimestamp(new Date('2026-11-30T09:00:00Z')),
    decisionId: '0194a000-0000-7000-8000-0000000000d2',
    ...overrides,
  };
}

describe('routing events', () => {
  it('travel on itsm.routing.v1', () => {
    expect([TicketRouted.topic, TicketEscalated.topic]).toEqual([Topics.routing, Topics.routing]);
    expect(Topics.routing).toBe('itsm.routing.v1');
  });

  it('carry the explanation steps in proto3 JSON', () => {
    const json = TicketRouted.toJson({
      decision: decision({
        steps: [
          {
            kind: StepKind.STEP_KIND_GROUP_SELECTED,
            groupId: '0194a000-0000-7000-8000-0000000000a1',
            source: 'rule',
          } as never,
        ],
      }),
    }) as { decision: { trigger: string; steps: Array<{ kind: string }>; decidedAt: string } };
    expect(json.decision.trigger).toBe('DECISION_TRIGGER_CREATED');
    expect(json.decision.steps[0]?.kind).toBe('STEP_KIND_GROUP_SELECTED');
    expect(json.decision.decidedAt).toBe('2026-11-30T08:30:00.000Z');
    expect(TicketRouted.fromJson(json).decision?.assigneeId).toBe('agent-7');
  });

  it.each([
    ['no group', decision({ groupId: '' }), 'decision.groupId is empty'],
    [
      'a queued decision with an assignee',
      decision({ queued: true }),
      'a queued decision names an assignee',
    ],
    [
      'no trigger',
      decision({ trigger: DecisionTrigger.DECISION_TRIGGER_UNSPECIFIED }),
      'decision.trigger is unspecified',
    ],
  ])('refuse a routed event with %s', (_case, value, problem) => {
    expect(() => TicketRouted.fromJson(TicketRouted.toJson({ decision: value }))).toThrow(problem);
  });

  it.each([
    [
      'a functional escalation without a target',
      escalation({ toGroupId: '' }),
      'names no toGroupId',
    ],
    [
      'a hierarchical escalation without a supervisor',
      escalation({ kind: EscalationKind.ESCALATION_KIND_HIERARCHICAL }),
      'names no supervisorId',
    ],
    ['no reason', escalation({ reason: '' }), 'escalation.reason is empty'],
  ])('refuse %s', (_case, value, problem) => {
    expect(() => TicketEscalated.fromJson(TicketEscalated.toJson({ escalation: value }))).toThrow(
      problem,
    );
  });

  it('accept a complete escalation', () => {
    const value = escalation();
    expect(
      TicketEscalated.fromJson(TicketEscalated.toJson({ escalation: value })).escalation,
    ).toEqual(value);
  });
});

describe('the AsyncAPI document', () => {
  it('describes every routing event type on the itsm.routing.v1 channel', () => {
    const document = readFileSync(join(__dirname, '../../../../proto/asyncapi.yaml'), 'utf8');
    const eventTypes = Object.values(routingEvents).map((eventType) => eventType.type);
    expect(eventTypes).toHaveLength(2);
    expect(document).toContain(`address: ${Topics.routing}\n`);
    expect(eventTypes.filter((type) => !document.includes(`name: ${type}\n`))).toEqual([]);
  });
});
