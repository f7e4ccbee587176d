/**
 * The support organisation the routing benchmark seeds: lines, groups, agents, rules, category
 * skills and the open tickets that make up the agents' loads. Pure and deterministic (a seeded
 * PRNG), so the same sizes always give the same rows; `insertSeed` writes them with pg.
 */
import { createHash } from 'node:crypto';
import type { Client } from 'pg';

export interface SeedSizes {
  lines: number;
  groups: number;
  agents: number;
  rules: number;
  categories: number;
  openTickets: number;
}

/** The target configuration. */
export const SCALE: SeedSizes = {
  lines: 3,
  groups: 100,
  agents: 10_000,
  rules: 1_000,
  categories: 200,
  openTickets: 50_000,
};

/** The same pipeline with almost nothing to decide among. */
export const BASELINE: SeedSizes = {
  lines: 1,
  groups: 1,
  agents: 100,
  rules: 1,
  categories: 1,
  openTickets: 500,
};

export const SKILLS = [
  'network',
  'printers',
  'email',
  'vpn',
  'windows',
  'linux',
  'macos',
  '1c',
  'sap',
  'database',
  'telephony',
  'hardware',
  'security',
  'access',
  'backup',
  'office',
  'crm',
  'web',
  'mobile',
  'video',
] as const;

/** Words of ticket titles and keyword rules, Russian and English. */
export const KEYWORDS = [
  'vpn',
  'принтер',
  'printer',
  'почта',
  'email',
  'пароль',
  'password',
  '1с',
  'sap',
  'wifi',
  'монитор',
  'monitor',
  'доступ',
  'access',
  'сеть',
  'network',
  'сервер',
  'server',
  'ноутбук',
  'laptop',
  'телефон',
  'phone',
  'outlook',
  'teams',
  'сканер',
  'scanner',
  'лицензия',
  'license',
  'база',
  'database',
] as const;

export const PRIORITIES = ['critical', 'high', 'medium', 'low', 'planning'] as const;
export const CHANNELS = ['portal', 'email', 'phone', 'chat', 'api'] as const;
const STRATEGIES = ['least_loaded', 'round_robin', 'skills_match'] as const;

