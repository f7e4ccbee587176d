import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PRIORITIES, type PriorityName } from '../../tickets/dto/ticket-enums';
import { ClaimedActor } from '../../auth/actor';
import {
  ASSIGNMENT_STRATEGIES,
  type AssignmentStrategyName,
  CANDIDATE_EXCLUSIONS,
  type CandidateExclusionName,
  DECISION_TRIGGERS,
  type DecisionTriggerName,
  ESCALATION_KINDS,
  ESCALATION_TRIGGERS,
  type EscalationKindName,
  type EscalationTriggerName,
  GROUP_SOURCES,
  type GroupSourceName,
} from './routing-enums';
import { RoutingRuleActionsDto } from './routing-rule.dto';
import { SkillLevelDto } from './skill.dto';

/** What a step did, in a sentence for people, in both languages of the service desk. */
export class RoutingStepSummaryDto {
  @ApiProperty({ example: 'Rule “Network outages” (v2) matched: group Network.' })
  en!: string;

  @ApiProperty({ example: 'Сработало правило «Network outages» (v2): группа Network.' })
  ru!: string;
}

const summary = () => ApiProperty({ type: RoutingStepSummaryDto });
const kindOf = (kind: string) => ApiProperty({ enum: [kind], example: kind });

/** The classifier's proposal for the ticket, and whether it was confident enough to apply. */
export class ClassificationStepDto {
  @kindOf('classification') kind!: 'classification';
  @summary() summary!: RoutingStepSummaryDto;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  proposedCategoryId!: string | null;

  @ApiProperty({ example: 0.82 })
  categoryConfidence!: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  proposedGroupId!: string | null;

  @ApiProperty({ example: 0.64 })
  groupConfidence!: number;

  @ApiProperty({ example: 0.7, description: 'The confidence a proposal needed to apply.' })
  threshold!: number;

  @ApiProperty({ description: 'Whether a proposal was applied.' })
  applied!: boolean;
}

export class RuleMatchedStepDto {
  @kindOf('rule_matched') kind!: 'rule_matched';
  @summary() summary!: RoutingStepSummaryDto;

  @ApiProperty({ format: 'uuid' })
  ruleId!: string;

  @ApiProperty({ example: 'Network outages to Network' })
  ruleName!: string;

  @ApiProperty({ example: 2, description: 'The version of the rule that matched.' })
  ruleVersion!: number;

  @ApiProperty({ type: RoutingRuleActionsDto, description: 'What the rule did.' })
  actions!: Required<RoutingRuleActionsDto>;
}

export class GroupSelectedStepDto {
  @kindOf('group_selected') kind!: 'group_selected';
  @summary() summary!: RoutingStepSummaryDto;

  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty({
    enum: GROUP_SOURCES,
    description:
      'What chose the group: a rule, the classifier, an escalation, the group the ticket was ' +
      'in already, or the default group of the settings.',
  })
  source!: GroupSourceName;
}

/** How one agent of the group fared. */
export class RoutingCandidateDto {
  @ApiProperty({ format: 'uuid' })
  agentId!: string;

  @ApiProperty({ example: 'agent-17' })
  userId!: string;

  @ApiProperty({ description: 'Could take the ticket: no exclusions.' })
  eligible!: boolean;

  @ApiProperty({ enum: CANDIDATE_EXCLUSIONS, isArray: true, example: ['at_capacity'] })
  exclusions!: CandidateExclusionName[];

  @ApiProperty({
    example: 0.25,
    description: 'The strategy’s score; comparable within one decision only.',
  })
  score!: number;

  @ApiProperty({ example: 3 })
  openTickets!: number;

  @ApiProperty({ example: 4.5 })
  weightedLoad!: number;

  @ApiProperty({
    example: 7,
    description: 'Sum of the agent’s levels in the required skills; 0 when none are required.',
  })
  skillScore!: number;
}

export class AgentSelectedStepDto {
  @kindOf('agent_selected') kind!: 'agent_selected';
  @summary() summary!: RoutingStepSummaryDto;

  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty({ enum: ASSIGNMENT_STRATEGIES })
  strategy!: AssignmentStrategyName;

  @ApiProperty({ type: [SkillLevelDto], description: 'What the ticket’s category needs.' })
  requiredSkills!: SkillLevelDto[];

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The agent given the ticket; null when nobody was eligible.',
  })
  chosenAgentId!: string | null;

  @ApiProperty({ type: [RoutingCandidateDto], description: 'Every agent of the group considered.' })
  candidates!: RoutingCandidateDto[];
}

export class QueuedStepDto {
  @kindOf('queued') kind!: 'queued';
  @summary() summary!: RoutingStepSummaryDto;

  @ApiProperty({ format: 'uuid' })
  groupId!: string;

  @ApiProperty({ example: 'no eligible agent', description: 'Why the ticket waits in the queue.' })
  reason!: string;
}

export class NoGroupStepDto {
  @kindOf('no_group') kind!: 'no_group';
  @summary() summary!: RoutingStepSummaryDto;

