import {
  type Agent,
  type AgentDraft,
  AssignmentStrategy,
  Availability,
  type Candidate,
  type CategorySkills,
  type ClassifierAccuracy,
  type ClassifierModel,
  type ClassifyTextResponse,
  type DecisionStep,
  type EscalateTicketRequest,
  type Escalation,
  fromRestSpelling,
  fromTimestamp,
  type GetTicketRoutingResponse,
  type GroupDraft,
  type LineDraft,
  type ListAgentsRequest,
  type Prediction,
  type RoutingDecision,
  type RoutingRule,
  type RoutingSettings,
  type RuleActions,
  type RuleDraft,
  type Skill,
  StepKind,
  type SupportGroup,
  type SupportLine,
  type Timestamp,
  toRestSpelling,
  type UpdateSettingsRequest,
  type WorkingShift,
} from '@itsm/contracts';
import { assertUnreachable } from '@itsm/lang';
import { WEEKDAYS } from '../sla/dto/sla-enums';
import { PRIORITIES } from '../tickets/dto/ticket-enums';
import type {
  AgentDto,
  CategorySkillsDto,
  ListAgentsQueryDto,
  WorkingShiftDto,
  WriteAgentDto,
} from './dto/agent.dto';
import type {
  ClassificationResultDto,
  ClassifierAccuracyDto,
  ClassifierModelDto,
  ClassifierPredictionDto,
} from './dto/classifier.dto';
import {
  ASSIGNMENT_STRATEGIES,
  AVAILABILITIES,
  type AvailabilityName,
  CANDIDATE_EXCLUSIONS,
  DECISION_TRIGGERS,
  ESCALATION_KINDS,
  ESCALATION_TRIGGERS,
  GROUP_SOURCES,
  RULE_FIELDS,
  RULE_OPERATORS,
} from './dto/routing-enums';
import type {
  RoutingRuleActionsDto,
  RoutingRuleDto,
  WriteRoutingRuleDto,
} from './dto/routing-rule.dto';
import type { RoutingSettingsDto, UpdateRoutingSettingsDto } from './dto/routing-settings.dto';
import type { SkillLevelDto } from './dto/skill.dto';
import type { SupportGroupDto, WriteSupportGroupDto } from './dto/support-group.dto';
import type { SupportLineDto, WriteSupportLineDto } from './dto/support-line.dto';
import type {
  DecisionStepDto,
  EscalateTicketDto,
  RoutingCandidateDto,
  RoutingDecisionDto,
  TicketEscalationDto,
  TicketRoutingDto,
} from './dto/ticket-routing.dto';

function instant(timestamp: Timestamp | undefined, what: string): string {
  if (!timestamp) throw new Error(`the routing service answered without ${what}`);
  return fromTimestamp(timestamp).toISOString();
}

const optionalInstant = (timestamp: Timestamp | undefined): string | null =>
  timestamp ? fromTimestamp(timestamp).toISOString() : null;

/** The contract's empty string ("none") as the API's null. */
const orNull = (value: string): string | null => value || null;

/**
 * A value the contract spells as a string but whose values it lists, checked as
 * toRestSpelling checks enums: an unknown one is the service breaking the contract.
 */
function listed<R extends string>(allowed: readonly R[], value: string, what: string): R {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`unexpected ${what} ${JSON.stringify(value)} from the routing service`);
  }
  return value as R;
}

const skillDtos = (skills: readonly Skill[]): SkillLevelDto[] =>
  skills.map(({ name, level }) => ({ name, level }));

const skillMessages = (skills: readonly SkillLevelDto[] = []): Skill[] =>
  skills.map(({ name, level }) => ({ name, level }));

// ---------------------------------------------------------------------------------------------
// Lines and groups

export function toSupportLineDto(line: SupportLine): SupportLineDto {
  return {
    id: line.id,
    name: line.name,
    level: line.level,
    version: line.version,
    createdAt: instant(line.createdAt, 'a creation time'),
    updatedAt: instant(line.updatedAt, 'an update time'),
  };
}

export function toLineDraft(dto: WriteSupportLineDto): LineDraft {
  return { name: dto.name, level: dto.level };
}

export function toSupportGroupDto(group: SupportGroup): SupportGroupDto {
  return {
    id: group.id,
    name: group.name,
    lineId: group.lineId,
    strategy: toRestSpelling('ASSIGNMENT_STRATEGY_', group.strategy, ASSIGNMENT_STRATEGIES),
    supervisorId: orNull(group.supervisorId),
    escalationGroupId: orNull(group.escalationGroupId),
    escalateOnSlaWarning: group.escalateOnSlaWarning,
    autoAssign: group.autoAssign,
    queuedTickets: group.queuedTickets,
    version: group.version,
    createdAt: instant(group.createdAt, 'a creation time'),
    updatedAt: instant(group.updatedAt, 'an update time'),
  };
}

