import type { DataSource, EntityManager } from 'typeorm';
import type {
  AgentDraft,
  AgentPage,
  GroupDraft,
  LineDraft,
  OrganisationStore,
  RoutingSettings,
  RuleDraft,
  StoredAgent,
  StoredGroup,
  StoredLine,
  StoredRule,
  VersionedWrite,
} from '../application/ports/organisation-store';
import type {
  AssignmentStrategy,
  Availability,
  RuleActions,
  RuleCondition,
  SkillLevels,
  WorkingShift,
} from '../domain/routing-model';

interface LineRow {
  id: string;
  name: string;
  level: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

interface GroupRow {
  id: string;
  name: string;
  line_id: string;
  strategy: AssignmentStrategy;
  supervisor_id: string | null;
  escalation_group_id: string | null;
  escalate_on_sla_warning: boolean;
  auto_assign: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  queued_tickets: string | number;
}

interface AgentRow {
  id: string;
  user_id: string;
  display_name: string;
  skills: SkillLevels;
  capacity: number;
  availability: Availability;
  shift: WorkingShift | null;
  last_assigned_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  group_ids: string[] | null;
}

interface RuleRow {
  id: string;
  name: string;
  rule_order: number;
  enabled: boolean;
  conditions: RuleCondition[];
  actions: RuleActions;
  stop_processing: boolean;
  version: number;
  updated_by: string;
  created_at: Date;
  updated_at: Date;
}

const toLine = (row: LineRow): StoredLine => ({
  id: row.id,
  name: row.name,
  level: row.level,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toGroup = (row: GroupRow): StoredGroup => ({
  id: row.id,
  name: row.name,
  lineId: row.line_id,
  strategy: row.strategy,
  supervisorId: row.supervisor_id,
  escalationGroupId: row.escalation_group_id,
  escalateOnSlaWarning: row.escalate_on_sla_warning,
  autoAssign: row.auto_assign,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  queuedTickets: Number(row.queued_tickets),
});

const toAgent = (row: AgentRow): StoredAgent => ({
  id: row.id,
  userId: row.user_id,
  displayName: row.display_name,
  groupIds: row.group_ids ?? [],
  skills: row.skills,
  capacity: row.capacity,
  availability: row.availability,
  shift: row.shift,
  lastAssignedAt: row.last_assigned_at,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toRule = (row: RuleRow): StoredRule => ({
  id: row.id,
  name: row.name,
  order: row.rule_order,
  enabled: row.enabled,
  conditions: row.conditions,
  actions: row.actions,
  stopProcessing: row.stop_processing,
  version: row.version,
  updatedBy: row.updated_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const GROUP_SELECT = `
  SELECT g.*, (SELECT count(*) FROM routed_tickets t WHERE t.group_id = g.id::text AND t.queued_at IS NOT NULL) AS queued_tickets
    FROM support_groups g JOIN support_lines l ON l.id = g.line_id`;

const AGENT_SELECT = `
  SELECT a.*, l.last_assigned_at,
         (SELECT array_agg(m.group_id ORDER BY m.group_id) FROM agent_group_members m WHERE m.agent_id = a.id) AS group_ids
    FROM agents a LEFT JOIN agent_loads l ON l.user_id = a.user_id`;

/**
 * Rows an UPDATE … RETURNING gave back: TypeORM answers UPDATE and DELETE with
 * `[rows, affectedCount]` where other statements give the rows alone.
 */
export async function updated<T>(
  runner: Pick<EntityManager, 'query'>,
  sql: string,
  parameters: unknown[],
): Promise<T[]> {
  const result: unknown = await runner.query(sql, parameters);
  if (Array.isArray(result) && Array.isArray(result[0])) return result[0] as T[];
  return result as T[];
}

/** The row a statement that cannot miss returned (an INSERT … RETURNING, a read after a write). */
function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is missing right after it was written`);
  return value;
}

/** Where a versioned UPDATE found nothing: the row is missing or at another version. */
async function missOf<T>(
  manager: EntityManager,
  table: string,
  id: string,
): Promise<VersionedWrite<T>> {
  const rows: Array<{ version: number }> = await manager.query(
    `SELECT version FROM ${table} WHERE id = $1`,
    [id],
  );
  const current = rows[0];
  return current
    ? { outcome: 'version_conflict', currentVersion: current.version }
    : { outcome: 'not_found' };
}

/** Lines, groups, agents, skills, rules and settings in PostgreSQL; every update bumps a version. */
export class SqlOrganisationStore implements OrganisationStore {
  constructor(private readonly dataSource: DataSource) {}

  async configurationVersion(): Promise<number> {
    const rows: Array<{ version: string }> = await this.dataSource.query(
      'SELECT version FROM routing_configuration_version WHERE id = 1',
    );
    return Number(present(rows[0], 'the configuration version').version);
  }

  async lines(): Promise<StoredLine[]> {
    const rows: LineRow[] = await this.dataSource.query(
      'SELECT * FROM support_lines ORDER BY level, lower(name), id',
    );
    return rows.map(toLine);
  }

  async insertLine(id: string, draft: LineDraft, at: Date): Promise<StoredLine> {
    const rows: LineRow[] = await this.dataSource.query(
      `INSERT INTO support_lines (id, name, level, version, created_at, updated_at)
       VALUES ($1, $2, $3, 1, $4, $4) RETURNING *`,
      [id, draft.name, draft.level, at],
    );
    return toLine(present(rows[0], 'the new line'));
  }

  async updateLine(
    id: string,
    draft: LineDraft,
    expectedVersion: number | null,
    at: Date,
  ): Promise<VersionedWrite<StoredLine>> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await updated<LineRow>(
        manager,
        `UPDATE support_lines SET name = $2, level = $3, version = version + 1, updated_at = $4
          WHERE id = $1 AND ($5::int IS NULL OR version = $5) RETURNING *`,
        [id, draft.name, draft.level, at, expectedVersion],
      );
      return rows[0]
        ? { outcome: 'written', value: toLine(rows[0]) }
        : missOf(manager, 'support_lines', id);
    });
  }

  async groups(lineId?: string): Promise<StoredGroup[]> {
    const rows: GroupRow[] = await this.dataSource.query(
      `${GROUP_SELECT} WHERE ($1::uuid IS NULL OR g.line_id = $1) ORDER BY l.level, lower(g.name), g.id`,
      [lineId ?? null],
    );
    return rows.map(toGroup);
  }

  async group(id: string): Promise<StoredGroup | undefined> {
    const rows: GroupRow[] = await this.dataSource.query(`${GROUP_SELECT} WHERE g.id = $1`, [id]);
    return rows[0] && toGroup(rows[0]);
  }

  async insertGroup(id: string, draft: GroupDraft, at: Date): Promise<StoredGroup> {
    await this.dataSource.query(
      `INSERT INTO support_groups (id, name, line_id, strategy, supervisor_id, escalation_group_id,
         escalate_on_sla_warning, auto_assign, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9)`,
      [id, ...groupColumns(draft), at],
    );
    return present(await this.group(id), `group ${id}`);
  }

  async updateGroup(
    id: string,
    draft: GroupDraft,
    expectedVersion: number | null,
    at: Date,
  ): Promise<VersionedWrite<StoredGroup>> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const rows = await updated<{ id: string }>(
        manager,
        `UPDATE support_groups SET name = $2, line_id = $3, strategy = $4, supervisor_id = $5,
           escalation_group_id = $6, escalate_on_sla_warning = $7, auto_assign = $8,
           version = version + 1, updated_at = $9
          WHERE id = $1 AND ($10::int IS NULL OR version = $10) RETURNING id`,
        [id, ...groupColumns(draft), at, expectedVersion],
      );
      return rows[0] ? undefined : missOf<StoredGroup>(manager, 'support_groups', id);
    });
    return outcome ?? { outcome: 'written', value: present(await this.group(id), `group ${id}`) };
  }

  async allAgents(): Promise<StoredAgent[]> {
    const rows: AgentRow[] = await this.dataSource.query(`${AGENT_SELECT} ORDER BY a.id`);
    return rows.map(toAgent);
  }

  async agentPage(filter: {
    groupId?: string;
    query?: string;
    userId?: string;
    after?: { name: string; id: string };
    limit: number;
  }): Promise<AgentPage> {
    const rows: AgentRow[] = await this.dataSource.query(
      `${AGENT_SELECT}
        WHERE ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM agent_group_members m WHERE m.agent_id = a.id AND m.group_id = $1))
          AND ($2::text IS NULL OR lower(a.display_name) LIKE '%' || lower($2) || '%')
          AND ($3::text IS NULL OR (lower(a.display_name), a.id) > ($3, $4::uuid))
          AND ($6::text IS NULL OR a.user_id = $6)
        ORDER BY lower(a.display_name), a.id
        LIMIT $5`,
      [
        filter.groupId ?? null,
        filter.query ?? null,
        filter.after?.name ?? null,
        filter.after?.id ?? null,
        filter.limit + 1,
        filter.userId ?? null,
      ],
    );
    const agents = rows.slice(0, filter.limit).map(toAgent);
    const last = agents.at(-1);
    return {
      agents,
      next:
        rows.length > filter.limit && last
          ? { name: last.displayName.toLowerCase(), id: last.id }
          : null,
    };
  }

  async agent(id: string): Promise<StoredAgent | undefined> {
    const rows: AgentRow[] = await this.dataSource.query(`${AGENT_SELECT} WHERE a.id = $1`, [id]);
    return rows[0] && toAgent(rows[0]);
  }

  async agentByUserId(userId: string): Promise<StoredAgent | undefined> {
    const rows: AgentRow[] = await this.dataSource.query(`${AGENT_SELECT} WHERE a.user_id = $1`, [
      userId,
    ]);
    return rows[0] && toAgent(rows[0]);
  }

  async insertAgent(id: string, draft: AgentDraft, at: Date): Promise<StoredAgent> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO agents (id, user_id, display_name, skills, capacity, availability, shift, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8)`,
        [id, ...agentColumns(draft), at],
      );
      await keepLoadOf(manager, draft.userId);
      await replaceMemberships(manager, id, draft.groupIds);
    });
    return present(await this.agent(id), `agent ${id}`);
  }

