import {
  AssignmentStrategy,
  DecisionTrigger,
  type DecisionStep,
  type Escalation,
  EscalationKind,
  EscalationTrigger,
  type RoutingDecision,
  type RuleActions as RuleActionsMessage,
  type Skill,
  StepKind,
  toTimestamp,
} from '@itsm/contracts';
import type { StoredDecision, StoredEscalation } from '../application/ports/routing-ledger';
import type { ExplanationStep, RuleActions, SkillLevels } from '../domain/routing-model';
import { summarizeStep } from '../domain/step-summary';

const TRIGGERS: Record<StoredDecision['trigger'], DecisionTrigger> = {
  created: DecisionTrigger.DECISION_TRIGGER_CREATED,
  queue: DecisionTrigger.DECISION_TRIGGER_QUEUE,
  escalation: DecisionTrigger.DECISION_TRIGGER_ESCALATION,
};

export const STRATEGY_MESSAGES = {
  round_robin: AssignmentStrategy.ASSIGNMENT_STRATEGY_ROUND_ROBIN,
  least_loaded: AssignmentStrategy.ASSIGNMENT_STRATEGY_LEAST_LOADED,
  skills_match: AssignmentStrategy.ASSIGNMENT_STRATEGY_SKILLS_MATCH,
} as const;

const KINDS: Record<StoredEscalation['kind'], EscalationKind> = {
  functional: EscalationKind.ESCALATION_KIND_FUNCTIONAL,
  hierarchical: EscalationKind.ESCALATION_KIND_HIERARCHICAL,
};

const ESCALATION_TRIGGERS: Record<StoredEscalation['trigger'], EscalationTrigger> = {
  agent: EscalationTrigger.ESCALATION_TRIGGER_AGENT,
  sla_warning: EscalationTrigger.ESCALATION_TRIGGER_SLA_WARNING,
  sla_breach: EscalationTrigger.ESCALATION_TRIGGER_SLA_BREACH,
};

export function toSkillMessages(skills: SkillLevels): Skill[] {
  return Object.entries(skills)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, level]) => ({ name, level }));
}

export function toRuleActionsMessage(actions: RuleActions): RuleActionsMessage {
  return {
    setGroupId: actions.setGroupId ?? '',
    setPriority: actions.setPriority ?? '',
    addTags: [...(actions.addTags ?? [])],
    setCategoryId: actions.setCategoryId ?? '',
  };
}

const EMPTY_STEP: DecisionStep = {
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
  summaryEn: '',
  summaryRu: '',
};

export function toStepMessage(step: ExplanationStep): DecisionStep {
  const summary = summarizeStep(step);
  const base = { ...EMPTY_STEP, summaryEn: summary.en, summaryRu: summary.ru };
  switch (step.kind) {
    case 'classification':
      return {
        ...base,
        kind: StepKind.STEP_KIND_CLASSIFICATION,
        proposedCategoryId: step.proposedCategoryId ?? '',
        categoryConfidence: step.categoryConfidence,
        proposedGroupId: step.proposedGroupId ?? '',
        groupConfidence: step.groupConfidence,
        threshold: step.threshold,
        applied: step.applied,
      };
    case 'rule_matched':
      return {
        ...base,
        kind: StepKind.STEP_KIND_RULE_MATCHED,
        ruleId: step.ruleId,
        ruleName: step.ruleName,
        ruleVersion: step.ruleVersion,
        ruleActions: toRuleActionsMessage(step.applied),
      };
    case 'group_selected':
      return {
        ...base,
        kind: StepKind.STEP_KIND_GROUP_SELECTED,
        groupId: step.groupId,
        source: step.source,
      };
    case 'agent_selected':
      return {
        ...base,
        kind: StepKind.STEP_KIND_AGENT_SELECTED,
        groupId: step.groupId,
        strategy: STRATEGY_MESSAGES[step.strategy],
        requiredSkills: toSkillMessages(step.requiredSkills),
        chosenAgentId: step.chosenAgentId ?? '',
        candidates: step.candidates.map((candidate) => ({
          agentId: candidate.agentId,
          userId: candidate.userId,
          eligible: candidate.eligible,
          exclusions: [...candidate.exclusions],
          score: candidate.score,
          openTickets: candidate.openTickets,
          weightedLoad: candidate.weightedLoad,
          skillScore: candidate.skillScore,
        })),
      };
    case 'queued':
      return {
        ...base,
        kind: StepKind.STEP_KIND_QUEUED,
        groupId: step.groupId,
        reason: step.reason,
      };
    case 'no_group':
      return { ...base, kind: StepKind.STEP_KIND_NO_GROUP, reason: step.reason };
  }
}

export function toDecisionMessage(decision: StoredDecision): RoutingDecision {
  return {
    id: decision.id,
    ticketId: decision.ticketId,
    ticketNumber: decision.ticketNumber,
    trigger: TRIGGERS[decision.trigger],
    groupId: decision.groupId ?? '',
    assigneeId: decision.assigneeId ?? '',
    agentId: decision.agentId ?? '',
    priority: decision.priority ?? '',
    categoryId: decision.categoryId ?? '',
    addTags: [...decision.addTags],
    queued: decision.queued,
    steps: decision.steps.map(toStepMessage),
    decidedAt: toTimestamp(decision.decidedAt),
    durationUs: decision.durationUs,
  };
}

export function toEscalationMessage(escalation: StoredEscalation): Escalation {
  return {
    id: escalation.id,
    ticketId: escalation.ticketId,
    ticketNumber: escalation.ticketNumber,
    kind: KINDS[escalation.kind],
    trigger: ESCALATION_TRIGGERS[escalation.trigger],
    fromGroupId: escalation.fromGroupId ?? '',
    toGroupId: escalation.toGroupId ?? '',
    assigneeId: escalation.assigneeId ?? '',
    supervisorId: escalation.supervisorId ?? '',
    reason: escalation.reason,
    actorId: escalation.actorId ?? '',
    occurredAt: toTimestamp(escalation.occurredAt),
    decisionId: escalation.decisionId ?? '',
  };
}