export function toGroupDraft(dto: WriteSupportGroupDto): GroupDraft {
  return {
    name: dto.name,
    lineId: dto.lineId,
    strategy: fromRestSpelling(
      'ASSIGNMENT_STRATEGY_',
      dto.strategy,
      AssignmentStrategy.ASSIGNMENT_STRATEGY_UNSPECIFIED,
    ),
    supervisorId: dto.supervisorId ?? '',
    escalationGroupId: dto.escalationGroupId ?? '',
    escalateOnSlaWarning: dto.escalateOnSlaWarning ?? false,
    autoAssign: dto.autoAssign ?? true,
  };
}

// ---------------------------------------------------------------------------------------------
// Agents and the skills categories need

function toShiftDto(shift: WorkingShift): WorkingShiftDto {
  return {
    timeZone: shift.timeZone,
    windows: shift.windows.map(({ weekday, start, end }) => {
      const name = WEEKDAYS[weekday - 1];
      if (!name) throw new Error(`the routing service answered ISO weekday ${weekday}`);
      return { weekday: name, start, end };
    }),
  };
}

function toShiftMessage(shift: WorkingShiftDto): WorkingShift {
  return {
    timeZone: shift.timeZone,
    windows: shift.windows.map(({ weekday, start, end }) => ({
      weekday: WEEKDAYS.indexOf(weekday) + 1,
      start,
      end,
    })),
  };
}

export function toAgentDto(agent: Agent): AgentDto {
  return {
    id: agent.id,
    userId: agent.userId,
    displayName: agent.displayName,
    groupIds: [...agent.groupIds],
    skills: skillDtos(agent.skills),
    capacity: agent.capacity,
    availability: toRestSpelling('AVAILABILITY_', agent.availability, AVAILABILITIES),
    shift: agent.shift ? toShiftDto(agent.shift) : null,
    openTickets: agent.openTickets,
    weightedLoad: agent.weightedLoad,
    lastAssignedAt: optionalInstant(agent.lastAssignedAt),
    version: agent.version,
    createdAt: instant(agent.createdAt, 'a creation time'),
    updatedAt: instant(agent.updatedAt, 'an update time'),
  };
}

/** An availability as the contract spells it; absent → unspecified. */
export const availabilityOf = (name: AvailabilityName | undefined): Availability =>
  fromRestSpelling('AVAILABILITY_', name, Availability.AVAILABILITY_UNSPECIFIED);

export function toAgentDraft(dto: WriteAgentDto): AgentDraft {
  return {
    userId: dto.userId,
    displayName: dto.displayName,
    groupIds: dto.groupIds ?? [],
    skills: skillMessages(dto.skills),
    capacity: dto.capacity,
    availability: availabilityOf(dto.availability ?? 'online'),
    shift: dto.shift ? toShiftMessage(dto.shift) : undefined,
  };
}

export function toListAgentsRequest(query: ListAgentsQueryDto): ListAgentsRequest {
  return {
    groupId: query.groupId ?? '',
    query: query.query ?? '',
    userId: query.userId ?? '',
    pageSize: query.limit ?? 0,
    pageToken: query.cursor ?? '',
  };
}

export function toCategorySkillsDto(requirement: CategorySkills): CategorySkillsDto {
  return { categoryId: requirement.categoryId, skills: skillDtos(requirement.skills) };
}

export function toCategorySkills(
  categoryId: string,
  skills: readonly SkillLevelDto[],
): CategorySkills {
  return { categoryId, skills: skillMessages(skills) };
}

// ---------------------------------------------------------------------------------------------
// Rules and settings

function toActionsDto(actions: RuleActions | undefined): Required<RoutingRuleActionsDto> {
  return {
    setGroupId: orNull(actions?.setGroupId ?? ''),
    setPriority: actions?.setPriority ? listed(PRIORITIES, actions.setPriority, 'priority') : null,
    addTags: [...(actions?.addTags ?? [])],
    setCategoryId: orNull(actions?.setCategoryId ?? ''),
  };
}

export function toRoutingRuleDto(rule: RoutingRule): RoutingRuleDto {
  return {
    id: rule.id,
    name: rule.name,
    order: rule.order,
    enabled: rule.enabled,
    conditions: rule.conditions.map((condition) => ({
      field: listed(RULE_FIELDS, condition.field, 'rule field'),
      operator: listed(RULE_OPERATORS, condition.operator, 'rule operator'),
      values: [...condition.values],
      customField: orNull(condition.customField),
    })),
    actions: toActionsDto(rule.actions),
    stopProcessing: rule.stopProcessing,
    version: rule.version,
    updatedBy: rule.updatedBy,
    createdAt: instant(rule.createdAt, 'a creation time'),
    updatedAt: instant(rule.updatedAt, 'an update time'),
  };
}

