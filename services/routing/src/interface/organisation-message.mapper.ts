import {
  type Agent as AgentMessage,
  type AgentDraft as AgentDraftMessage,
  AssignmentStrategy,
  Availability,
  type CategorySkills,
  type ClassifierModel,
  type GroupDraft as GroupDraftMessage,
  type RoutingRule as RoutingRuleMessage,
  type RoutingSettings as RoutingSettingsMessage,
  type RuleDraft as RuleDraftMessage,
  type Skill,
  type SupportGroup as SupportGroupMessage,
  type SupportLine as SupportLineMessage,
  toTimestamp,
  type WorkingShift as WorkingShiftMessage,
} from '@itsm/contracts';
import type { StoredClassifier } from '../application/ports/classifier-store';
import type {
  AgentDraft,
  GroupDraft,
  RoutingSettings,
  RuleDraft,
  StoredAgent,
  StoredGroup,
  StoredLine,
  StoredRule,
} from '../application/ports/organisation-store';
import { RoutingError, RoutingErrorCode } from '../domain/routing-error';
import type {
  AssignmentStrategy as Strategy,
  Availability as AgentAvailability,
  IsoWeekday,
  RuleCondition,
  RuleField,
  RuleOperator,
  SkillLevels,
  TicketPriority,
  WorkingShift,
} from '../domain/routing-model';
import {
  STRATEGY_MESSAGES,
  toRuleActionsMessage,
  toSkillMessages,
} from './decision-message.mapper';

const STRATEGIES = new Map<string, Strategy>(
  Object.entries(STRATEGY_MESSAGES).map(([name, value]) => [value, name as Strategy]),
);

const AVAILABILITY_MESSAGES: Record<AgentAvailability, Availability> = {
  online: Availability.AVAILABILITY_ONLINE,
  away: Availability.AVAILABILITY_AWAY,
  off: Availability.AVAILABILITY_OFF,
};

const AVAILABILITIES = new Map<string, AgentAvailability>(
  Object.entries(AVAILABILITY_MESSAGES).map(([name, value]) => [value, name as AgentAvailability]),
);

function invalid(field: string, message: string): never {
  throw new RoutingError(RoutingErrorCode.ValidationFailed, 'the request is invalid', [
    { field, message },
  ]);
}

export function strategyOf(value: AssignmentStrategy): Strategy {
  if (value === AssignmentStrategy.ASSIGNMENT_STRATEGY_UNSPECIFIED) return 'least_loaded';
  return STRATEGIES.get(value) ?? invalid('strategy', `${value} is not a strategy`);
}

export function availabilityOf(
  value: Availability,
  fallback: AgentAvailability = 'online',
): AgentAvailability {
  if (value === Availability.AVAILABILITY_UNSPECIFIED) return fallback;
  return AVAILABILITIES.get(value) ?? invalid('availability', `${value} is not an availability`);
}

/** Skills as a list in messages, a map in the domain; a skill named twice is refused. */
export function skillLevelsOf(skills: readonly Skill[], field: string): SkillLevels {
  const levels: Record<string, number> = {};
  skills.forEach(({ name, level }, index) => {
    const key = name.trim().toLowerCase();
    if (key in levels) invalid(`${field}[${index}].name`, `${name} is named twice`);
    levels[key] = level;
  });
  return levels;
}

function shiftOf(shift: WorkingShiftMessage | undefined): WorkingShift | null {
  if (!shift) return null;
  return {
    timeZone: shift.timeZone,
    windows: shift.windows.map(({ weekday, start, end }) => ({
      weekday: weekday as IsoWeekday,
      start,
      end,
    })),
  };
}

export const toLineMessage = (line: StoredLine): SupportLineMessage => ({
  id: line.id,
  name: line.name,
  level: line.level,
  version: line.version,
  createdAt: toTimestamp(line.createdAt),
  updatedAt: toTimestamp(line.updatedAt),
});

export function toGroupDraft(draft: GroupDraftMessage | undefined): GroupDraft {
  if (!draft) return invalid('group', 'is missing');
  return {
    name: draft.name.trim(),
    lineId: draft.lineId,
    strategy: strategyOf(draft.strategy),
    supervisorId: draft.supervisorId.trim() || null,
    escalationGroupId: draft.escalationGroupId || null,
    escalateOnSlaWarning: draft.escalateOnSlaWarning,
    autoAssign: draft.autoAssign,
  };
}

