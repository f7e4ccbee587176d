import type { CatalogIds } from './catalog-sync';
import { AGENTS_OF, ASSIGNMENT_GROUPS } from './catalogue/people.catalogue';
import { DEMO_ROUTING, type RoutingOrganisation } from './catalogue/routing.catalogue';
import { CATEGORIES, type CategoryKey } from './catalogue/service-catalog.catalogue';
import type {
  AgentRecord,
  CategorySkillsRecord,
  ClassifierModelRecord,
  CreateAgentBody,
  CreateRoutingRuleBody,
  CreateSupportGroupBody,
  CreateSupportLineBody,
  RoutingRuleRecord,
  RoutingSettingsRecord,
  SetCategorySkillsBody,
  SupportGroupRecord,
  SupportLineRecord,
  UpdateRoutingSettingsBody,
} from './gateway-api';
import { ApiProblemError, type RoutingApi } from './gateway-client';
import { formatRoutingSummary, syncRouting, syncSupportGroups } from './routing-sync';
import { expectRoutingGroups } from './testing/groups.fixture';

const CATALOG: CatalogIds = {
  services: {},
  categories: Object.fromEntries(
    CATEGORIES.map((category) => [category.key, `cat-${category.key}`]),
  ),
  items: {},
};

function problem(status: number, what = 'refused'): ApiProblemError {
  return new ApiProblemError(status, undefined, `${status}: ${what}`);
}

/** Routing's endpoints in memory, refusing taken names and user ids and stale versions as it does. */
class FakeRoutingApi implements RoutingApi {
  readonly calls: string[] = [];
  readonly lines: SupportLineRecord[] = [];
  readonly groups: (SupportGroupRecord & CreateSupportGroupBody)[] = [];
  readonly agents: (AgentRecord & CreateAgentBody)[] = [];
  readonly requirements: CategorySkillsRecord[] = [];
  readonly rules: (RoutingRuleRecord & CreateRoutingRuleBody)[] = [];
  settings: RoutingSettingsRecord = {
    classificationThreshold: 0.6,
    defaultGroupId: null,
    version: 1,
  };
  /** Answers every call with this status, as a gateway without routing does. */
  unavailable: number | undefined;
  /** Answers calls whose description starts so with 503. */
  downFrom: string | undefined;

  private answer(call: string): void {
    this.calls.push(call);
    if (this.unavailable !== undefined) throw problem(this.unavailable);
    if (this.downFrom !== undefined && call.startsWith(this.downFrom)) throw problem(503);
  }

  async listSupportLines(): Promise<SupportLineRecord[]> {
    this.answer('list lines');
    return this.lines.map((line) => ({ ...line }));
  }

  async createSupportLine(body: CreateSupportLineBody): Promise<SupportLineRecord> {
    this.answer(`line ${body.name}`);
    if (this.lines.some((line) => line.name.toLowerCase() === body.name.toLowerCase())) {
      throw problem(409);
    }
    const line = { id: `line-${this.lines.length + 1}`, ...body };
    this.lines.push(line);
    return { ...line };
  }

  async listSupportGroups(): Promise<SupportGroupRecord[]> {
    this.answer('list groups');
    return this.groups.map(({ id, name, lineId }) => ({ id, name, lineId }));
  }

  async createSupportGroup(body: CreateSupportGroupBody): Promise<SupportGroupRecord> {
    this.answer(`group ${body.name}`);
    if (!this.lines.some((line) => line.id === body.lineId)) throw problem(400, 'no such line');
    if (body.escalationGroupId && !this.groups.some((g) => g.id === body.escalationGroupId)) {
      throw problem(400, 'no such escalation group');
    }
    const group = { ...body, id: `group-${this.groups.length + 1}` };
    this.groups.push(group);
    return { id: group.id, name: group.name, lineId: group.lineId };
  }

  async listAgents(): Promise<AgentRecord[]> {
    this.answer('list agents');
    return this.agents.map(({ id, userId, displayName }) => ({ id, userId, displayName }));
  }

  async createAgent(body: CreateAgentBody): Promise<AgentRecord> {
    this.answer(`agent ${body.userId}`);
    if (this.agents.some((agent) => agent.userId === body.userId)) throw problem(409);
    if (body.groupIds.some((id) => !this.groups.some((group) => group.id === id))) {
      throw problem(400, 'no such group');
    }
    const agent = { ...body, id: `agent-id-${this.agents.length + 1}` };
    this.agents.push(agent);
    return { id: agent.id, userId: agent.userId, displayName: agent.displayName };
  }