export function toRuleDraft(dto: WriteRoutingRuleDto): RuleDraft {
  const actions = dto.actions ?? {};
  return {
    name: dto.name,
    order: dto.order ?? 0,
    enabled: dto.enabled ?? true,
    conditions: (dto.conditions ?? []).map((condition) => ({
      field: condition.field,
      operator: condition.operator,
      values: condition.values ?? [],
      customField: condition.customField ?? '',
    })),
    actions: {
      setGroupId: actions.setGroupId ?? '',
      setPriority: actions.setPriority ?? '',
      addTags: actions.addTags ?? [],
      setCategoryId: actions.setCategoryId ?? '',
    },
    stopProcessing: dto.stopProcessing ?? false,
  };
}

export function toRoutingSettingsDto(settings: RoutingSettings): RoutingSettingsDto {
  return {
    classificationThreshold: settings.classificationThreshold,
    defaultGroupId: orNull(settings.defaultGroupId),
    version: settings.version,
  };
}

export function toUpdateSettingsRequest(
  dto: UpdateRoutingSettingsDto,
  expectedVersion: number | undefined,
): UpdateSettingsRequest {
  return {
    settings: {
      classificationThreshold: dto.classificationThreshold,
      defaultGroupId: dto.defaultGroupId ?? '',
      version: 0,
    },
    expectedVersion: expectedVersion ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------
// The classifier

function toAccuracyDto(accuracy: ClassifierAccuracy | undefined): ClassifierAccuracyDto {
  return {
    accuracy: accuracy?.accuracy ?? 0,
    evaluated: accuracy?.evaluated ?? 0,
    correct: accuracy?.correct ?? 0,
  };
}

export function toClassifierModelDto(model: ClassifierModel): ClassifierModelDto {
  return {
    id: model.id,
    trainedAt: instant(model.trainedAt, 'a training time'),
    trainedBy: model.trainedBy,
    trainedOn: model.trainedOn,
    heldOut: model.heldOut,
    categoryAccuracy: toAccuracyDto(model.categoryAccuracy),
    groupAccuracy: toAccuracyDto(model.groupAccuracy),
    categories: model.categories,
    groups: model.groups,
  };
}

const toPredictionDto = (prediction: Prediction | undefined): ClassifierPredictionDto | null =>
  prediction?.label ? { label: prediction.label, confidence: prediction.confidence } : null;

export function toClassificationResultDto(answer: ClassifyTextResponse): ClassificationResultDto {
  return {
    category: toPredictionDto(answer.category),
    group: toPredictionDto(answer.group),
    threshold: answer.threshold,
  };
}

// ---------------------------------------------------------------------------------------------
// A ticket's decisions and escalations

function toCandidateDto(candidate: Candidate): RoutingCandidateDto {
  return {
    agentId: candidate.agentId,
    userId: candidate.userId,
    eligible: candidate.eligible,
    exclusions: candidate.exclusions.map((exclusion) =>
      listed(CANDIDATE_EXCLUSIONS, exclusion, 'exclusion'),
    ),
    score: candidate.score,
    openTickets: candidate.openTickets,
    weightedLoad: candidate.weightedLoad,
    skillScore: candidate.skillScore,
  };
}

export function toDecisionStepDto(step: DecisionStep): DecisionStepDto {
  const summary = { en: step.summaryEn, ru: step.summaryRu };
  switch (step.kind) {
    case StepKind.STEP_KIND_CLASSIFICATION:
      return {
        kind: 'classification',
        summary,
        proposedCategoryId: orNull(step.proposedCategoryId),
        categoryConfidence: step.categoryConfidence,
        proposedGroupId: orNull(step.proposedGroupId),
        groupConfidence: step.groupConfidence,
        threshold: step.threshold,
        applied: step.applied,
      };
    case StepKind.STEP_KIND_RULE_MATCHED:
      return {
        kind: 'rule_matched',
        summary,
        ruleId: step.ruleId,
        ruleName: step.ruleName,
        ruleVersion: step.ruleVersion,
        actions: toActionsDto(step.ruleActions),
      };
    case StepKind.STEP_KIND_GROUP_SELECTED:
      return {
        kind: 'group_selected',
        summary,
        groupId: step.groupId,
        source: listed(GROUP_SOURCES, step.source, 'group source'),
      };
    case StepKind.STEP_KIND_AGENT_SELECTED:
      return {
        kind: 'agent_selected',
        summary,
        groupId: step.groupId,
        strategy: toRestSpelling('ASSIGNMENT_STRATEGY_', step.strategy, ASSIGNMENT_STRATEGIES),
        requiredSkills: skillDtos(step.requiredSkills),
        chosenAgentId: orNull(step.chosenAgentId),
        candidates: step.candidates.map(toCandidateDto),
      };
    case StepKind.STEP_KIND_QUEUED:
      return { kind: 'queued', summary, groupId: step.groupId, reason: step.reason };
    case StepKind.STEP_KIND_NO_GROUP:
      return { kind: 'no_group', summary, reason: step.reason };
    case StepKind.STEP_KIND_UNSPECIFIED:
    case StepKind.UNRECOGNIZED:
      throw new Error(`the routing service answered a step of kind ${step.kind}`);
    default:
      return assertUnreachable(step.kind, 'step kind from the routing service');
  }
}

export function toRoutingDecisionDto(decision: RoutingDecision): RoutingDecisionDto {
  return {
    id: decision.id,
    ticketId: decision.ticketId,
    ticketNumber: decision.ticketNumber,
    trigger: toRestSpelling('DECISION_TRIGGER_', decision.trigger, DECISION_TRIGGERS),
    groupId: orNull(decision.groupId),
    assigneeId: orNull(decision.assigneeId),
    agentId: orNull(decision.agentId),
    priority: decision.priority ? listed(PRIORITIES, decision.priority, 'priority') : null,
    categoryId: orNull(decision.categoryId),
    addTags: [...decision.addTags],
    queued: decision.queued,
    steps: decision.steps.map(toDecisionStepDto),
    decidedAt: instant(decision.decidedAt, 'a decision time'),
    durationUs: decision.durationUs,
  };
}

export function toTicketEscalationDto(escalation: Escalation): TicketEscalationDto {
  return {
    id: escalation.id,
    ticketId: escalation.ticketId,
    ticketNumber: escalation.ticketNumber,
    kind: toRestSpelling('ESCALATION_KIND_', escalation.kind, ESCALATION_KINDS),
    trigger: toRestSpelling('ESCALATION_TRIGGER_', escalation.trigger, ESCALATION_TRIGGERS),
    fromGroupId: orNull(escalation.fromGroupId),
    toGroupId: orNull(escalation.toGroupId),
    assigneeId: orNull(escalation.assigneeId),
    supervisorId: orNull(escalation.supervisorId),
    reason: escalation.reason,
    actorId: orNull(escalation.actorId),
    occurredAt: instant(escalation.occurredAt, 'an escalation time'),
    decisionId: orNull(escalation.decisionId),
  };
}

export function toTicketRoutingDto(answer: GetTicketRoutingResponse): TicketRoutingDto {
  return {
    ticketId: answer.ticketId,
    currentGroupId: orNull(answer.currentGroupId),
    queued: answer.queued,
    decisions: answer.decisions.map(toRoutingDecisionDto),
    escalations: answer.escalations.map(toTicketEscalationDto),
  };
}

export function toEscalateTicketRequest(
  ticketId: string,
  dto: EscalateTicketDto,
  actorId: string,
  idempotencyKey: string | undefined,
): EscalateTicketRequest {
  return {
    ticketId,
    reason: dto.reason,
    actorId,
    idempotencyKey: idempotencyKey ?? '',
  };
}

// ---------------------------------------------------------------------------------------------
// Field violations

/** The request messages wrap what the client wrote; the REST body is what they wrap. */
const WRAPPERS = /^(?:line|group|agent|rule|settings|requirement)\./;
/** List parameters the API names as every other list of the API does. */
const LIST_PARAMETERS: Readonly<Record<string, string>> = {
  pageSize: 'limit',
  pageToken: 'cursor',
};

const camelCase = (segment: string) =>
  segment.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/**
 * The REST name of a field the routing service named in a violation: without the request
 * message's wrapper, in camelCase, a skill by its place in the body's `skills`
 * (`skills.network.level` → `skills[1].level`).
 */
export function routingFieldName(
  body: { skills?: readonly Pick<SkillLevelDto, 'name'>[] } = {},
): (field: string) => string {
  return (field) => {
    const bare = field
      .replace(WRAPPERS, '')
      .split('.')
      .map((segment) => camelCase(segment))
      .join('.');
    const skill = /^skills\.([^.[\]]+)(.*)$/.exec(field.replace(WRAPPERS, ''));
    if (skill) {
      const index = (body.skills ?? []).findIndex(({ name }) => name === skill[1]);
      return index >= 0 ? `skills[${index}]${camelCase(skill[2] ?? '')}` : 'skills';
    }
    return LIST_PARAMETERS[bare] ?? bare;
  };
}
