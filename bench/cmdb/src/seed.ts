/**
 * The configuration-item graph the cmdb benchmark seeds: items in layers (business services,
 * applications, databases, virtual machines, servers, network, end-user devices, licences) and
 * relationships that mostly point down the stack, as the migration defines them
 * (`ci_relationships`: the source depends on the target for runs_on, depends_on, hosted_in and
 * uses_licence; connected_to fails both ends).
 *
 * The plan is pure and deterministic; `seedGraph` writes it with `INSERT … SELECT … FROM
 * generate_series`. Item n (0 … items-1, layer after layer) gets a UUIDv7-shaped id, as the
 * service makes them, whose timestamp is a permutation of n spread over three years, so the
 * layers are interleaved in creation time (and in the primary key) as in a CMDB filled over years.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';

/** Type keys of the migration's default types (`1766880000002-seed-default-ci-types.ts`). */
export type TypeKey =
  | 'data_centre'
  | 'business_service'
  | 'application'
  | 'database'
  | 'virtual_machine'
  | 'server'
  | 'network_device'
  | 'software_licence'
  | 'workstation'
  | 'laptop';

/** `ci_relationships.type` as the migration's CHECK allows it. */
export type RelationshipType =
  'runs_on' | 'depends_on' | 'connected_to' | 'hosted_in' | 'uses_licence';

export const DEFAULT_ITEMS = 1_000_000;
export const RELATIONSHIPS_PER_ITEM = 3;

/**
 * Items per 1,000,000 and the least a smaller graph gets; laptops take the rest. Servers are the
 * hosts the benchmark analyses.
 */
const PER_MILLION: ReadonlyArray<readonly [TypeKey, number, number]> = [
  ['data_centre', 8, 2],
  ['business_service', 2_000, 20],
  ['application', 20_000, 100],
  ['database', 40_000, 100],
  ['virtual_machine', 60_000, 100],
  ['server', 20_000, 50],
  ['network_device', 20_000, 100],
  ['software_licence', 1_000, 10],
  ['workstation', 500_000, 100],
];

/** Names start with these, then the item's number within its type. */
export const NAME_PREFIX: Readonly<Record<TypeKey, string>> = {
  data_centre: 'dc',
  business_service: 'svc',
  application: 'app',
  database: 'db',
  virtual_machine: 'vm',
  server: 'srv',
  network_device: 'net',
  software_licence: 'lic',
  workstation: 'ws',
  laptop: 'nb',
};

export interface Layer {
  key: TypeKey;
  /** The number (n) of its first item. */
  first: number;
  count: number;
}

/** Items `from` … `from + count - 1` of a type, counted within the type. */
export interface Segment {
  key: TypeKey;
  from: number;
  count: number;
}

/**
 * `rows` relationships of one kind. `spread`: each source gets `perSource` distinct targets
 * picked by a hash of the source, spread evenly over the target segment (never itself where the
 * segments overlap). `ring`: sources in blocks of `ringSize`, each depending on the next in its
 * block (cycles); source and target segment are the same.
 */
export interface RelationshipGroup {
  name: string;
  type: RelationshipType;
  source: Segment;
  target: Segment;
  pick: 'spread' | 'ring';
  perSource: number;
  ringSize: number;
  salt: number;
  rows: number;
  /** Number of the group's first relationship (relationships are numbered for their ids). */
  firstRow: number;
}

export interface IdScheme {
  /** Item n's id time is startMs + ((n * multiplier) mod items) * stepMs. */
  startMs: number;
  stepMs: number;
  multiplier: number;
  /** Relationship r's id time is relationshipsStartMs + r. */
  relationshipsStartMs: number;
}

export interface SeedPlan {
  items: number;
  relationships: number;
  layers: Layer[];
  groups: RelationshipGroup[];
  ids: IdScheme;
}

const SPAN_MS = 3 * 365 * 86_400_000;
const START_MS = Date.UTC(2023, 0, 2);

function layerOf(layers: readonly Layer[], key: TypeKey): Layer {
  const layer = layers.find((candidate) => candidate.key === key);
  if (!layer) throw new Error(`no layer ${key}`);
  return layer;
}

