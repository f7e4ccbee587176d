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

/**
 * The configuration routing decides from, read once and kept for `refreshMs`: a decision must not
 * read 1,000 rules and 10,000 agents from the database. A change made through this replica is
 * seen at once (invalidate); one made through another replica within `refreshMs`.
 */
export class RoutingConfiguration {
  private cached: { snapshot: RoutingSnapshot; readAt: number } | undefined;
  private loading: Promise<RoutingSnapshot> | undefined;

  constructor(
    private readonly organisation: OrganisationStore,
    private readonly classifiers: ClassifierStore,
    private readonly clock: Clock,
    private readonly refreshMs: number,
  ) {}

  async current(): Promise<RoutingSnapshot> {
    const now = this.clock.now().getTime();
    if (this.cached && now - this.cached.readAt < this.refreshMs) return this.cached.snapshot;
    this.loading ??= this.load(now).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async load(readAt: number): Promise<RoutingSnapshot> {
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
    const snapshot: RoutingSnapshot = {
      lines: new Map(lines.map((line) => [line.id, line])),
      groups: new Map(groups.map((group) => [group.id, group])),
      agentsByGroup,
      ruleSet: compileRules(rules),
      categorySkills: new Map(categorySkills.map(({ categoryId, skills }) => [categoryId, skills])),
      settings,
      classifier: classifier ?? null,
    };
    this.cached = { snapshot, readAt };
    return snapshot;
  }
}