  @ApiProperty({ example: 'no rule matched and no default group is set' })
  reason!: string;
}

/** One step of a decision, told apart by `kind`; each kind carries its own facts. */
export type DecisionStepDto =
  | ClassificationStepDto
  | RuleMatchedStepDto
  | GroupSelectedStepDto
  | AgentSelectedStepDto
  | QueuedStepDto
  | NoGroupStepDto;

const STEP_MODELS = {
  classification: ClassificationStepDto,
  rule_matched: RuleMatchedStepDto,
  group_selected: GroupSelectedStepDto,
  agent_selected: AgentSelectedStepDto,
  queued: QueuedStepDto,
  no_group: NoGroupStepDto,
} as const satisfies Record<DecisionStepDto['kind'], unknown>;

/** Where routing put a ticket, and every step of why. */
@ApiExtraModels(...Object.values(STEP_MODELS))
export class RoutingDecisionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  ticketId!: string;

  @ApiProperty({ example: 'INC-000123' })
  ticketNumber!: string;

  @ApiProperty({
    enum: DECISION_TRIGGERS,
    description:
      '`created`: the ticket was opened; `queue`: an agent of the group became free and the ' +
      'ticket left the queue; `escalation`: the ticket moved to the next line.',
  })
  trigger!: DecisionTriggerName;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null when no group was found.',
  })
  groupId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'agent-17',
    description: 'The user id of the agent given the ticket; null while it waits in the queue.',
  })
  assigneeId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'That agent.' })
  agentId!: string | null;

  @ApiProperty({
    enum: PRIORITIES,
    nullable: true,
    description: 'Set only when a rule changed it.',
  })
  priority!: PriorityName | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Set only when a rule or the classifier changed it.',
  })
  categoryId!: string | null;

  @ApiProperty({ type: [String], description: 'Tags rules added.' })
  addTags!: string[];

  @ApiProperty({ description: 'The ticket waits in the group queue for an agent.' })
  queued!: boolean;

  @ApiProperty({
    type: 'array',
    items: {
      oneOf: Object.values(STEP_MODELS).map((model) => ({ $ref: getSchemaPath(model) })),
      discriminator: {
        propertyName: 'kind',
        mapping: Object.fromEntries(
          Object.entries(STEP_MODELS).map(([kind, model]) => [kind, getSchemaPath(model)]),
        ),
      },
    },
    description: 'In the order they were taken.',
  })
  steps!: DecisionStepDto[];

  @ApiProperty({ format: 'date-time' })
  decidedAt!: string;

  @ApiProperty({ example: 850, description: 'Time spent deciding, in microseconds.' })
  durationUs!: number;
}

export class TicketEscalationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  ticketId!: string;

  @ApiProperty({ example: 'INC-000123' })
  ticketNumber!: string;

  @ApiProperty({
    enum: ESCALATION_KINDS,
    description:
      '`functional`: the ticket moved to the next line of support; `hierarchical`: the group’s ' +
      'supervisor was told and the ticket stayed.',
  })
  kind!: EscalationKindName;

  @ApiProperty({
    enum: ESCALATION_TRIGGERS,
    description: '`agent`: an agent asked for it; `sla_warning`, `sla_breach`: the SLA did.',
  })
  trigger!: EscalationTriggerName;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  fromGroupId!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Functional: the next line’s group.',
  })
  toGroupId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Functional: the agent of the next line given the ticket, if any.',
  })
  assigneeId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Hierarchical: the supervisor told.',
  })
  supervisorId!: string | null;

  @ApiProperty({ example: 'needs a network engineer on site' })
  reason!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'agent-17',
    description: 'Who escalated; null for the SLA triggers.',
  })
  actorId!: string | null;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Functional: the decision that placed the ticket in the next line.',
  })
  decisionId!: string | null;
}

export class TicketRoutingDto {
  @ApiProperty({ format: 'uuid' })
  ticketId!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The group the ticket is in now, as routing knows it.',
  })
  currentGroupId!: string | null;

  @ApiProperty({ description: 'The ticket waits in its group’s queue.' })
  queued!: boolean;

  @ApiProperty({ type: [RoutingDecisionDto], description: 'Oldest first.' })
  decisions!: RoutingDecisionDto[];

  @ApiProperty({ type: [TicketEscalationDto], description: 'Oldest first.' })
  escalations!: TicketEscalationDto[];
}

export class EscalateTicketDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 2000,
    example: 'needs a network engineer on site',
    description: 'Why the ticket goes to the next line; the next line reads it.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;

  @ClaimedActor({ who: 'Who escalates.' })
  actorId?: string;
}

export class EscalationResultDto {
  @ApiProperty({ type: TicketEscalationDto })
  escalation!: TicketEscalationDto;

  @ApiProperty({
    type: RoutingDecisionDto,
    nullable: true,
    description: 'The decision that placed the ticket in the next line.',
  })
  decision!: RoutingDecisionDto | null;
}
