import { type CatalogIds, idOf } from './catalog-sync';
import type { AssignmentGroupId } from './catalogue/people.catalogue';
import type {
  RoutingGroupEntry,
  RoutingOrganisation,
  SupportLineKey,
} from './catalogue/routing.catalogue';
import type { CategoryKey } from './catalogue/service-catalog.catalogue';
import { type ClassifierTraining, formatClassifierTraining } from './classifier-training';
import type { AgentRecord, SupportGroupRecord, SupportLineRecord } from './gateway-api';
import { ApiProblemError, type RoutingApi } from './gateway-client';
import { GroupDirectory } from './group-directory';

interface Count {
  total: number;
  created: number;
}

export interface RoutingCounts {
  lines: Count;
  groups: Count;
  agents: Count;
  /** Categories whose tickets need skills. */
  categorySkills: Count;
  rules: Count;
  /** `set`: this run named the default group and threshold; `kept`: they were set already. */
  settings: 'set' | 'kept';
}

/**
 * `skipped`: routing could not be reached for the agents, rules and settings; the demo's tickets
 * are in its groups all the same, and a later run completes the rest.
 */
export type RoutingSync =
  { status: 'synced'; counts: RoutingCounts } | { status: 'skipped'; note: string };

/** Names match as the API compares them: trimmed, whatever the case. */
function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** 503: the routing service is down or not deployed; the gateway answers so for any call. */
function isUnavailable(error: unknown): error is ApiProblemError {
  return error instanceof ApiProblemError && error.status === 503;
}

/** Runs one step, naming the entry it was about when it fails; 503 passes through as it is. */
async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUnavailable(error)) throw error;
    throw new Error(`${what}: ${messageOf(error)}`, { cause: error });
  }
}

/** Routing's ids of the demo's groups, and the lines and groups a run found or created. */
export interface SupportGroups {
  directory: GroupDirectory;
  counts: Pick<RoutingCounts, 'lines' | 'groups'>;
}

/**
 * Makes routing hold the demo's support lines and groups, looked up by name and only the missing
 * ones created, and answers the groups' ids. Everything else the seeder sends names groups by
 * these ids, so this comes before the catalog, the tickets and the views, and a routing that
 * cannot be reached stops the run: without it no group of the demo has an id.
 */
export async function syncSupportGroups(
  organisation: RoutingOrganisation,
  api: RoutingApi,
): Promise<SupportGroups> {
  let lines: SupportLineRecord[];
  try {
    lines = await api.listSupportLines();
  } catch (error) {
    if (error instanceof ApiProblemError && (error.status === 404 || error.status === 503)) {
      throw new Error(
        `routing is not running (${messageOf(error)}): the demo's catalog, tickets and views ` +
          'name its support groups by the ids routing gives them; start routing and seed again',
        { cause: error },
      );
    }
    throw error;
  }
  const counts: SupportGroups['counts'] = {
    lines: { total: organisation.lines.length, created: 0 },
    groups: { total: organisation.groups.length, created: 0 },
  };

  const lineIds = new Map<SupportLineKey, string>();
  for (const entry of organisation.lines) {
    let line = lines.find((candidate) => sameName(candidate.name, entry.name));
    if (!line) {
      line = await step(`line "${entry.name}"`, () =>
        api.createSupportLine({ name: entry.name, level: entry.level }),
      );
      counts.lines.created += 1;
    }
    lineIds.set(entry.key, line.id);
  }

  const groups = await api.listSupportGroups();
  const groupIds = new Map<AssignmentGroupId, string>();
  // An escalation names the group it goes to, so that group is set up first, wherever it is in
  // the catalogue.
  const ensureGroup = async (
    entry: RoutingGroupEntry,
    path: readonly string[],
  ): Promise<string> => {
    const known = groupIds.get(entry.key);
    if (known !== undefined) return known;
    if (path.includes(entry.key)) {
      throw new Error(`the groups escalate in a circle: ${[...path, entry.key].join(' → ')}`);
    }
    let group: SupportGroupRecord | undefined = groups.find((candidate) =>
      sameName(candidate.name, entry.name),
    );
    if (!group) {
      const target =
        entry.escalatesTo === undefined
          ? undefined
          : organisation.groups.find((candidate) => candidate.key === entry.escalatesTo);
      if (entry.escalatesTo !== undefined && !target) {
        throw new Error(`group ${entry.key} escalates to ${entry.escalatesTo}, which is no group`);
      }
      const escalationGroupId = target && (await ensureGroup(target, [...path, entry.key]));
      const lineId = lineIds.get(entry.line);
      if (lineId === undefined) throw new Error(`group ${entry.key} is on no line ${entry.line}`);
      group = await step(`group "${entry.name}"`, () =>
        api.createSupportGroup({
          name: entry.name,
          lineId,
          strategy: entry.strategy,
          supervisorId: entry.supervisorId,
          ...(escalationGroupId === undefined ? {} : { escalationGroupId }),
          autoAssign: entry.autoAssign,
        }),
      );
      counts.groups.created += 1;
    }
    groupIds.set(entry.key, group.id);
    return group.id;
  };
  for (const entry of organisation.groups) await ensureGroup(entry, []);
  return { directory: new GroupDirectory(groupIds), counts };
}