const isPrime = (value: number): boolean => {
  for (let divisor = 2; divisor * divisor <= value; divisor += 1)
    if (value % divisor === 0) return false;
  return value > 1;
};

/** A prime near 7919 that does not divide `items`: n → n * multiplier mod items is a permutation. */
function permutationMultiplier(items: number): number {
  let candidate = 7_919;
  while (!isPrime(candidate) || items % candidate === 0) candidate += 2;
  return candidate;
}

/**
 * The graph for `items` items and `relationships` relationships (3 per item by default). Throws
 * when the sizes cannot be met (fewer than 10,000 items, or a relationship count the layers
 * cannot absorb).
 */
export function buildSeedPlan(
  items = DEFAULT_ITEMS,
  relationships = items * RELATIONSHIPS_PER_ITEM,
): SeedPlan {
  if (!Number.isInteger(items) || items < 10_000) {
    throw new RangeError(`items must be an integer of at least 10000, got ${items}`);
  }
  const scale = items / 1_000_000;
  const layers: Layer[] = [];
  let next = 0;
  for (const [key, perMillion, least] of PER_MILLION) {
    const count = Math.max(least, Math.round(perMillion * scale));
    layers.push({ key, first: next, count });
    next += count;
  }
  layers.push({ key: 'laptop', first: next, count: items - next });

  const count = (key: TypeKey): number => layerOf(layers, key).count;
  const all = (key: TypeKey): Segment => ({ key, from: 0, count: count(key) });
  const part = (key: TypeKey, from: number, size: number): Segment => ({ key, from, count: size });

  // Shared platform applications (directory, messaging, logging …) everything leans on.
  const platform = Math.max(4, Math.round(count('application') * 0.025));
  // Core business services that depend on each other in rings of three.
  const core = Math.max(3, Math.floor(Math.round(count('business_service') * 0.15) / 3) * 3);
  // Network: top-of-rack switches in the data centres, campus distribution, then access switches.
  const topOfRack = Math.max(2, Math.round(count('network_device') * 0.05));
  const distribution = Math.max(3, Math.round(count('network_device') * 0.025));
  const access = count('network_device') - topOfRack - distribution;
  const apps = count('application');
  const services = count('business_service');

  type Draft = Omit<RelationshipGroup, 'rows' | 'firstRow' | 'salt' | 'ringSize' | 'pick'> & {
    pick?: 'spread' | 'ring';
    ringSize?: number;
  };
  const drafts: Draft[] = [
    {
      name: 'business services depend on their applications',
      type: 'depends_on',
      source: all('business_service'),
      target: part('application', platform, apps - platform),
      perSource: 8,
    },
    {
      name: 'business services depend on platform applications',
      type: 'depends_on',
      source: all('business_service'),
      target: part('application', 0, platform),
      perSource: 2,
    },
    {
      name: 'core business services depend on each other in rings of three (cycles)',
      type: 'depends_on',
      source: part('business_service', 0, core),
      target: part('business_service', 0, core),
      pick: 'ring',
      ringSize: 3,
      perSource: 1,
    },
    {
      name: 'other business services depend on another business service',
      type: 'depends_on',
      source: part('business_service', core, services - core),
      target: all('business_service'),
      perSource: 1,
    },
    {
      name: 'applications depend on a platform application',
      type: 'depends_on',
      source: part('application', platform, apps - platform),
      target: part('application', 0, platform),
      perSource: 1,
    },
    {
      name: 'platform applications depend on each other in pairs (cycles)',
      type: 'depends_on',
      source: part('application', 0, platform),
      target: part('application', 0, platform),
      pick: 'ring',
      ringSize: 2,
      perSource: 1,
    },
    {
      name: 'applications run on virtual machines',
      type: 'runs_on',
      source: all('application'),
      target: all('virtual_machine'),
      perSource: 3,
    },
    {
      name: 'applications depend on databases',
      type: 'depends_on',
      source: all('application'),
      target: all('database'),
      perSource: 2,
    },
    {
      name: 'databases run on virtual machines',
      type: 'runs_on',
      source: all('database'),
      target: all('virtual_machine'),
      perSource: 1,
    },
    {
      name: 'virtual machines run on servers',
      type: 'runs_on',
      source: all('virtual_machine'),
      target: all('server'),
      perSource: 1,
    },
    {
      name: 'servers are hosted in data centres',
      type: 'hosted_in',
      source: all('server'),
      target: all('data_centre'),
      perSource: 1,
    },
    {
      name: 'servers are connected to top-of-rack switches',
      type: 'connected_to',
      source: all('server'),
      target: part('network_device', 0, topOfRack),
      perSource: 1,
    },
    {
      name: 'top-of-rack switches are hosted in data centres',
      type: 'hosted_in',
      source: part('network_device', 0, topOfRack),
      target: all('data_centre'),
      perSource: 1,
    },
    {
      name: 'access switches are connected to distribution switches',
      type: 'connected_to',
      source: part('network_device', topOfRack + distribution, access),
      target: part('network_device', topOfRack, distribution),
      perSource: 1,
    },
    {
      name: 'distribution switches are connected in rings of three',
      type: 'connected_to',
      source: part('network_device', topOfRack, distribution),
      target: part('network_device', topOfRack, distribution),
      pick: 'ring',
      ringSize: 3,
      perSource: 1,
    },
    {
      name: 'workstations are connected to access switches',
      type: 'connected_to',
      source: all('workstation'),
      target: part('network_device', topOfRack + distribution, access),
      perSource: 1,
    },
    {
      name: 'laptops are connected to access switches',
      type: 'connected_to',
      source: all('laptop'),
      target: part('network_device', topOfRack + distribution, access),
      perSource: 1,
    },
    {
      name: 'laptops use two licences',
      type: 'uses_licence',
      source: all('laptop'),
      target: all('software_licence'),
      perSource: 2,
    },
  ];
  const rowsOf = (draft: Draft): number =>
    draft.pick === 'ring'
      ? Math.floor(draft.source.count / (draft.ringSize ?? 1)) * (draft.ringSize ?? 1)
      : draft.source.count * draft.perSource;
  // Workstations take up the rest: each uses two licences, the first `extra` of them three.
  const workstations = count('workstation');
  const fixed = drafts.reduce((sum, draft) => sum + rowsOf(draft), 0);
  const extra = relationships - fixed - 2 * workstations;
  if (!Number.isInteger(relationships) || extra < 0 || extra > workstations) {
    throw new RangeError(
      `${relationships} relationships do not fit ${items} items: between ` +
        `${fixed + 2 * workstations} and ${fixed + 3 * workstations}`,
    );
  }
  if (extra > 0) {
    drafts.push({
      name: 'workstations use three licences',
      type: 'uses_licence',
      source: part('workstation', 0, extra),
      target: all('software_licence'),
      perSource: 3,
    });
  }
  if (extra < workstations) {
    drafts.push({
      name: 'workstations use two licences',
      type: 'uses_licence',
      source: part('workstation', extra, workstations - extra),
      target: all('software_licence'),
      perSource: 2,
    });
  }

  let firstRow = 0;
  const groups = drafts.map((draft, index): RelationshipGroup => {
    const group: RelationshipGroup = {
      ...draft,
      pick: draft.pick ?? 'spread',
      ringSize: draft.ringSize ?? 0,
      salt: 101 * (index + 1),
      rows: rowsOf(draft),
      firstRow,
    };
    firstRow += group.rows;
    return group;
  });
  return {
    items,
    relationships,
    layers,
    groups,
    ids: {
      startMs: START_MS,
      stepMs: Math.max(1, Math.floor(SPAN_MS / items)),
      multiplier: permutationMultiplier(items),
      relationshipsStartMs: START_MS + SPAN_MS,
    },
  };
}