  async updateAgent(
    id: string,
    draft: AgentDraft,
    expectedVersion: number | null,
    at: Date,
  ): Promise<VersionedWrite<StoredAgent>> {
    const miss = await this.dataSource.transaction(async (manager) => {
      const rows = await updated<{ id: string }>(
        manager,
        `UPDATE agents SET user_id = $2, display_name = $3, skills = $4, capacity = $5, availability = $6,
           shift = $7, version = version + 1, updated_at = $8
          WHERE id = $1 AND ($9::int IS NULL OR version = $9) RETURNING id`,
        [id, ...agentColumns(draft), at, expectedVersion],
      );
      if (!rows[0]) return missOf<StoredAgent>(manager, 'agents', id);
      await keepLoadOf(manager, draft.userId);
      await replaceMemberships(manager, id, draft.groupIds);
      return undefined;
    });
    return miss ?? { outcome: 'written', value: present(await this.agent(id), `agent ${id}`) };
  }

  async categorySkills(): Promise<Array<{ categoryId: string; skills: SkillLevels }>> {
    const rows: Array<{ category_id: string; skills: SkillLevels }> = await this.dataSource.query(
      'SELECT category_id, skills FROM category_skills ORDER BY category_id',
    );
    return rows.map((row) => ({ categoryId: row.category_id, skills: row.skills }));
  }

