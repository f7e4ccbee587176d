import type {
  Agent,
  RoutingRule,
  SkillLevels,
  SupportGroup,
  SupportLine,
} from '../../domain/routing-model';

export interface Stamped {
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type StoredLine = SupportLine & Stamped;
export type StoredGroup = SupportGroup & Stamped & { queuedTickets: number };
export type StoredAgent = Agent & Stamped & { lastAssignedAt: Date | null };
export type StoredRule = RoutingRule & {
  updatedBy: string;
  createdAt: Date;
  updatedAt: Date;
};

export interface RoutingSettings {
  classificationThreshold: number;
  defaultGroupId: string | null;
  version: number;
}

/** What a write at a version did: a stale version writes nothing. */
export type VersionedWrite<T> =
  | { outcome: 'written'; value: T }
  | { outcome: 'not_found' }
  | { outcome: 'version_conflict'; currentVersion: number };

export type LineDraft = Pick<SupportLine, 'name' | 'level'>;
export type GroupDraft = Omit<SupportGroup, 'id'>;
export type AgentDraft = Omit<Agent, 'id'>;
export type RuleDraft = Pick<
  RoutingRule,
  'name' | 'order' | 'enabled' | 'conditions' | 'actions' | 'stopProcessing'
>;

export interface AgentPage {
  agents: StoredAgent[];
  /** The last agent of the page, to read the next one from; null on the last page. */
  next: { name: string; id: string } | null;
}

/** Lines, groups, agents, skills, rules and settings as stored, for administration and routing. */
export interface OrganisationStore {
  /**
   * Moves with every committed change of what routing decides from (lines, groups, agents and
   * their groups, category skills, rules, settings, classifier models), not with the decisions.
   */
  configurationVersion(): Promise<number>;

  lines(): Promise<StoredLine[]>;
  insertLine(id: string, draft: LineDraft, at: Date): Promise<StoredLine>;
  updateLine(
    id: string,
    draft: LineDraft,
    expectedVersion: number | null,
    at: Date,
  ): Promise<VersionedWrite<StoredLine>>;

  groups(lineId?: string): Promise<StoredGroup[]>;
  group(id: string): Promise<StoredGroup | undefined>;
  insertGroup(id: string, draft: GroupDraft, at: Date): Promise<StoredGroup>;
  updateGroup(
    id: string,
    draft: GroupDraft,
    expectedVersion: number | null,
    at: Date,
  ): Promise<VersionedWrite<StoredGroup>>;

  /** Every agent with their groups: what routing decides from. */
  allAgents(): Promise<StoredAgent[]>;
  agentPage(filter: {
    groupId?: string;
    query?: string;
    userId?: string;
    after?: { name: string; id: string };
    limit: number;
  }): Promise<AgentPage>;
  agent(id: string): Promise<StoredAgent | undefined>;
  agentByUserId(userId: string): Promise<StoredAgent | undefined>;
  insertAgent(id: string, draft: AgentDraft, at: Date): Promise<StoredAgent>;
  updateAgent(
    id: string,
    draft: AgentDraft,
    expectedVersion: number | null,
    at: Date,
  ): Promise<VersionedWrite<StoredAgent>>;

  categorySkills(): Promise<Array<{ categoryId: string; skills: SkillLevels }>>;
  setCategorySkills(categoryId: string, skills: SkillLevels, at: Date): Promise<void>;

  rules(includeDisabled: boolean): Promise<StoredRule[]>;
  rule(id: string): Promise<StoredRule | undefined>;
  /** After every other rule when order is 0. */
  insertRule(id: string, draft: RuleDraft, actorId: string, at: Date): Promise<StoredRule>;
  updateRule(
    id: string,
    draft: RuleDraft,
    expectedVersion: number | null,
    actorId: string,
    at: Date,
  ): Promise<VersionedWrite<StoredRule>>;
  deleteRule(id: string, actorId: string, at: Date): Promise<boolean>;
  ruleVersions(id: string): Promise<StoredRule[]>;

  settings(): Promise<RoutingSettings>;
  updateSettings(
    settings: Omit<RoutingSettings, 'version'>,
    expectedVersion: number | null,
  ): Promise<VersionedWrite<RoutingSettings>>;
}

export const ORGANISATION_STORE = Symbol('OrganisationStore');