const overlaps = (a: Segment, b: Segment): boolean =>
  a.key === b.key && a.from < b.from + b.count && b.from < a.from + a.count;
const contains = (outer: Segment, inner: Segment): boolean =>
  outer.key === inner.key &&
  outer.from <= inner.from &&
  inner.from + inner.count <= outer.from + outer.count;

/**
 * What is wrong with a plan: sizes that do not add up, segments outside their layer, rules of the
 * service's domain broken (business services only in depends_on, uses_licence only to licences),
 * or two groups that could write the same (source, target, type), which the unique index refuses.
 */
export function planProblems(plan: SeedPlan): string[] {
  const problems: string[] = [];
  const itemTotal = plan.layers.reduce((sum, layer) => sum + layer.count, 0);
  if (itemTotal !== plan.items) problems.push(`layers hold ${itemTotal} items, not ${plan.items}`);
  const rowTotal = plan.groups.reduce((sum, group) => sum + group.rows, 0);
  if (rowTotal !== plan.relationships) {
    problems.push(`groups hold ${rowTotal} relationships, not ${plan.relationships}`);
  }
  for (const layer of plan.layers) {
    if (layer.count < 1) problems.push(`${layer.key} has no items`);
  }
  for (const group of plan.groups) {
    const named = (problem: string) => problems.push(`${group.name}: ${problem}`);
    for (const segment of [group.source, group.target]) {
      const layer = plan.layers.find((candidate) => candidate.key === segment.key);
      if (!layer || segment.from < 0 || segment.count < 1) {
        named(`empty segment of ${segment.key}`);
      } else if (segment.from + segment.count > layer.count) {
        named(`segment beyond the ${segment.key} items`);
      }
    }
    if (group.pick === 'ring') {
      if (group.source.key !== group.target.key || !contains(group.source, group.target)) {
        named('a ring needs the same source and target segment');
      }
      const least = group.type === 'connected_to' ? 3 : 2;
      if (group.ringSize < least) named(`rings need at least ${least} items`);
    } else if (overlaps(group.source, group.target)) {
      if (!contains(group.target, group.source)) {
        named('overlapping source and target segments must nest');
      }
      if (group.perSource > group.target.count - 1) named('more targets per source than items');
    } else if (group.perSource > group.target.count) {
      named('more targets per source than items');
    }
    const businessService =
      group.source.key === 'business_service' || group.target.key === 'business_service';
    if (businessService && group.type !== 'depends_on') {
      named('business services take part in depends_on only');
    }
    if ((group.type === 'uses_licence') !== (group.target.key === 'software_licence')) {
      named('uses_licence, and only it, points to licences');
    }
    if (group.source.key === 'software_licence') named('a licence depends on nothing');
  }
  plan.groups.forEach((a, index) => {
    for (const b of plan.groups.slice(index + 1)) {
      if (a.type === b.type && overlaps(a.source, b.source) && overlaps(a.target, b.target)) {
        problems.push(`${a.name} and ${b.name} may write the same relationship`);
      }
    }
  });
  return problems;
}

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