/** mulberry32: small, fast and good enough to spread seed data. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

export const between = (random: () => number, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

/** A stable uuid of a name, so rows refer to each other without a lookup. */
export function uuidOf(name: string): string {
  const hex = createHash('md5').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function distinct<T>(random: () => number, items: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(pick(random, items));
  return [...chosen];
}

type Row = Record<string, unknown>;

const NOW = new Date().toISOString();

export interface Seed {
  sizes: SeedSizes;
  categoryIds: string[];
  /** Table name → rows, in insertion order (parents first). */
  tables: Array<[table: string, rows: Row[]]>;
}

const SHIFT = {
  timeZone: 'Europe/Moscow',
  windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
};

function ruleOf(
  index: number,
  sizes: SeedSizes,
  categoryIds: readonly string[],
  groupIds: readonly string[],
  random: () => number,
): Row {
  const order = (index + 1) * 10;
  const groupId = groupIds[index % groupIds.length];
  const conditions =
    sizes.rules === 1
      ? []
      : index % 3 === 0
        ? [{ field: 'category', operator: 'in', values: distinct(random, categoryIds, 2) }]
        : index % 3 === 1
          ? [{ field: 'keywords', operator: 'contains_any', values: distinct(random, KEYWORDS, 2) }]
          : [
              { field: 'priority', operator: 'in', values: distinct(random, PRIORITIES, 2) },
              { field: 'channel', operator: 'in', values: distinct(random, CHANNELS, 2) },
            ];
  return {
    id: uuidOf(`rule-${index}`),
    name: `bench rule ${order}`,
    rule_order: order,
    enabled: true,
    conditions,
    actions: { setGroupId: groupId, addTags: [`r${order}`] },
    stop_processing: sizes.rules > 1 && index % 50 === 49,
    version: 1,
    updated_by: 'bench',
    created_at: NOW,
    updated_at: NOW,
    deleted_at: null,
  };
}

/** Every row of the organisation and its loads for `sizes`. */
export function buildSeed(sizes: SeedSizes, seed = 1): Seed {
  const random = prng(seed);
  const lines = Array.from({ length: sizes.lines }, (_, index) => ({
    id: uuidOf(`line-${index}`),
    name: `Line ${index + 1}`,
    level: index + 1,
    version: 1,
    created_at: NOW,
    updated_at: NOW,
  }));
  const groups = Array.from({ length: sizes.groups }, (_, index) => ({
    id: uuidOf(`group-${index}`),
    name: `Group ${String(index).padStart(3, '0')}`,
    line_id: lines[index % lines.length]?.id,
    strategy: STRATEGIES[index % STRATEGIES.length],
    supervisor_id: `bench-supervisor-${index}`,
    escalation_group_id: null,
    escalate_on_sla_warning: false,
    auto_assign: true,
    version: 1,
    created_at: NOW,
    updated_at: NOW,
  }));
  const groupIds = groups.map((group) => group.id);
  const agents = Array.from({ length: sizes.agents }, (_, index) => ({
    id: uuidOf(`agent-${index}`),
    user_id: `bench-agent-${String(index).padStart(5, '0')}`,
    display_name: `Agent ${index}`,
    skills: Object.fromEntries(
      distinct(random, SKILLS, between(random, 1, 4)).map((skill) => [
        skill,
        between(random, 1, 5),
      ]),
    ),
    capacity: between(random, 10, 30),
    availability: random() < 0.9 ? 'online' : 'away',
    shift: random() < 0.15 ? SHIFT : null,
    version: 1,
    created_at: NOW,
    updated_at: NOW,
  }));
  // Agent i is in group i mod groups: the same number in every group.
  const members = agents.map((agent, index) => ({
    agent_id: agent.id,
    group_id: groupIds[index % groupIds.length],
  }));
  const categoryIds = Array.from({ length: sizes.categories }, (_, index) =>
    uuidOf(`category-${index}`),
  );
  const categorySkills = categoryIds.map((categoryId) => ({
    category_id: categoryId,
    skills: Object.fromEntries(
      distinct(random, SKILLS, between(random, 1, 2)).map((skill) => [
        skill,
        between(random, 1, 3),
      ]),
    ),
    updated_at: NOW,
  }));
  const rules = Array.from({ length: sizes.rules }, (_, index) =>
    ruleOf(index, sizes, categoryIds, groupIds, random),
  );
  const tickets = Array.from({ length: sizes.openTickets }, (_, index) => {
    const agentIndex = Math.floor(random() * agents.length);
    const ticketId = uuidOf(`open-ticket-${index}`);
    const number = `SEED-${String(index).padStart(6, '0')}`;
    return {
      ticket_id: ticketId,
      ticket_number: number,
      facts: {
        ticketId,
        number,
        type: 'incident',
        title: `${pick(random, KEYWORDS)} не работает`,
        description: '',
        categoryId: pick(random, categoryIds),
        serviceId: null,
        organizationId: null,
        priority: pick(random, PRIORITIES),
        channel: pick(random, CHANNELS),
        customFields: {},
        tags: [],
      },
      group_id: members[agentIndex]?.group_id,
      assignee_id: agents[agentIndex]?.user_id,
      weight: between(random, 1, 8),
      open: true,
      queued_at: null,
      updated_at: NOW,
    };
  });
  return {
    sizes,
    categoryIds,
    tables: [
      ['support_lines', lines],
      ['support_groups', groups],
      ['agents', agents],
      ['agent_group_members', members],
      ['category_skills', categorySkills],
      ['routing_rules', rules],
      ['routed_tickets', tickets],
    ],
  };
}

/** Rows per INSERT: one JSON parameter of at most a few MB. */
const CHUNK = 5_000;

/** Writes the seed (one `json_populate_recordset` per chunk), the agents' loads, a default group, then VACUUM ANALYZE. */
export async function insertSeed(client: Client, seed: Seed): Promise<void> {
  for (const [table, rows] of seed.tables) {
    for (let start = 0; start < rows.length; start += CHUNK) {
      await client.query(
        `INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`,
        [JSON.stringify(rows.slice(start, start + CHUNK))],
      );
    }
  }
  // The service keeps each agent's load as tickets change (every agent has a row, holding nothing
  // at first); tickets written by SQL need it summed once.
  await client.query(
    `INSERT INTO agent_loads (user_id, open_tickets, weighted_load)
     SELECT a.user_id, count(t.ticket_id), coalesce(sum(t.weight), 0)
       FROM agents a LEFT JOIN routed_tickets t ON t.assignee_id = a.user_id AND t.open
      GROUP BY a.user_id`,
  );
  await client.query('UPDATE routing_settings SET default_group_id = $1', [uuidOf('group-0')]);
  await client.query('VACUUM ANALYZE');
}
