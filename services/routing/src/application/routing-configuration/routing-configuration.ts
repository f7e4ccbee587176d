import { compileRules, type CompiledRuleSet } from '../../domain/rule-engine';
import type { Agent, SkillLevels, SupportGroup, SupportLine } from '../../domain/routing-model';
import type { ClassifierStore, StoredClassifier } from '../ports/classifier-store';
import type { Clock } from '../ports/clock';
import type { OrganisationStore, RoutingSettings } from '../ports/organisation-store';

/** Everything a decision is made from except the agents' current load. */
export interface RoutingSnapshot {
  lines: ReadonlyMap<string, SupportLine>;
  groups: ReadonlyMap<string, SupportGroup>;
  agentsByGroup: ReadonlyMap<string, readonly Agent[]>;
  ruleSet: CompiledRuleSet;
  categorySkills: ReadonlyMap<string, SkillLevels>;
  settings: RoutingSettings;
  classifier: StoredClassifier | null;
}

/** What the configuration is read from. */
export type ConfigurationSource = Pick<
  OrganisationStore,
  | 'configurationVersion'
  | 'lines'
  | 'groups'
  | 'allAgents'
  | 'rules'
  | 'categorySkills'
  | 'settings'
>;

interface Cached {
  snapshot: RoutingSnapshot;
  /** The configuration version read before the snapshot: the snapshot is at least this new. */
  version: number;
  checkedAt: number;
}

/**
 * The configuration routing decides from, kept in memory: a decision must not read 1,000 rules
 * and 10,000 agents from the database, and neither should a replica every few seconds when nothing
 * changed. Every `refreshMs` the replica reads the configuration version (one row) and reads the
 * rest again only when it moved, so a change made through another replica is seen within
 * `refreshMs`; one made through this replica at once (invalidate).
 */
export class RoutingConfiguration {
  private cached: Cached | undefined;
  private loading: Promise<RoutingSnapshot> | undefined;
  /** Moves on invalidate: a read begun before it is not kept. */
  private generation = 0;

  constructor(
    private readonly organisation: ConfigurationSource,
    private readonly classifiers: Pick<ClassifierStore, 'latest'>,
    private readonly clock: Clock,
    private readonly refreshMs: number,
  ) {}

  async current(): Promise<RoutingSnapshot> {
    const now = this.clock.now().getTime();
    if (this.cached && now - this.cached.checkedAt < this.refreshMs) return this.cached.snapshot;
    if (!this.loading) {
      const loading = this.refresh(now).finally(() => {
        if (this.loading === loading) this.loading = undefined;
      });
      this.loading = loading;
    }
    return this.loading;
  }

  invalidate(): void {
    this.generation++;
    this.cached = undefined;
    this.loading = undefined;
  }

  private async refresh(now: number): Promise<RoutingSnapshot> {
    const version = await this.organisation.configurationVersion();
    const cached = this.cached;
    if (cached?.version === version) {
      cached.checkedAt = now;
      return cached.snapshot;
    }
    const generation = this.generation;
    const snapshot = await this.load();
    if (generation === this.generation) this.cached = { snapshot, version, checkedAt: now };
    return snapshot;
  }

  private async load(): Promise<RoutingSnapshot> {
    const [lines, groups, agents, rules, categorySkills, settings, classifier] = await Promise.all([
      this.organisation.lines(),
      this.organisation.groups(),
      this.organisation.allAgents(),
      this.organisation.rules(false),
      this.organisation.categorySkills(),
      this.organisation.settings(),
      this.classifiers.latest(),
    ]);
    const agentsByGroup = new Map<string, Agent[]>();
    for (const agent of agents) {
      for (const groupId of agent.groupIds) {
        const members = agentsByGroup.get(groupId) ?? [];
        members.push(agent);
        agentsByGroup.set(groupId, members);
      }
    }
    return {
      lines: new Map(lines.map((line) => [line.id, line])),
      groups: new Map(groups.map((group) => [group.id, group])),
      agentsByGroup,
      ruleSet: compileRules(rules),
      categorySkills: new Map(categorySkills.map(({ categoryId, skills }) => [categoryId, skills])),
      settings,
      classifier: classifier ?? null,
    };
  }
}
