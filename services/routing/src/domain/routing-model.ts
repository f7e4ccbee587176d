/**
 * The vocabulary of routing: who supports what (lines, groups, agents), what a ticket looks like
 * to the router, and what a decision says about why it was made. Pure data; the functions that
 * work on it live beside this file.
 */

export type TicketKind = 'incident' | 'service_request' | 'problem' | 'change';
export const TICKET_KINDS: readonly TicketKind[] = [
  'incident',
  'service_request',
  'problem',
  'change',
];

export type TicketPriority = 'critical' | 'high' | 'medium' | 'low' | 'planning';
export const TICKET_PRIORITIES: readonly TicketPriority[] = [
  'critical',
  'high',
  'medium',
  'low',
  'planning',
];

/** What the router knows of a ticket when it decides. */
export interface TicketFacts {
  ticketId: string;
  number: string;
  type: TicketKind;
  title: string;
  description: string;
  categoryId: string | null;
  serviceId: string | null;
  organizationId: string | null;
  priority: TicketPriority;
  /** e.g. portal, email, phone, api, chat. */
  channel: string;
  customFields: Readonly<Record<string, unknown>>;
  tags: readonly string[];
}

/** A line of support: 1st (service desk), 2nd (specialists), 3rd (experts, vendors). */
export interface SupportLine {
  id: string;
  name: string;
  /** 1, 2 or 3 (up to 9): escalation goes from a lower level to a higher one. */
  level: number;
}

export type AssignmentStrategy = 'round_robin' | 'least_loaded' | 'skills_match';
export const ASSIGNMENT_STRATEGIES: readonly AssignmentStrategy[] = [
  'round_robin',
  'least_loaded',
  'skills_match',
];

export interface SupportGroup {
  id: string;
  name: string;
  lineId: string;
  strategy: AssignmentStrategy;
  /** Told when a ticket of the group breaches its SLA (hierarchical escalation). */
  supervisorId: string | null;
  /** The group of the next line that functional escalations go to. */
  escalationGroupId: string | null;
  /** Whether an SLA warning moves the ticket to `escalationGroupId` by itself. */
  escalateOnSlaWarning: boolean;
  /** Tickets are handed to agents automatically; when false they wait in the queue for a dispatcher. */
  autoAssign: boolean;
}

export type Availability = 'online' | 'away' | 'off';
export const AVAILABILITIES: readonly Availability[] = ['online', 'away', 'off'];

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A working window on a weekday in the shift's time zone; `end` before `start` runs past midnight. */
export interface ShiftWindow {
  weekday: IsoWeekday;
  /** "HH:MM", 24-hour. */
  start: string;
  end: string;
}

export interface WorkingShift {
  /** IANA time zone, e.g. Europe/Moscow. */
  timeZone: string;
  windows: ShiftWindow[];
}

/** Skill name (lower case, e.g. "network", "1c", "sap") → level 1 (basic) … 5 (expert). */
export type SkillLevels = Readonly<Record<string, number>>;

export interface Agent {
  id: string;
  /** The person's user id: what tickets name as assignee. */
  userId: string;
  displayName: string;
  groupIds: readonly string[];
  skills: SkillLevels;
  /** Most open tickets the agent may hold at once. */
  capacity: number;
  availability: Availability;
  /** null: always on shift (e.g. a 24×7 team without rota). */
  shift: WorkingShift | null;
}

/** An agent's current work as the router counts it. */
export interface AgentLoad {
  openTickets: number;
  /** Open tickets weighted by priority (see PRIORITY_WEIGHTS). */
  weightedLoad: number;
  /** When the agent was last given a ticket; null if never. */
  lastAssignedAt: Date | null;
}

/** Skills a category's tickets need: skill → minimum level. */
export interface CategorySkillRequirement {
  categoryId: string;
  skills: SkillLevels;
}

// ---------------------------------------------------------------------------------------------
// Rules

export type RuleField =
  | 'type'
  | 'category'
  | 'service'
  | 'organization'
  | 'priority'
  | 'channel'
  | 'keywords'
  | 'custom_field';
export const RULE_FIELDS: readonly RuleField[] = [
  'type',
  'category',
  'service',
  'organization',
  'priority',
  'channel',
  'keywords',
  'custom_field',
];

/**
 * `in` / `not_in` compare the field with any of `values`; `contains_any` (keywords only) looks for
 * any value in the title and description; `is_empty` / `is_not_empty` take no values.
 */
export type RuleOperator = 'in' | 'not_in' | 'contains_any' | 'is_empty' | 'is_not_empty';
export const RULE_OPERATORS: readonly RuleOperator[] = [
  'in',
  'not_in',
  'contains_any',
  'is_empty',
  'is_not_empty',
];

export interface RuleCondition {
  field: RuleField;
  operator: RuleOperator;
  values: readonly string[];
  /** custom_field only: the key in the ticket's custom fields. */
  customField?: string;
}

export interface RuleActions {
  setGroupId?: string;
  setPriority?: TicketPriority;
  addTags?: readonly string[];
  setCategoryId?: string;
}

export interface RoutingRule {
  id: string;
  name: string;
  /** Rules are tried by ascending order. */
  order: number;
  enabled: boolean;
  /** All must hold; none means the rule always matches. */
  conditions: readonly RuleCondition[];
  actions: RuleActions;
  /** No later rule is tried after this one matched. */
  stopProcessing: boolean;
  version: number;
}

// ---------------------------------------------------------------------------------------------
// Decisions and their explanation

/** Why an agent could not take the ticket. */
export type Exclusion =
  'not_in_group' | 'unavailable' | 'off_shift' | 'at_capacity' | 'missing_skills';

export interface CandidateScore {
  agentId: string;
  userId: string;
  eligible: boolean;
  exclusions: Exclusion[];
  /** Strategy-specific: lower weighted load, higher skill score, earlier last assignment… */
  score: number;
  openTickets: number;
  weightedLoad: number;
  /** Sum over the required skills of the agent's level; 0 when nothing is required. */
  skillScore: number;
}

export type ExplanationStep =
  | {
      kind: 'classification';
      proposedCategoryId: string | null;
      categoryConfidence: number;
      proposedGroupId: string | null;
      groupConfidence: number;
      threshold: number;
      applied: boolean;
    }
  | {
      kind: 'rule_matched';
      ruleId: string;
      ruleName: string;
      ruleVersion: number;
      applied: RuleActions;
    }
  | {
      kind: 'group_selected';
      groupId: string;
      source: 'rule' | 'classifier' | 'escalation' | 'current' | 'default';
    }
  | {
      kind: 'agent_selected';
      groupId: string;
      strategy: AssignmentStrategy;
      requiredSkills: SkillLevels;
      chosenAgentId: string | null;
      candidates: CandidateScore[];
    }
  | { kind: 'queued'; groupId: string; reason: string }
  | { kind: 'no_group'; reason: string };