  async setCategorySkills(categoryId: string, skills: SkillLevels, at: Date): Promise<void> {
    if (Object.keys(skills).length === 0) {
      await this.dataSource.query('DELETE FROM category_skills WHERE category_id = $1', [
        categoryId,
      ]);
      return;
    }
    await this.dataSource.query(
      `INSERT INTO category_skills (category_id, skills, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (category_id) DO UPDATE SET skills = EXCLUDED.skills, updated_at = EXCLUDED.updated_at`,
      [categoryId, JSON.stringify(skills), at],
    );
  }

  async rules(includeDisabled: boolean): Promise<StoredRule[]> {
    const rows: RuleRow[] = await this.dataSource.query(
      `SELECT * FROM routing_rules WHERE deleted_at IS NULL AND ($1 OR enabled) ORDER BY rule_order, id`,
      [includeDisabled],
    );
    return rows.map(toRule);
  }

  async rule(id: string): Promise<StoredRule | undefined> {
    const rows: RuleRow[] = await this.dataSource.query(
      'SELECT * FROM routing_rules WHERE id = $1 AND deleted_at IS NULL',
      [id],
    );
    return rows[0] && toRule(rows[0]);
  }

  async insertRule(id: string, draft: RuleDraft, actorId: string, at: Date): Promise<StoredRule> {
    return this.dataSource.transaction(async (manager) => {
      const rows: RuleRow[] = await manager.query(
        `INSERT INTO routing_rules (id, name, rule_order, enabled, conditions, actions, stop_processing,
           version, updated_by, created_at, updated_at)
         VALUES ($1, $2,
           CASE WHEN $3::int > 0 THEN $3::int
                ELSE (SELECT coalesce(max(rule_order), 0) + 10 FROM routing_rules WHERE deleted_at IS NULL) END,
           $4, $5, $6, $7, 1, $8, $9, $9)
         RETURNING *`,
        [id, ...ruleColumns(draft), actorId, at],
      );
      const rule = toRule(present(rows[0], 'the new rule'));
      await saveRuleVersion(manager, rule, actorId, at);
      return rule;
    });
  }

