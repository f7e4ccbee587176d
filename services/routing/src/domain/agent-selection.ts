// Who of a group takes a ticket now. Every member is scored and listed, eligible or not, so the
// decision can show a dispatcher why the ticket went to Anna and not to Boris.
import {
  type Agent,
  type AgentLoad,
  type CandidateScore,
  type Exclusion,
  type SkillLevels,
  type SupportGroup,
  type TicketPriority,
} from './routing-model';
import { isOnShift } from './working-shift';

/** How much an open ticket of each priority weighs in an agent's load. */
export const PRIORITY_WEIGHTS: Readonly<Record<TicketPriority, number>> = {
  critical: 8,
  high: 4,
  medium: 2,
  low: 1,
  planning: 1,
};

export function weightOf(priority: TicketPriority): number {
  return PRIORITY_WEIGHTS[priority];
}

/** An agent's load from the priorities of the tickets they hold. */
export function agentLoadOf(
  openTicketPriorities: readonly TicketPriority[],
  lastAssignedAt: Date | null,
): AgentLoad {
  return {
    openTickets: openTicketPriorities.length,
    weightedLoad: openTicketPriorities.reduce((sum, priority) => sum + weightOf(priority), 0),
    lastAssignedAt,
  };
}

export interface AgentSelectionInput {
  group: SupportGroup;
  /**
   * Members of the group, possibly among others: agents not in the group are skipped without a
   * candidate entry, so a caller may pass a whole directory cheaply. `not_in_group` therefore
   * never appears in candidates; it stays in `Exclusion` for callers that check one agent.
   */
  agents: readonly Agent[];
  /** By agent id; an agent without an entry holds nothing and was never assigned. */
  loads: ReadonlyMap<string, AgentLoad>;
  /** Skill → minimum level; empty when the category needs nothing in particular. */
  requiredSkills: SkillLevels;
  now: Date;
}

export interface AgentSelection {
  chosen: Agent | null;
  /** Eligible agents in ranking order (the first is chosen), then the others by id. */
  candidates: CandidateScore[];
}

const NO_LOAD: AgentLoad = { openTickets: 0, weightedLoad: 0, lastAssignedAt: null };
// Skills are a plain record: a skill named like an Object.prototype member must not read one.
const hasOwn = Object.hasOwn;

function levelOf(skills: SkillLevels, skill: string): number {
  return hasOwn(skills, skill) ? (skills[skill] ?? 0) : 0;
}

interface Ranked {
  agent: Agent;
  candidate: CandidateScore;
  /** ms since the epoch; -1 for never, which comes before anyone. */
  lastAssigned: number;
}

function byId(a: Ranked, b: Ranked): number {
  return a.agent.id < b.agent.id ? -1 : a.agent.id > b.agent.id ? 1 : 0;
}

function byRoundRobin(a: Ranked, b: Ranked): number {
  return a.lastAssigned - b.lastAssigned || byId(a, b);
}

function byLeastLoaded(a: Ranked, b: Ranked): number {
  return (
    a.candidate.weightedLoad - b.candidate.weightedLoad ||
    a.candidate.openTickets - b.candidate.openTickets ||
    a.lastAssigned - b.lastAssigned ||
    byId(a, b)
  );
}

function bySkillsMatch(a: Ranked, b: Ranked): number {
  return b.candidate.skillScore - a.candidate.skillScore || byLeastLoaded(a, b);
}

const RANKINGS = {
  round_robin: byRoundRobin,
  least_loaded: byLeastLoaded,
  skills_match: bySkillsMatch,
} as const satisfies Record<SupportGroup['strategy'], (a: Ranked, b: Ranked) => number>;

function scoreOf(group: SupportGroup, candidate: CandidateScore, lastAssigned: number): number {
  switch (group.strategy) {
    case 'round_robin':
      return Math.max(lastAssigned, 0);
    case 'least_loaded':
      return candidate.weightedLoad;
    case 'skills_match':
      return candidate.skillScore;
  }
}

function assess(
  agent: Agent,
  input: AgentSelectionInput,
  required: readonly (readonly [string, number])[],
): Ranked {
  const load = input.loads.get(agent.id) ?? NO_LOAD;
  const exclusions: Exclusion[] = [];
  if (agent.availability !== 'online') exclusions.push('unavailable');
  if (!isOnShift(agent.shift, input.now)) exclusions.push('off_shift');
  if (load.openTickets >= agent.capacity) exclusions.push('at_capacity');
  let skillScore = 0;
  let missing = false;
  for (const [skill, level] of required) {
    const has = levelOf(agent.skills, skill);
    skillScore += has;
    if (has < level) missing = true;
  }
  if (missing) exclusions.push('missing_skills');
  const lastAssigned = load.lastAssignedAt?.getTime() ?? -1;
  const candidate: CandidateScore = {
    agentId: agent.id,
    userId: agent.userId,
    eligible: exclusions.length === 0,
    exclusions,
    score: 0,
    openTickets: load.openTickets,
    weightedLoad: load.weightedLoad,
    skillScore,
  };
  candidate.score = scoreOf(input.group, candidate, lastAssigned);
  return { agent, candidate, lastAssigned };
}

/**
 * Picks the agent of `group` who takes a ticket now, by the group's strategy:
 * - round_robin: whoever was given a ticket longest ago (never first); score = last assignment ms;
 * - least_loaded: lowest weighted load, then fewer tickets, then longest ago; score = weighted load;
 * - skills_match: highest sum of levels in the required skills, then as least_loaded.
 * Ties end on agent id so the same input always gives the same answer.
 * An agent is left out when not online, off shift, at capacity or below a required level; every
 * reason that applies is listed.
 */
export function selectAgent(input: AgentSelectionInput): AgentSelection {
  const { group } = input;
  const required = Object.entries(input.requiredSkills);
  const eligible: Ranked[] = [];
  const ineligible: Ranked[] = [];
  for (const agent of input.agents) {
    if (!agent.groupIds.includes(group.id)) continue;
    const ranked = assess(agent, input, required);
    (ranked.candidate.eligible ? eligible : ineligible).push(ranked);
  }
  eligible.sort(RANKINGS[group.strategy]);
  ineligible.sort(byId);
  return {
    chosen: eligible[0]?.agent ?? null,
    candidates: [...eligible, ...ineligible].map(({ candidate }) => candidate),
  };
}