  async listCategorySkills(): Promise<CategorySkillsRecord[]> {
    this.answer('list category skills');
    return this.requirements.map((requirement) => ({ ...requirement }));
  }

  async setCategorySkills(
    categoryId: string,
    body: SetCategorySkillsBody,
  ): Promise<CategorySkillsRecord> {
    this.answer(`skills of ${categoryId}`);
    const requirement = { categoryId, skills: body.skills };
    const index = this.requirements.findIndex((known) => known.categoryId === categoryId);
    if (index < 0) this.requirements.push(requirement);
    else this.requirements[index] = requirement;
    return requirement;
  }

  async listRoutingRules(): Promise<RoutingRuleRecord[]> {
    this.answer('list rules');
    return this.rules.map(({ id, name }) => ({ id, name }));
  }

  async createRoutingRule(body: CreateRoutingRuleBody): Promise<RoutingRuleRecord> {
    this.answer(`rule ${body.name}`);
    const groupId = body.actions.setGroupId;
    if (!this.groups.some((group) => group.id === groupId)) throw problem(400, 'no such group');
    const rule = { ...body, id: `rule-${this.rules.length + 1}` };
    this.rules.push(rule);
    return { id: rule.id, name: rule.name };
  }

  async getRoutingSettings(): Promise<RoutingSettingsRecord> {
    this.answer('get settings');
    return { ...this.settings };
  }

  async updateRoutingSettings(
    version: number,
    body: UpdateRoutingSettingsBody,
  ): Promise<RoutingSettingsRecord> {
    this.answer(`settings if-match ${version}`);
    if (version !== this.settings.version) throw problem(412);
    if (body.defaultGroupId && !this.groups.some((group) => group.id === body.defaultGroupId)) {
      throw problem(400, 'no such group');
    }
    this.settings = {
      classificationThreshold: body.classificationThreshold,
      defaultGroupId: body.defaultGroupId ?? null,
      version: version + 1,
    };
    return { ...this.settings };
  }

  async trainClassifier(): Promise<ClassifierModelRecord> {
    throw new Error('the sync does not train');
  }
}

/** A small organisation: two lines, the desk escalating to network, listed before its target. */
const SMALL: RoutingOrganisation = {
  lines: [
    { key: 'first', name: '1st line', level: 1 },
    { key: 'second', name: '2nd line', level: 2 },
  ],
  groups: [
    {
      key: 'service-desk',
      name: 'Service desk',
      line: 'first',
      strategy: 'least_loaded',
      supervisorId: 'mgr-it-01',
      escalatesTo: 'network',
      autoAssign: true,
    },
    {
      key: 'network',
      name: 'Network',
      line: 'second',
      strategy: 'skills_match',
      supervisorId: 'agent-07',
      autoAssign: false,
    },
  ],
  agents: [
    {
      userId: 'agent-01',
      displayName: 'Anna Petrova',
      groups: ['service-desk'],
      skills: [{ name: 'mail', level: 3 }],
      capacity: 15,
      availability: 'online',
    },
    {
      userId: 'agent-07',
      displayName: 'Alexey Smirnov',
      groups: ['network'],
      skills: [{ name: 'vpn', level: 4 }],
      capacity: 10,
      availability: 'online',
      shift: {
        timeZone: 'Europe/Moscow',
        windows: [{ weekday: 'monday', start: '09:00', end: '18:00' }],
      },
    },
  ],
  categorySkills: [{ category: 'network-vpn', skills: [{ name: 'vpn', level: 2 }] }],
  rules: [
    {
      name: 'VPN to Network',
      categories: ['network', 'network-vpn'],
      group: 'network',
      tags: ['network'],
    },
  ],
  settings: { classificationThreshold: 0.6, defaultGroup: 'service-desk' },
  adminId: 'mgr-it-01',
};

/** Both halves of the sync, as a run takes them: the groups first, the rest at the end. */
async function syncAll(
  organisation: RoutingOrganisation,
  api: FakeRoutingApi,
): ReturnType<typeof syncRouting> {
  const groups = await syncSupportGroups(organisation, api);
  return syncRouting(organisation, CATALOG, groups, api);
}

