// The routing decision for one ticket: classification, rules, group, agent, in that order, with
// a step for each so anyone can read why the ticket went where it went.
import { type AgentSelection, selectAgent } from './agent-selection';
import { type CompiledRuleSet, evaluateRules } from './rule-engine';
import {
  type Agent,
  type AgentLoad,
  type CandidateScore,
  type Exclusion,
  type ExplanationStep,
  type SkillLevels,
  type SupportGroup,
  type SupportLine,
  type TicketFacts,
  type TicketPriority,
} from './routing-model';
import { type TicketClassification } from './ticket-classifier';

/** What the classifier proposed for the ticket, as routing weighs it against the threshold. */
export interface RoutingClassification {
  categoryId: string | null;
  categoryConfidence: number;
  groupId: string | null;
  groupConfidence: number;
}

export interface RoutingContext {
  ruleSet: CompiledRuleSet;
  groups: ReadonlyMap<string, SupportGroup>;
  lines: ReadonlyMap<string, SupportLine>;
  /** Agents of the candidate group are looked up here by group id. */
  agentsByGroup: ReadonlyMap<string, readonly Agent[]>;
  /** By agent id. */
  loads: ReadonlyMap<string, AgentLoad>;
  /** By category id. */
  categorySkills: ReadonlyMap<string, SkillLevels>;
  classification: RoutingClassification | null;
  /** 0..1: a proposal is applied when its confidence is at least this. */
  classificationThreshold: number;
  defaultGroupId: string | null;
  now: Date;
}

/** The part of the context that handing a ticket to an agent of a known group needs. */
export type AssignmentContext = Pick<
  RoutingContext,
  'agentsByGroup' | 'loads' | 'categorySkills' | 'now'
>;

export interface RoutingDecision {
  groupId: string | null;
  assigneeAgentId: string | null;
  assigneeUserId: string | null;
  /** Set only when a rule changed it. */
  priority: TicketPriority | null;
  /** Set only when a rule or the classifier changed it. */
  categoryId: string | null;
  addTags: string[];
  /** A group was chosen but nobody could take the ticket now. */
  queued: boolean;
  steps: ExplanationStep[];
}

const EXCLUSION_WORDS: Readonly<Record<Exclusion, string>> = {
  not_in_group: 'not in the group',
  unavailable: 'unavailable',
  off_shift: 'off shift',
  at_capacity: 'at capacity',
  missing_skills: 'missing skills',
};
const EXCLUSION_ORDER: readonly Exclusion[] = [
  'unavailable',
  'off_shift',
  'at_capacity',
  'missing_skills',
  'not_in_group',
];

/** "no agent can take it now: 2 off shift, 1 at capacity". */
export function queueReason(candidates: readonly CandidateScore[]): string {
  if (candidates.length === 0) return 'no agent can take it now: the group has no agents';
  const counts = new Map<Exclusion, number>();
  for (const { exclusions } of candidates) {
    for (const exclusion of exclusions) counts.set(exclusion, (counts.get(exclusion) ?? 0) + 1);
  }
  const parts = EXCLUSION_ORDER.filter((exclusion) => counts.has(exclusion)).map(
    (exclusion) => `${counts.get(exclusion) ?? 0} ${EXCLUSION_WORDS[exclusion]}`,
  );
  return `no agent can take it now: ${parts.join(', ')}`;
}

/** The classifier's answer as routing takes it; null when it proposed nothing at all. */
export function classificationFrom(result: TicketClassification): RoutingClassification | null {
  if (!result.category && !result.group) return null;
  return {
    categoryId: result.category?.label ?? null,
    categoryConfidence: result.category?.confidence ?? 0,
    groupId: result.group?.label ?? null,
    groupConfidence: result.group?.confidence ?? 0,
  };
}

/** The "someone became free" path: who of the group takes a waiting ticket now. */
export function assignFromQueue(
  group: SupportGroup,
  agents: readonly Agent[],
  loads: ReadonlyMap<string, AgentLoad>,
  requiredSkills: SkillLevels,
  now: Date,
): AgentSelection {
  return selectAgent({ group, agents, loads, requiredSkills, now });
}

interface Assignment {
  assigneeAgentId: string | null;
  assigneeUserId: string | null;
  queued: boolean;
}

/** Hands the ticket to an agent of `group`, or queues it, adding the steps that say which. */
function assign(
  group: SupportGroup,
  categoryId: string | null,
  context: AssignmentContext,
  steps: ExplanationStep[],
): Assignment {
  if (!group.autoAssign) {
    steps.push({ kind: 'queued', groupId: group.id, reason: 'the group assigns by hand' });
    return { assigneeAgentId: null, assigneeUserId: null, queued: true };
  }
  const requiredSkills =
    (categoryId === null ? undefined : context.categorySkills.get(categoryId)) ?? {};
  const { chosen, candidates } = selectAgent({
    group,
    agents: context.agentsByGroup.get(group.id) ?? [],
    loads: context.loads,
    requiredSkills,
    now: context.now,
  });
  steps.push({
    kind: 'agent_selected',
    groupId: group.id,
    strategy: group.strategy,
    requiredSkills,
    chosenAgentId: chosen?.id ?? null,
    candidates,
  });
  if (chosen) return { assigneeAgentId: chosen.id, assigneeUserId: chosen.userId, queued: false };
  steps.push({ kind: 'queued', groupId: group.id, reason: queueReason(candidates) });
  return { assigneeAgentId: null, assigneeUserId: null, queued: true };
}

/** What choosing a group needs: rules, the classifier's proposal and the groups that exist. */
export type GroupChoiceContext = Pick<
  RoutingContext,
  'ruleSet' | 'groups' | 'classification' | 'classificationThreshold' | 'defaultGroupId'