const uuidOfHex = (hex: string): string =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

/** The id of item n, exactly as `pg_temp.bench_ci_id(n)` makes it in the database. */
export function ciId(plan: SeedPlan, n: number): string {
  const { startMs, stepMs, multiplier } = plan.ids;
  const ms = startMs + ((n * multiplier) % plan.items) * stepMs;
  const random = md5(`ci${n}`);
  return uuidOfHex(
    `${ms.toString(16).padStart(12, '0')}7${random.slice(0, 3)}8${random.slice(3, 18)}`,
  );
}

/** Items of a type in the plan. */
export function layerCount(plan: SeedPlan, key: TypeKey): number {
  return layerOf(plan.layers, key).count;
}

/** A small seeded PRNG (mulberry32): the same seed draws the same servers. */
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

/** The number (n) of the `index`-th item of a type. */
export function itemNumber(plan: SeedPlan, key: TypeKey, index: number): number {
  const layer = layerOf(plan.layers, key);
  if (!Number.isInteger(index) || index < 0 || index >= layer.count) {
    throw new RangeError(`${key} ${index} is not one of ${layer.count}`);
  }
  return layer.first + index;
}

/** Session functions (pg_temp: gone with the connection) that the inserts share. */
export function sessionFunctionsSql(plan: SeedPlan): string[] {
  const { startMs, stepMs, multiplier, relationshipsStartMs } = plan.ids;
  const ciMs = `(${startMs}::bigint + n * ${multiplier} % ${plan.items} * ${stepMs})`;
  const relMs = `(${relationshipsStartMs}::bigint + r)`;
  // One md5 per id: its first 18 hex digits with the version (7) and variant (8) put in. Only
  // immutable functions (n::text, not text || bigint), so that the planner inlines these.
  const uuid = (ms: string, text: string) =>
    `(lpad(to_hex(${ms}), 12, '0') || overlay(overlay(substr(md5(${text}), 1, 18) placing '8' from 4 for 0) placing '7' from 1 for 0))::uuid`;
  const fn = (name: string, argument: string, returns: string, body: string) =>
    `CREATE OR REPLACE FUNCTION pg_temp.${name}(${argument} bigint) RETURNS ${returns}
       LANGUAGE sql IMMUTABLE AS $$ SELECT ${body} $$`;
  return [
    fn('bench_ci_id', 'n', 'uuid', uuid(ciMs, `'ci' || n::text`)),
    fn('bench_ci_created', 'n', 'timestamptz', `to_timestamp(${ciMs} / 1000.0)`),
    fn('bench_rel_id', 'r', 'uuid', uuid(relMs, `'rel' || r::text`)),
    fn('bench_rel_created', 'r', 'timestamptz', `to_timestamp(${relMs} / 1000.0)`),
    // A well-mixed non-negative 32-bit hash of a bigint.
    fn('bench_hash', 'x', 'bigint', `hashint8(x)::bigint + 2147483648`),
  ];
}

