import { RoutingError, RoutingErrorCode, throwIfInvalid } from '../../domain/routing-error';
import type { AgentLoad, Availability, SkillLevels } from '../../domain/routing-model';
import type { RoutingTransactions } from '../ports/routing-ledger';
import type { RoutingConfiguration } from '../routing-configuration/routing-configuration';
import type { Clock, IdGenerator } from '../ports/clock';
import type {
  AgentDraft,
  AgentPage,
  GroupDraft,
  LineDraft,
  OrganisationStore,
  StoredAgent,
  StoredGroup,
  StoredLine,
} from '../ports/organisation-store';
import { isUuid, notFound, requireUuid, writtenOrThrow } from '../versioned-write';
import {
  agentViolations,
  groupViolations,
  lineViolations,
  skillViolations,
} from './organisation-validation';

const MAX_PAGE_SIZE = 500;
const DEFAULT_PAGE_SIZE = 50;

/** Lines, groups, agents and the skills of categories, as administrators keep them. */
export class ManageOrganisationUseCase {
  constructor(
    private readonly store: OrganisationStore,
    private readonly configuration: RoutingConfiguration,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly transactions: RoutingTransactions,
  ) {}

  /** The open work of these agents as routing counts it, by agent id. */
  async loadsOf(agents: readonly StoredAgent[]): Promise<Map<string, AgentLoad>> {
    const byUser = await this.transactions.reader().loadsOf(agents.map(({ userId }) => userId));
    const loads = new Map<string, AgentLoad>();
    for (const agent of agents) {
      const load = byUser.get(agent.userId);
      if (load) loads.set(agent.id, load);
    }
    return loads;
  }

  lines(): Promise<StoredLine[]> {
    return this.store.lines();
  }

  async createLine(draft: LineDraft): Promise<StoredLine> {
    throwIfInvalid('the line is invalid', lineViolations(draft));
    await this.ensureLineNameFree(draft.name, null);
    return this.changed(await this.store.insertLine(this.ids.newId(), draft, this.clock.now()));
  }

  async updateLine(
    id: string,
    draft: LineDraft,
    expectedVersion: number | null,
  ): Promise<StoredLine> {
    requireUuid('line', id);
    throwIfInvalid('the line is invalid', lineViolations(draft));
    await this.ensureLineNameFree(draft.name, id);
    const line = writtenOrThrow(
      await this.store.updateLine(id, draft, expectedVersion, this.clock.now()),
      'line',
      id,
    );
    return this.changed(line);
  }

  groups(lineId?: string): Promise<StoredGroup[]> {
    return this.store.groups(lineId);
  }

  async group(id: string): Promise<StoredGroup> {
    requireUuid('group', id);
    const group = await this.store.group(id);
    if (!group) throw notFound('group', id);
    return group;
  }

  async createGroup(draft: GroupDraft): Promise<StoredGroup> {
    const id = this.ids.newId();
    await this.checkGroup(id, draft);
    return this.changed(await this.store.insertGroup(id, draft, this.clock.now()));
  }

  async updateGroup(
    id: string,
    draft: GroupDraft,
    expectedVersion: number | null,
  ): Promise<StoredGroup> {
    requireUuid('group', id);
    await this.checkGroup(id, draft);
    const group = writtenOrThrow(
      await this.store.updateGroup(id, draft, expectedVersion, this.clock.now()),
      'group',
      id,
    );
    return this.changed(group);
  }