  async updateRule(
    id: string,
    draft: RuleDraft,
    expectedVersion: number | null,
    actorId: string,
    at: Date,
  ): Promise<VersionedWrite<StoredRule>> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await updated<RuleRow>(
        manager,
        `UPDATE routing_rules SET name = $2, rule_order = CASE WHEN $3::int > 0 THEN $3::int ELSE rule_order END,
           enabled = $4, conditions = $5, actions = $6, stop_processing = $7, version = version + 1,
           updated_by = $8, updated_at = $9
          WHERE id = $1 AND deleted_at IS NULL AND ($10::int IS NULL OR version = $10) RETURNING *`,
        [id, ...ruleColumns(draft), actorId, at, expectedVersion],
      );
      if (!rows[0]) {
        const live: Array<{ version: number }> = await manager.query(
          'SELECT version FROM routing_rules WHERE id = $1 AND deleted_at IS NULL',
          [id],
        );
        return live[0]
          ? { outcome: 'version_conflict', currentVersion: live[0].version }
          : { outcome: 'not_found' };
      }
      const rule = toRule(rows[0]);
      await saveRuleVersion(manager, rule, actorId, at);
      return { outcome: 'written', value: rule };
    });
  }

  async deleteRule(id: string, actorId: string, at: Date): Promise<boolean> {
    const rows = await updated<{ id: string }>(
      this.dataSource,
      `UPDATE routing_rules SET deleted_at = $2, updated_by = $3, updated_at = $2
        WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
      [id, at, actorId],
    );
    return rows.length > 0;
  }

  async ruleVersions(id: string): Promise<StoredRule[]> {
    const rows: Array<{ rule: StoredRule & { createdAt: string; updatedAt: string } }> =
      await this.dataSource.query(
        'SELECT rule FROM routing_rule_versions WHERE rule_id = $1 ORDER BY version DESC',
        [id],
      );
    return rows.map(({ rule }) => ({
      ...rule,
      createdAt: new Date(rule.createdAt),
      updatedAt: new Date(rule.updatedAt),
    }));
  }

  async settings(): Promise<RoutingSettings> {
    const rows: Array<{
      classification_threshold: number;
      default_group_id: string | null;
      version: number;
    }> = await this.dataSource.query('SELECT * FROM routing_settings WHERE id = 1');
    const row = present(rows[0], 'the routing settings row');
    return {
      classificationThreshold: row.classification_threshold,
      defaultGroupId: row.default_group_id,
      version: row.version,
    };
  }

  async updateSettings(
    settings: Omit<RoutingSettings, 'version'>,
    expectedVersion: number | null,
  ): Promise<VersionedWrite<RoutingSettings>> {
    const rows = await updated<{ version: number }>(
      this.dataSource,
      `UPDATE routing_settings SET classification_threshold = $1, default_group_id = $2, version = version + 1
        WHERE id = 1 AND ($3::int IS NULL OR version = $3) RETURNING version`,
      [settings.classificationThreshold, settings.defaultGroupId, expectedVersion],
    );
    const written = rows[0];
    if (written) return { outcome: 'written', value: { ...settings, version: written.version } };
    return { outcome: 'version_conflict', currentVersion: (await this.settings()).version };
  }
}

function groupColumns(draft: GroupDraft): unknown[] {
  return [
    draft.name,
    draft.lineId,
    draft.strategy,
    draft.supervisorId,
    draft.escalationGroupId,
    draft.escalateOnSlaWarning,
    draft.autoAssign,
  ];
}

function agentColumns(draft: AgentDraft): unknown[] {
  return [
    draft.userId,
    draft.displayName,
    JSON.stringify(draft.skills),
    draft.capacity,
    draft.availability,
    draft.shift ? JSON.stringify(draft.shift) : null,
  ];
}

function ruleColumns(draft: RuleDraft): unknown[] {
  return [
    draft.name,
    draft.order,
    draft.enabled,
    JSON.stringify(draft.conditions),
    JSON.stringify(draft.actions),
    draft.stopProcessing,
  ];
}

/** Every agent has a row of open work, so their load reads as nothing rather than as unknown. */
async function keepLoadOf(manager: EntityManager, userId: string): Promise<void> {
  await manager.query(
    `INSERT INTO agent_loads (user_id, open_tickets, weighted_load) VALUES ($1, 0, 0)
     ON CONFLICT (user_id) DO NOTHING`,
    [userId],
  );
}

async function replaceMemberships(
  manager: EntityManager,
  agentId: string,
  groupIds: readonly string[],
): Promise<void> {
  await manager.query('DELETE FROM agent_group_members WHERE agent_id = $1', [agentId]);
  if (groupIds.length === 0) return;
  await manager.query(
    `INSERT INTO agent_group_members (agent_id, group_id) SELECT $1, unnest($2::uuid[])`,
    [agentId, [...new Set(groupIds)]],
  );
}

async function saveRuleVersion(
  manager: EntityManager,
  rule: StoredRule,
  actorId: string,
  at: Date,
): Promise<void> {
  await manager.query(
    `INSERT INTO routing_rule_versions (rule_id, version, rule, saved_by, saved_at) VALUES ($1, $2, $3, $4, $5)`,
    [rule.id, rule.version, JSON.stringify(rule), actorId, at],
  );
}