/** Attributes by type, small and valid against the default types' schemas. */
const ATTRIBUTES: Readonly<Record<TypeKey, string>> = {
  data_centre: `jsonb_build_object('tier', 3, 'operator', 'DC operator ' || i % 3)`,
  business_service: `jsonb_build_object('criticality', (ARRAY['low', 'medium', 'high', 'critical'])[1 + i % 4])`,
  application: `jsonb_build_object('version', (1 + i % 5) || '.' || i % 20, 'vendor', 'Vendor ' || i % 40)`,
  database: `jsonb_build_object('engine', (ARRAY['postgresql', 'oracle', 'mssql', 'mysql', 'clickhouse'])[1 + i % 5], 'port', 5432)`,
  virtual_machine: `jsonb_build_object('hostname', name, 'ip', '10.' || (64 + n / 65536 % 64) || '.' || n / 256 % 256 || '.' || n % 256, 'cpu_cores', 2 * (1 + i % 8), 'ram_gb', 8 * (1 + i % 8), 'hypervisor', 'vmware')`,
  server: `jsonb_build_object('hostname', name, 'ip', '10.' || (n / 65536 % 64) || '.' || n / 256 % 256 || '.' || n % 256, 'cpu_cores', 16 * (1 + i % 4), 'ram_gb', 128 * (1 + i % 4))`,
  network_device: `jsonb_build_object('kind', 'switch', 'hostname', name, 'model', 'Switch model ' || i % 12)`,
  software_licence: `jsonb_build_object('vendor', 'Vendor ' || i % 40, 'product', 'Product ' || i, 'licence_model', 'per_device')`,
  workstation: `jsonb_build_object('os', 'Windows 11', 'ram_gb', 8 * (1 + i % 4))`,
  laptop: `jsonb_build_object('os', (ARRAY['Windows 11', 'macOS', 'Ubuntu'])[1 + i % 3], 'ram_gb', 8 * (1 + i % 4))`,
};

const ASSETS: ReadonlySet<TypeKey> = new Set(['workstation', 'laptop']);
/** Items found by discovery carry the discovery tool's id. */
const DISCOVERED: ReadonlySet<TypeKey> = new Set([
  'application',
  'database',
  'virtual_machine',
  'server',
  'network_device',
]);

/**
 * Items n = from … to (inclusive) of one layer, ordered by id. $1 is the type's id. Names are
 * the prefix and the number within the type; 97 % active, the rest retired, in maintenance or
 * planned; devices are assets in use (5 % in stock) with an inventory number and a holder.
 */