const LISTS = [
  'list lines',
  'list groups',
  'list agents',
  'list category skills',
  'list rules',
  'get settings',
];

describe('syncRouting', () => {
  it('sets up the whole organisation on an empty routing, escalation targets first', async () => {
    const api = new FakeRoutingApi();
    const sync = await syncAll(SMALL, api);
    expect(api.calls).toEqual([
      'list lines',
      'line 1st line',
      'line 2nd line',
      'list groups',
      'group Network',
      'group Service desk',
      'list agents',
      'agent agent-01',
      'agent agent-07',
      'list category skills',
      'skills of cat-network-vpn',
      'list rules',
      'rule VPN to Network',
      'get settings',
      'settings if-match 1',
    ]);
    expect(api.groups).toEqual([
      {
        id: 'group-1',
        name: 'Network',
        lineId: 'line-2',
        strategy: 'skills_match',
        supervisorId: 'agent-07',
        autoAssign: false,
      },
      {
        id: 'group-2',
        name: 'Service desk',
        lineId: 'line-1',
        strategy: 'least_loaded',
        supervisorId: 'mgr-it-01',
        escalationGroupId: 'group-1',
        autoAssign: true,
      },
    ]);
    expect(api.agents.map(({ userId, groupIds, shift }) => ({ userId, groupIds, shift }))).toEqual([
      { userId: 'agent-01', groupIds: ['group-2'], shift: undefined },
      { userId: 'agent-07', groupIds: ['group-1'], shift: SMALL.agents[1]?.shift },
    ]);
    expect(api.rules[0]).toMatchObject({
      conditions: [
        { field: 'category', operator: 'in', values: ['cat-network', 'cat-network-vpn'] },
      ],
      actions: { setGroupId: 'group-1', addTags: ['network'] },
      actorId: 'mgr-it-01',
    });
    expect(api.settings).toEqual({
      classificationThreshold: 0.6,
      defaultGroupId: 'group-2',
      version: 2,
    });
    expect(sync).toEqual({
      status: 'synced',
      counts: {
        lines: { total: 2, created: 2 },
        groups: { total: 2, created: 2 },
        agents: { total: 2, created: 2 },
        categorySkills: { total: 1, created: 1 },
        rules: { total: 1, created: 1 },
        settings: 'set',
      },
    });
  });

  it('creates nothing the second time, the demo organisation included', async () => {
    const api = new FakeRoutingApi();
    await syncAll(DEMO_ROUTING, api);
    api.calls.length = 0;
    const again = await syncAll(DEMO_ROUTING, api);
    expect(api.calls).toEqual(LISTS);
    expect(again).toEqual({
      status: 'synced',
      counts: {
        lines: { total: 3, created: 0 },
        groups: { total: 6, created: 0 },
        agents: { total: 20, created: 0 },
        categorySkills: { total: 4, created: 0 },
        rules: { total: 8, created: 0 },
        settings: 'kept',
      },
    });
  });

  it('takes what it finds as it is, whatever the case, and keeps settings made since', async () => {
    const api = new FakeRoutingApi();
    api.lines.push({ id: 'line-9', name: ' 1ST LINE ', level: 1 });
    api.groups.push({
      id: 'group-9',
      name: 'network',
      lineId: 'line-9',
      strategy: 'round_robin',
    });
    api.agents.push({
      id: 'agent-id-9',
      userId: 'agent-07',
      displayName: 'Somebody else',
      groupIds: [],
      skills: [],
      capacity: 1,
      availability: 'off',
    });
    api.requirements.push({ categoryId: 'cat-network-vpn', skills: [{ name: 'vpn', level: 5 }] });
    api.settings = { classificationThreshold: 0.8, defaultGroupId: 'group-9', version: 4 };
    const sync = await syncAll(SMALL, api);
    expect(api.calls.filter((call) => !LISTS.includes(call))).toEqual([
      'line 2nd line',
      'group Service desk',
      'agent agent-01',
      'rule VPN to Network',
    ]);
    expect(api.groups[1]).toMatchObject({ escalationGroupId: 'group-9', lineId: 'line-9' });
    expect(api.requirements).toEqual([
      { categoryId: 'cat-network-vpn', skills: [{ name: 'vpn', level: 5 }] },
    ]);
    expect(api.settings.version).toBe(4);
    expect(sync.status === 'synced' && sync.counts.settings).toBe('kept');
  });

  it('sets the skills of a category whose requirement was removed', async () => {
    const api = new FakeRoutingApi();
    api.requirements.push({ categoryId: 'cat-network-vpn', skills: [] });
    await syncAll(SMALL, api);
    expect(api.requirements).toEqual([
      { categoryId: 'cat-network-vpn', skills: [{ name: 'vpn', level: 2 }] },
    ]);
  });

  it('counts an agent somebody added since the list was read as there', async () => {
    const api = new FakeRoutingApi();
    const listAgents = api.listAgents.bind(api);
    api.listAgents = async () => {
      const before = await listAgents();
      api.agents.push({
        id: 'agent-id-9',
        userId: 'agent-01',
        displayName: 'Anna',
        groupIds: [],
        skills: [],
        capacity: 1,
        availability: 'online',
      });
      return before;
    };
    const sync = await syncAll(SMALL, api);
    expect(sync.status === 'synced' && sync.counts.agents).toEqual({ total: 2, created: 1 });
  });

  it.each([404, 503])(
    'stops the run when the gateway answers %i for the groups, which everything names',
    async (status) => {
      const api = new FakeRoutingApi();
      api.unavailable = status;
      await expect(syncSupportGroups(SMALL, api)).rejects.toThrow(
        `routing is not running (${status}: refused): the demo's catalog, tickets and views ` +
          'name its support groups by the ids routing gives them',
      );
      expect(api.calls).toEqual(['list lines']);
    },
  );

  it.each([
    [404, 'routing is not running (404: refused)'],
    [503, 'routing is not running (503: refused)'],
  ])(
    'skips the rest when the gateway answers %i once the groups are there',
    async (status, note) => {
      const api = new FakeRoutingApi();
      const groups = await syncSupportGroups(SMALL, api);
      api.calls.length = 0;
      api.unavailable = status;
      await expect(syncRouting(SMALL, CATALOG, groups, api)).resolves.toEqual({
        status: 'skipped',
        note,
      });
      expect(api.calls).toEqual(['list agents']);
    },
  );

  it('skips the rest when routing goes down part way, and a rerun completes it', async () => {
    const api = new FakeRoutingApi();
    api.downFrom = 'agent agent-07';
    await expect(syncAll(SMALL, api)).resolves.toEqual({
      status: 'skipped',
      note: 'routing became unavailable part way; a rerun completes it (503: refused)',
    });
    api.downFrom = undefined;
    const rerun = await syncAll(SMALL, api);
    expect(rerun.status === 'synced' && rerun.counts.agents).toEqual({ total: 2, created: 1 });
  });

  it('fails on any other answer, naming the entry', async () => {
    const api = new FakeRoutingApi();
    api.createSupportGroup = async () => {
      throw problem(400, 'strategy must be one of …');
    };
    await expect(syncAll(SMALL, api)).rejects.toThrow(
      'group "Network": 400: strategy must be one of …',
    );
    const notFound = new FakeRoutingApi();
    notFound.listRoutingRules = async () => {
      throw problem(404);
    };
    await expect(syncAll(SMALL, notFound)).rejects.toThrow('404: refused');
  });

  it('refuses groups that escalate in a circle', async () => {
    const circle: RoutingOrganisation = {
      ...SMALL,
      groups: SMALL.groups.map((group) =>
        group.key === 'network' ? { ...group, escalatesTo: 'service-desk' } : group,
      ),
    };
    await expect(syncAll(circle, new FakeRoutingApi())).rejects.toThrow(
      'the groups escalate in a circle: service-desk → network → service-desk',
    );
  });
});