>;

/**
 * The first half of a decision: where the ticket goes and what rules changed on it, before anyone
 * of the group is chosen. Nothing here depends on the agents' loads, so it is made once, and only
 * the loads of this group's agents are read before `assignInGroup` completes it.
 */
export interface GroupChoice {
  /** Null when nothing names a group that exists: the decision then assigns nobody. */
  group: SupportGroup | null;
  /** The category whose required skills an agent of the group must have. */
  skillsCategoryId: string | null;
  /** The decision so far: no assignee yet. */
  decision: RoutingDecision;
}

/** Classification and rules: which group a new ticket goes to. */
export function chooseGroup(ticket: TicketFacts, context: GroupChoiceContext): GroupChoice {
  const steps: ExplanationStep[] = [];
  const proposal = context.classification;
  const threshold = context.classificationThreshold;
  const classifiedCategory =
    proposal?.categoryId && ticket.categoryId === null && proposal.categoryConfidence >= threshold
      ? proposal.categoryId
      : null;
  const classifiedGroup =
    proposal?.groupId && proposal.groupConfidence >= threshold ? proposal.groupId : null;

  // Rules see the classified category, so a rule on a category also routes classified tickets.
  const seen = classifiedCategory === null ? ticket : { ...ticket, categoryId: classifiedCategory };
  const outcome = evaluateRules(context.ruleSet, seen);

  const groupSource =
    outcome.groupId !== null
      ? ({ groupId: outcome.groupId, source: 'rule' } as const)
      : classifiedGroup !== null
        ? ({ groupId: classifiedGroup, source: 'classifier' } as const)
        : context.defaultGroupId !== null
          ? ({ groupId: context.defaultGroupId, source: 'default' } as const)
          : null;

  if (proposal) {
    steps.push({
      kind: 'classification',
      proposedCategoryId: proposal.categoryId,
      categoryConfidence: proposal.categoryConfidence,
      proposedGroupId: proposal.groupId,
      groupConfidence: proposal.groupConfidence,
      threshold,
      applied: classifiedCategory !== null || groupSource?.source === 'classifier',
    });
  }
  for (const match of outcome.matched) {
    steps.push({
      kind: 'rule_matched',
      ruleId: match.ruleId,
      ruleName: match.ruleName,
      ruleVersion: match.ruleVersion,
      applied: match.applied,
    });
  }

  const categoryId = outcome.categoryId ?? classifiedCategory;
  const decision: RoutingDecision = {
    groupId: null,
    assigneeAgentId: null,
    assigneeUserId: null,
    priority:
      outcome.priority !== null && outcome.priority !== ticket.priority ? outcome.priority : null,
    categoryId: categoryId !== null && categoryId !== ticket.categoryId ? categoryId : null,
    addTags: outcome.addTags,
    queued: false,
    steps,
  };
  const skillsCategoryId = categoryId ?? ticket.categoryId;

  if (!groupSource) {
    steps.push({
      kind: 'no_group',
      reason: 'no rule, classification or default names a group',
    });
    return { group: null, skillsCategoryId, decision };
  }
  const group = context.groups.get(groupSource.groupId);
  if (!group) {
    steps.push({
      kind: 'no_group',
      reason: `group ${groupSource.groupId} named by the ${groupSource.source} does not exist`,
    });
    return { group: null, skillsCategoryId, decision };
  }
  steps.push({ kind: 'group_selected', groupId: group.id, source: groupSource.source });
  return { group, skillsCategoryId, decision: { ...decision, groupId: group.id } };
}

/**
 * A group chosen before routing ran: the next line's group of an escalation, or the ticket's own
 * group. Rules and classification are not run again: they chose the group the ticket is leaving.
 */
export function givenGroup(
  ticket: TicketFacts,
  group: SupportGroup,
  /** `current`: the ticket stays in its group (it left the queue, or came with its group). */
  source: 'escalation' | 'current',
): GroupChoice {
  return {
    group,
    skillsCategoryId: ticket.categoryId,
    decision: {
      groupId: group.id,
      assigneeAgentId: null,
      assigneeUserId: null,
      priority: null,
      categoryId: null,
      addTags: [],
      queued: false,
      steps: [{ kind: 'group_selected', groupId: group.id, source }],
    },
  };
}

/** The agents whose loads completing the decision reads: none when nobody is picked automatically. */
export function candidatesOf(
  choice: GroupChoice,
  agentsByGroup: AssignmentContext['agentsByGroup'],
): readonly Agent[] {
  if (!choice.group?.autoAssign) return [];
  return agentsByGroup.get(choice.group.id) ?? [];
}

/** The second half of a decision: an agent of the chosen group takes the ticket, or it waits. */
export function assignInGroup(choice: GroupChoice, context: AssignmentContext): RoutingDecision {
  if (!choice.group) return choice.decision;
  const steps = [...choice.decision.steps];
  return {
    ...choice.decision,
    steps,
    ...assign(choice.group, choice.skillsCategoryId, context, steps),
  };
}

/** Decides where a new ticket goes and who takes it. */
export function routeTicket(ticket: TicketFacts, context: RoutingContext): RoutingDecision {
  return assignInGroup(chooseGroup(ticket, context), context);
}

/** Moves a ticket to `targetGroup` (escalation to the next line) and hands it to an agent there. */
export function rerouteToGroup(
  ticket: TicketFacts,
  targetGroup: SupportGroup,
  context: AssignmentContext,
  source: 'escalation' | 'current' = 'escalation',
): RoutingDecision {
  return assignInGroup(givenGroup(ticket, targetGroup, source), context);
}