export function itemsChunkSql(layer: Layer, from: number, to: number): string {
  const asset = ASSETS.has(layer.key);
  const name = `'${NAME_PREFIX[layer.key]}-' || lpad((n - ${layer.first})::text, 6, '0')`;
  return `INSERT INTO configuration_items (id, type_id, name, external_id, attributes, status, owner_id,
    support_group_id, asset_state, inventory_number, holder_id, version, created_at, updated_at)
  SELECT pg_temp.bench_ci_id(n), $1::uuid, name,
    ${DISCOVERED.has(layer.key) ? `'discovery-' || n` : 'NULL'},
    ${ATTRIBUTES[layer.key]},
    CASE n % 97 WHEN 0 THEN 'retired' WHEN 1 THEN 'maintenance' WHEN 2 THEN 'maintenance'
      WHEN 3 THEN 'planned' ELSE 'active' END,
    ${asset ? 'NULL' : `'user-' || (n % 5000)`},
    ${asset ? `'grp-desktop'` : `'grp-' || lpad((n % 50)::text, 2, '0')`},
    ${asset ? `CASE WHEN n % 20 = 0 THEN 'in_stock' ELSE 'in_use' END` : 'NULL'},
    ${asset ? `'INV-' || lpad(n::text, 8, '0')` : 'NULL'},
    ${asset ? `CASE WHEN n % 20 = 0 THEN NULL ELSE 'user-' || (n % 400000) END` : 'NULL'},
    1, pg_temp.bench_ci_created(n), pg_temp.bench_ci_created(n)
  FROM (SELECT n, n - ${layer.first} AS i, ${name} AS name
          FROM generate_series(${layer.first + from}::bigint, ${layer.first + to}::bigint) AS n) AS item
  ORDER BY 1`;
}

/** The target's number (n) of source s's k-th relationship in a group, as SQL. */
export function targetSql(plan: SeedPlan, group: RelationshipGroup): string {
  const sourceFirst = layerOf(plan.layers, group.source.key).first + group.source.from;
  const targetFirst = layerOf(plan.layers, group.target.key).first + group.target.from;
  const m = group.target.count;
  const hash = `pg_temp.bench_hash(s * 1000003 + ${group.salt})`;
  if (group.pick === 'ring') {
    const b = group.ringSize;
    return `${sourceFirst} + (s - ${sourceFirst}) / ${b} * ${b} + ((s - ${sourceFirst}) % ${b} + 1) % ${b}`;
  }
  if (overlaps(group.source, group.target)) {
    // Offsets 1 … m-1 from the source's own place: never itself, distinct for k < perSource.
    const stride = Math.floor((m - 1) / group.perSource);
    return `${targetFirst} + ((s - ${targetFirst}) + 1 + (${hash} + k * ${stride}) % ${m - 1}) % ${m}`;
  }
  const stride = Math.floor(m / group.perSource);
  return `${targetFirst} + (${hash} + k * ${stride}) % ${m}`;
}

/** Relationships of sources from … to (numbers within the source segment, inclusive). */
export function relationshipsChunkSql(
  plan: SeedPlan,
  group: RelationshipGroup,
  from: number,
  to: number,
): string {
  const sourceFirst = layerOf(plan.layers, group.source.key).first + group.source.from;
  const k = group.pick === 'ring' ? 1 : group.perSource;
  return `INSERT INTO ci_relationships (id, source_id, target_id, type, created_at, created_by)
  SELECT pg_temp.bench_rel_id(r), pg_temp.bench_ci_id(s), pg_temp.bench_ci_id(t), '${group.type}',
    pg_temp.bench_rel_created(r), 'bench-seed'
  FROM (SELECT ${group.firstRow} + (s - ${sourceFirst}) * ${k} + k AS r, s, ${targetSql(plan, group)} AS t
          FROM generate_series(${sourceFirst + from}::bigint, ${sourceFirst + to}::bigint) AS s,
               generate_series(0, ${k - 1}) AS k) AS edge`;
}