/**
 * Completes the demo's support organisation in routing once its groups are there
 * (syncSupportGroups): agents looked up by user id, rules by name, and only the missing ones
 * created, so a second run creates nothing. Entries found are taken as they are. Categories get
 * their skills only when they need none yet, and the settings are set only while no default
 * group is named (as a fresh routing has them): changes made since in the product are kept.
 *
 * Routing gone (404 on the first call) or down (503 on any call) skips it: the tickets are in
 * their groups already, and a later run completes what is missing.
 */
export async function syncRouting(
  organisation: RoutingOrganisation,
  catalog: CatalogIds,
  groups: SupportGroups,
  api: RoutingApi,
): Promise<RoutingSync> {
  let agents: AgentRecord[];
  try {
    agents = await api.listAgents();
  } catch (error) {
    if (error instanceof ApiProblemError && (error.status === 404 || error.status === 503)) {
      return { status: 'skipped', note: `routing is not running (${messageOf(error)})` };
    }
    throw error;
  }
  try {
    return {
      status: 'synced',
      counts: await syncOrganisation(organisation, catalog, groups, api, agents),
    };
  } catch (error) {
    if (!isUnavailable(error)) throw error;
    return {
      status: 'skipped',
      note: `routing became unavailable part way; a rerun completes it (${messageOf(error)})`,
    };
  }
}

async function syncOrganisation(
  organisation: RoutingOrganisation,
  catalog: CatalogIds,
  groups: SupportGroups,
  api: RoutingApi,
  agents: readonly AgentRecord[],
): Promise<RoutingCounts> {
  const counts: RoutingCounts = {
    ...groups.counts,
    agents: { total: organisation.agents.length, created: 0 },
    categorySkills: { total: organisation.categorySkills.length, created: 0 },
    rules: { total: organisation.rules.length, created: 0 },
    settings: 'kept',
  };
  const categoryId = (key: CategoryKey) => idOf(catalog.categories, key, 'category');
  const groupId = (key: AssignmentGroupId): string => groups.directory.idOf(key);

  for (const entry of organisation.agents) {
    if (agents.some((candidate) => candidate.userId === entry.userId)) continue;
    const created = await step(`agent ${entry.userId}`, async () => {
      try {
        await api.createAgent({
          userId: entry.userId,
          displayName: entry.displayName,
          groupIds: entry.groups.map(groupId),
          skills: [...entry.skills],
          capacity: entry.capacity,
          availability: entry.availability,
          ...(entry.shift ? { shift: entry.shift } : {}),
        });
        return true;
      } catch (error) {
        // Somebody made the user an agent since the list was read: they are there.
        if (error instanceof ApiProblemError && error.status === 409) return false;
        throw error;
      }
    });
    if (created) counts.agents.created += 1;
  }

  const requirements = await api.listCategorySkills();
  for (const entry of organisation.categorySkills) {
    const id = categoryId(entry.category);
    const current = requirements.find((candidate) => candidate.categoryId === id);
    if (current && current.skills.length > 0) continue;
    await step(`skills of category ${entry.category}`, () =>
      api.setCategorySkills(id, { skills: [...entry.skills] }),
    );
    counts.categorySkills.created += 1;
  }

  const rules = await api.listRoutingRules();
  for (const entry of organisation.rules) {
    if (rules.some((candidate) => sameName(candidate.name, entry.name))) continue;
    await step(`rule "${entry.name}"`, () =>
      api.createRoutingRule({
        name: entry.name,
        conditions: [
          { field: 'category', operator: 'in', values: entry.categories.map(categoryId) },
        ],
        actions: { setGroupId: groupId(entry.group), addTags: [...entry.tags] },
        // The rules' categories do not overlap: the first match is the only one.
        stopProcessing: true,
        actorId: organisation.adminId,
      }),
    );
    counts.rules.created += 1;
  }

  const settings = await api.getRoutingSettings();
  if (settings.defaultGroupId === null) {
    await step('routing settings', () =>
      api.updateRoutingSettings(settings.version, {
        classificationThreshold: organisation.settings.classificationThreshold,
        defaultGroupId: groupId(organisation.settings.defaultGroup),
      }),
    );
    counts.settings = 'set';
  }
  return counts;
}

/**
 * "routing: 3 lines, 6 groups, 20 agents, 4 category skills, 8 rules (41 new), settings set;
 * classifier: …", or why routing was skipped.
 */
export function formatRoutingSummary(sync: RoutingSync, training?: ClassifierTraining): string {
  if (sync.status === 'skipped') return `routing: skipped, ${sync.note}`;
  const { lines, groups, agents, categorySkills, rules, settings } = sync.counts;
  const created =
    lines.created + groups.created + agents.created + categorySkills.created + rules.created;
  const classifier = training === undefined ? '' : `; ${formatClassifierTraining(training)}`;
  return (
    `routing: ${lines.total} lines, ${groups.total} groups, ${agents.total} agents, ` +
    `${categorySkills.total} category skills, ${rules.total} rules (${created} new), ` +
    `settings ${settings}${classifier}`
  );
}