  agents(filter: {
    groupId?: string;
    query?: string;
    userId?: string;
    after?: { name: string; id: string };
    pageSize: number;
  }): Promise<AgentPage> {
    const limit = filter.pageSize === 0 ? DEFAULT_PAGE_SIZE : filter.pageSize;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new RoutingError(RoutingErrorCode.ValidationFailed, 'the page size is invalid', [
        { field: 'pageSize', message: `must be from 1 to ${MAX_PAGE_SIZE}` },
      ]);
    }
    if (filter.groupId && !isUuid(filter.groupId))
      return Promise.resolve({ agents: [], next: null });
    if (filter.after && !isUuid(filter.after.id)) {
      throw new RoutingError(RoutingErrorCode.ValidationFailed, 'the page token is invalid', [
        { field: 'pageToken', message: 'is not a token of this list' },
      ]);
    }
    return this.store.agentPage({ ...filter, limit });
  }

  async agent(id: string): Promise<StoredAgent> {
    requireUuid('agent', id);
    const agent = await this.store.agent(id);
    if (!agent) throw notFound('agent', id);
    return agent;
  }

  async createAgent(draft: AgentDraft): Promise<StoredAgent> {
    await this.checkAgent(draft, null);
    return this.changed(await this.store.insertAgent(this.ids.newId(), draft, this.clock.now()));
  }

  async updateAgent(
    id: string,
    draft: AgentDraft,
    expectedVersion: number | null,
  ): Promise<StoredAgent> {
    requireUuid('agent', id);
    await this.checkAgent(draft, id);
    const agent = writtenOrThrow(
      await this.store.updateAgent(id, draft, expectedVersion, this.clock.now()),
      'agent',
      id,
    );
    return this.changed(agent);
  }

  async setAvailability(id: string, availability: Availability): Promise<StoredAgent> {
    const agent = await this.agent(id);
    const {
      version: _version,
      createdAt: _created,
      updatedAt: _updated,
      lastAssignedAt: _last,
      id: _id,
      ...draft
    } = agent;
    return this.updateAgent(id, { ...draft, availability }, null);
  }

  categorySkills(): Promise<Array<{ categoryId: string; skills: SkillLevels }>> {
    return this.store.categorySkills();
  }

  async setCategorySkills(
    categoryId: string,
    skills: SkillLevels,
  ): Promise<{ categoryId: string; skills: SkillLevels }> {
    throwIfInvalid('the category skills are invalid', [
      ...(categoryId.trim() ? [] : [{ field: 'categoryId', message: 'must not be empty' }]),
      ...skillViolations(skills, 'skills'),
    ]);
    await this.store.setCategorySkills(categoryId, skills, this.clock.now());
    this.configuration.invalidate();
    return { categoryId, skills };
  }

  private changed<T>(value: T): T {
    this.configuration.invalidate();
    return value;
  }

  private async ensureLineNameFree(name: string, ownId: string | null): Promise<void> {
    const taken = (await this.store.lines()).find(
      (line) => line.name.toLowerCase() === name.trim().toLowerCase() && line.id !== ownId,
    );
    if (taken) {
      throw new RoutingError(
        RoutingErrorCode.AlreadyExists,
        `a line named ${name} exists`,
        [{ field: 'name', message: 'is taken' }],
        { lineId: taken.id },
      );
    }
  }

  private async checkGroup(id: string, draft: GroupDraft): Promise<void> {
    const [lines, groups] = await Promise.all([this.store.lines(), this.store.groups()]);
    throwIfInvalid(
      'the group is invalid',
      groupViolations(
        id,
        draft,
        new Map(groups.map((group) => [group.id, group])),
        new Map(lines.map((line) => [line.id, line])),
      ),
    );
    const taken = groups.find(
      (group) => group.name.toLowerCase() === draft.name.trim().toLowerCase() && group.id !== id,
    );
    if (taken) {
      throw new RoutingError(
        RoutingErrorCode.AlreadyExists,
        `a group named ${draft.name} exists`,
        [{ field: 'name', message: 'is taken' }],
        { groupId: taken.id },
      );
    }
  }

  private async checkAgent(draft: AgentDraft, ownId: string | null): Promise<void> {
    const groups = await this.store.groups();
    throwIfInvalid(
      'the agent is invalid',
      agentViolations(draft, new Map(groups.map((group) => [group.id, group]))),
    );
    const existing = await this.store.agentByUserId(draft.userId);
    if (existing && existing.id !== ownId) {
      throw new RoutingError(
        RoutingErrorCode.AlreadyExists,
        `user ${draft.userId} is an agent already`,
        [{ field: 'userId', message: 'is an agent already' }],
        { agentId: existing.id },
      );
    }
  }
}