export const toGroupMessage = (group: StoredGroup): SupportGroupMessage => ({
  id: group.id,
  name: group.name,
  lineId: group.lineId,
  strategy: STRATEGY_MESSAGES[group.strategy],
  supervisorId: group.supervisorId ?? '',
  escalationGroupId: group.escalationGroupId ?? '',
  escalateOnSlaWarning: group.escalateOnSlaWarning,
  autoAssign: group.autoAssign,
  version: group.version,
  createdAt: toTimestamp(group.createdAt),
  updatedAt: toTimestamp(group.updatedAt),
  queuedTickets: group.queuedTickets,
});

export function toAgentDraft(draft: AgentDraftMessage | undefined): AgentDraft {
  if (!draft) return invalid('agent', 'is missing');
  return {
    userId: draft.userId.trim(),
    displayName: draft.displayName.trim(),
    groupIds: [...new Set(draft.groupIds)],
    skills: skillLevelsOf(draft.skills, 'skills'),
    capacity: draft.capacity,
    availability: availabilityOf(draft.availability),
    shift: shiftOf(draft.shift),
  };
}

export const toAgentMessage = (
  agent: StoredAgent,
  load?: { openTickets: number; weightedLoad: number },
): AgentMessage => ({
  id: agent.id,
  userId: agent.userId,
  displayName: agent.displayName,
  groupIds: [...agent.groupIds],
  skills: toSkillMessages(agent.skills),
  capacity: agent.capacity,
  availability: AVAILABILITY_MESSAGES[agent.availability],
  shift: agent.shift
    ? {
        timeZone: agent.shift.timeZone,
        windows: agent.shift.windows.map((window) => ({ ...window })),
      }
    : undefined,
  version: agent.version,
  createdAt: toTimestamp(agent.createdAt),
  updatedAt: toTimestamp(agent.updatedAt),
  openTickets: load?.openTickets ?? 0,
  weightedLoad: load?.weightedLoad ?? 0,
  lastAssignedAt: agent.lastAssignedAt ? toTimestamp(agent.lastAssignedAt) : undefined,
});

export const toCategorySkillsMessage = ({
  categoryId,
  skills,
}: {
  categoryId: string;
  skills: SkillLevels;
}): CategorySkills => ({ categoryId, skills: toSkillMessages(skills) });

export function toRuleDraft(draft: RuleDraftMessage | undefined): RuleDraft {
  if (!draft) return invalid('rule', 'is missing');
  const actions = draft.actions;
  return {
    name: draft.name.trim(),
    order: draft.order,
    enabled: draft.enabled,
    conditions: draft.conditions.map((condition): RuleCondition => ({
      field: condition.field as RuleField,
      operator: condition.operator as RuleOperator,
      values: [...condition.values],
      ...(condition.customField ? { customField: condition.customField } : {}),
    })),
    actions: {
      ...(actions?.setGroupId ? { setGroupId: actions.setGroupId } : {}),
      ...(actions?.setPriority ? { setPriority: actions.setPriority as TicketPriority } : {}),
      ...(actions?.addTags.length ? { addTags: [...actions.addTags] } : {}),
      ...(actions?.setCategoryId ? { setCategoryId: actions.setCategoryId } : {}),
    },
    stopProcessing: draft.stopProcessing,
  };
}

export const toRuleMessage = (rule: StoredRule): RoutingRuleMessage => ({
  id: rule.id,
  name: rule.name,
  order: rule.order,
  enabled: rule.enabled,
  conditions: rule.conditions.map((condition) => ({
    field: condition.field,
    operator: condition.operator,
    values: [...condition.values],
    customField: condition.customField ?? '',
  })),
  actions: toRuleActionsMessage(rule.actions),
  stopProcessing: rule.stopProcessing,
  version: rule.version,
  updatedBy: rule.updatedBy,
  createdAt: toTimestamp(rule.createdAt),
  updatedAt: toTimestamp(rule.updatedAt),
});

export const toSettingsMessage = (settings: RoutingSettings): RoutingSettingsMessage => ({
  classificationThreshold: settings.classificationThreshold,
  defaultGroupId: settings.defaultGroupId ?? '',
  version: settings.version,
});

export function toClassifierMessage(model: StoredClassifier): ClassifierModel {
  const { classifier } = model;
  return {
    id: model.id,
    trainedAt: toTimestamp(model.trainedAt),
    trainedBy: model.trainedBy,
    trainedOn: classifier.trainedOn,
    heldOut: classifier.heldOut,
    categoryAccuracy: { ...classifier.categoryAccuracy },
    groupAccuracy: { ...classifier.groupAccuracy },
    categories: classifier.category?.labels.length ?? 0,
    groups: classifier.group?.labels.length ?? 0,
  };
}