describe('syncSupportGroups', () => {
  it("answers routing's ids of the groups, created or found, for everything that names one", async () => {
    const api = new FakeRoutingApi();
    api.lines.push({ id: 'line-9', name: '2nd line', level: 2 });
    api.groups.push({
      id: 'group-9',
      name: ' NETWORK ',
      lineId: 'line-9',
      strategy: 'round_robin',
    });
    const { directory, counts } = await syncSupportGroups(SMALL, api);
    expect(api.calls).toEqual(['list lines', 'line 1st line', 'list groups', 'group Service desk']);
    expect(directory.idOf('network')).toBe('group-9');
    expect(directory.idOf('service-desk')).toBe('group-2');
    expect(counts).toEqual({ lines: { total: 2, created: 1 }, groups: { total: 2, created: 1 } });
    expect(() => directory.idOf('dba')).toThrow(
      `group "dba" is none of routing's groups (network, service-desk)`,
    );
  });

  it('has an id for every group of the demo, and sends routing nothing but ids', async () => {
    const api = new FakeRoutingApi();
    const groups = await syncSupportGroups(DEMO_ROUTING, api);
    const ids = new Set(api.groups.map((group) => group.id));
    for (const key of ASSIGNMENT_GROUPS) expect(ids.has(groups.directory.idOf(key))).toBe(true);
    await syncRouting(DEMO_ROUTING, CATALOG, groups, api);
    for (const body of [...api.groups, ...api.agents, ...api.rules, api.settings]) {
      expectRoutingGroups(body, ids);
    }
  });
});