/** Inclusive ranges of 0 … count-1 with at most `size` numbers each. */
export function chunkRanges(count: number, size: number): Array<{ from: number; to: number }> {
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(size) || size < 1) {
    throw new RangeError(`cannot chunk ${count} by ${size}`);
  }
  const ranges: Array<{ from: number; to: number }> = [];
  for (let from = 0; from < count; from += size) {
    ranges.push({ from, to: Math.min(count, from + size) - 1 });
  }
  return ranges;
}

/** Sources of a group whose relationships are written in one statement of about `rows` rows. */
export function sourcesPerChunk(group: RelationshipGroup, rows: number): number {
  return Math.max(1, Math.floor(rows / (group.pick === 'ring' ? 1 : group.perSource)));
}

export interface SeedResult {
  itemsMs: number;
  relationshipsMs: number;
  /** False when the inserts skipped the foreign-key triggers (session_replication_role). */
  foreignKeysChecked: boolean;
  /** VACUUM (ANALYZE) and CHECKPOINT after the inserts. */
  settleMs: number;
}

/**
 * Writes the plan into a migrated cmdb database: items layer by layer, then relationships group
 * by group, `chunkRows` rows a statement; checks every count, then VACUUM (ANALYZE) and
 * CHECKPOINT so that no maintenance of the seeding falls into the measurement.
 */
export async function seedGraph(
  client: Client,
  plan: SeedPlan,
  chunkRows: number,
  progress: (line: string) => void,
): Promise<SeedResult> {
  const problems = planProblems(plan);
  if (problems.length > 0) throw new Error(`the seed plan is wrong:\n${problems.join('\n')}`);
  const types = new Map(
    (await client.query<{ key: string; id: string }>('SELECT key, id FROM ci_types')).rows.map(
      (row) => [row.key, row.id],
    ),
  );
  for (const statement of sessionFunctionsSql(plan)) await client.query(statement);
  // Foreign keys are checked by row triggers; every reference here is computed from item numbers
  // that exist (and the counts are checked), so the seeding session skips them where it may.
  // The migration's indexes stay in place and are maintained row by row.
  const foreignKeysChecked = await client.query('SET session_replication_role = replica').then(
    () => false,
    () => true,
  );
  const began = performance.now();
  const seconds = () => ((performance.now() - began) / 1000).toFixed(1);
  let items = 0;
  for (const layer of plan.layers) {
    const typeId = types.get(layer.key);
    if (!typeId) throw new Error(`the migration did not create the type ${layer.key}`);
    for (const { from, to } of chunkRanges(layer.count, chunkRows)) {
      const result = await client.query(itemsChunkSql(layer, from, to), [typeId]);
      items += result.rowCount ?? 0;
    }
    progress(`  ${items.toLocaleString('en')} items (${layer.key} done, ${seconds()} s)`);
  }
  if (items !== plan.items) throw new Error(`seeded ${items} items, planned ${plan.items}`);
  const itemsDone = performance.now();
  let relationships = 0;
  for (const group of plan.groups) {
    const sources = group.pick === 'ring' ? group.rows : group.source.count;
    for (const { from, to } of chunkRanges(sources, sourcesPerChunk(group, chunkRows))) {
      const result = await client.query(relationshipsChunkSql(plan, group, from, to));
      relationships += result.rowCount ?? 0;
    }
    progress(
      `  ${relationships.toLocaleString('en')} relationships (${group.name}: ` +
        `${group.rows.toLocaleString('en')}, ${seconds()} s)`,
    );
  }
  if (relationships !== plan.relationships) {
    throw new Error(`seeded ${relationships} relationships, planned ${plan.relationships}`);
  }
  const relationshipsDone = performance.now();
  if (!foreignKeysChecked) await client.query('RESET session_replication_role');
  await client.query('VACUUM (ANALYZE) configuration_items');
  await client.query('VACUUM (ANALYZE) ci_relationships');
  await client.query('VACUUM (ANALYZE) ci_types');
  try {
    await client.query('CHECKPOINT');
  } catch (error) {
    progress(`  CHECKPOINT skipped: ${(error as Error).message}`);
  }
  return {
    itemsMs: itemsDone - began,
    relationshipsMs: relationshipsDone - itemsDone,
    foreignKeysChecked,
    settleMs: performance.now() - relationshipsDone,
  };
}