describe('formatRoutingSummary', () => {
  it('counts the organisation, or says why routing was skipped', () => {
    const counts = {
      lines: { total: 3, created: 3 },
      groups: { total: 6, created: 6 },
      agents: { total: 20, created: 18 },
      categorySkills: { total: 4, created: 4 },
      rules: { total: 8, created: 8 },
      settings: 'set' as const,
    };
    expect(formatRoutingSummary({ status: 'synced', counts })).toBe(
      'routing: 3 lines, 6 groups, 20 agents, 4 category skills, 8 rules (39 new), settings set',
    );
    expect(
      formatRoutingSummary(
        { status: 'synced', counts },
        { status: 'not-trained', note: 'not trained after 90 s: 409: too little history' },
      ),
    ).toMatch(/settings set; classifier: not trained after 90 s: 409: too little history$/);
    expect(formatRoutingSummary({ status: 'skipped', note: 'routing is not running (503)' })).toBe(
      'routing: skipped, routing is not running (503)',
    );
  });
});

describe('the demo organisation', () => {
  const groupOf = new Map(DEMO_ROUTING.groups.map((group) => [group.key, group]));
  const levelOf = new Map(DEMO_ROUTING.lines.map((line) => [line.key, line.level]));

  it('has a group for every assignment group, and every agent of AGENTS_OF once, in their group', () => {
    expect(DEMO_ROUTING.groups.map((group) => group.key).sort()).toEqual(
      [...ASSIGNMENT_GROUPS].sort(),
    );
    const expected = ASSIGNMENT_GROUPS.flatMap((group) =>
      AGENTS_OF[group].map((userId) => ({ userId, groups: [group] })),
    );
    expect(DEMO_ROUTING.agents.map(({ userId, groups }) => ({ userId, groups }))).toEqual(expected);
    for (const agent of DEMO_ROUTING.agents) {
      expect(agent.capacity).toBeGreaterThanOrEqual(8);
      expect(agent.capacity).toBeLessThanOrEqual(15);
    }
  });

  it('escalates only up a line', () => {
    for (const group of DEMO_ROUTING.groups) {
      if (group.escalatesTo === undefined) continue;
      const target = groupOf.get(group.escalatesTo);
      expect(target && levelOf.get(target.line)).toBeGreaterThan(levelOf.get(group.line) ?? 0);
    }
  });

  it('routes every category of the catalog by exactly one rule', () => {
    const routed = DEMO_ROUTING.rules.flatMap((rule) => rule.categories);
    expect([...routed].sort()).toEqual(CATEGORIES.map((category) => category.key).sort());
  });

  it('has, for every category that needs skills, an agent who has them in the group it goes to', () => {
    const ruleOf = (category: CategoryKey) =>
      DEMO_ROUTING.rules.find((rule) => rule.categories.includes(category));
    for (const { category, skills } of DEMO_ROUTING.categorySkills) {
      const group = ruleOf(category)?.group;
      const able = DEMO_ROUTING.agents.filter(
        (agent) =>
          group !== undefined &&
          agent.groups.includes(group) &&
          skills.every((needed) =>
            agent.skills.some((has) => has.name === needed.name && has.level >= needed.level),
          ),
      );
      expect({ category, able: able.length > 0 }).toEqual({ category, able: true });
    }
  });
});
