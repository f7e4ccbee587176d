import {
  buildSeedPlan,
  chunkRanges,
  ciId,
  itemNumber,
  itemsChunkSql,
  layerCount,
  planProblems,
  prng,
  relationshipsChunkSql,
  type SeedPlan,
  sessionFunctionsSql,
  sourcesPerChunk,
  targetSql,
} from './seed';

const countsOf = (plan: SeedPlan) =>
  Object.fromEntries(plan.layers.map((layer) => [layer.key, layer.count]));

describe('the cmdb seed plan', () => {
  const plan = buildSeedPlan();

  it("has the issue's 1,000,000 items in layers and 3,000,000 relationships", () => {
    expect(plan.items).toBe(1_000_000);
    expect(plan.relationships).toBe(3_000_000);
    expect(countsOf(plan)).toEqual({
      data_centre: 8,
      business_service: 2_000,
      application: 20_000,
      database: 40_000,
      virtual_machine: 60_000,
      server: 20_000,
      network_device: 20_000,
      software_licence: 1_000,
      workstation: 500_000,
      laptop: 336_992,
    });
    expect(planProblems(plan)).toEqual([]);
  });

  it('numbers items layer after layer and relationships group after group', () => {
    let first = 0;
    for (const layer of plan.layers) {
      expect(layer.first).toBe(first);
      first += layer.count;
    }
    let row = 0;
    for (const group of plan.groups) {
      expect(group.firstRow).toBe(row);
      row += group.rows;
    }
    expect(row).toBe(3_000_000);
  });

  it('points the infrastructure down the stack, with cycles and cross links', () => {
    const edges = plan.groups.map(
      (group) => `${group.source.key} ${group.type} ${group.target.key}`,
    );
    expect(edges).toEqual(
      expect.arrayContaining([
        'business_service depends_on application',
        'business_service depends_on business_service',
        'application depends_on application',
        'application runs_on virtual_machine',
        'application depends_on database',
        'database runs_on virtual_machine',
        'virtual_machine runs_on server',
        'server hosted_in data_centre',
        'server connected_to network_device',
        'workstation connected_to network_device',
        'laptop connected_to network_device',
        'workstation uses_licence software_licence',
      ]),
    );
    expect(plan.groups.filter((group) => group.pick === 'ring').length).toBeGreaterThanOrEqual(3);
    // A server's dependents: about 3 virtual machines, and its top-of-rack switch's ~20 servers.
    const rows = (name: string) => plan.groups.find((group) => group.name === name)?.rows ?? 0;
    expect(rows('virtual machines run on servers') / layerCount(plan, 'server')).toBe(3);
    const topOfRack = plan.groups.find((group) => group.name.startsWith('servers are connected'));
    expect(layerCount(plan, 'server') / (topOfRack?.target.count ?? 1)).toBe(20);
  });

  it.each([10_000, 100_000, 250_000, 2_000_000])('scales to %d items', (items) => {
    const scaled = buildSeedPlan(items);
    expect(scaled.relationships).toBe(items * 3);
    expect(planProblems(scaled)).toEqual([]);
  });

  it('refuses sizes it cannot build', () => {
    expect(() => buildSeedPlan(5_000)).toThrow(RangeError);
    expect(() => buildSeedPlan(100_000, 100_000)).toThrow(/do not fit/);
    expect(() => buildSeedPlan(100_000, 500_000)).toThrow(/do not fit/);
  });

  it('finds what would break the domain rules or the unique index', () => {
    const broken: SeedPlan = structuredClone(plan);
    const [first] = broken.groups;
    if (!first) throw new Error('no groups');
    broken.groups.push({ ...first, name: 'again', firstRow: 3_000_000 });
    broken.groups.push({ ...first, name: 'service on a vm', type: 'runs_on' });
    broken.groups.push({
      ...first,
      name: 'licence from a service',
      type: 'uses_licence',
      target: { key: 'application', from: 0, count: 10 },
    });
    broken.groups.push({
      ...first,
      name: 'beyond',
      source: { key: 'business_service', from: 1_900, count: 200 },
    });
    const problems = planProblems(broken).join('\n');
    expect(problems).toMatch(/groups hold \d+ relationships, not 3000000/);
    expect(problems).toMatch(/and again may write the same relationship/);
    expect(problems).toMatch(/service on a vm: business services take part in depends_on only/);
    expect(problems).toMatch(/licence from a service: uses_licence, and only it/);
    expect(problems).toMatch(/beyond: segment beyond the business_service items/);
  });
});

describe('item ids', () => {
  const plan = buildSeedPlan(100_000);

  it('are UUIDv7-shaped, deterministic and distinct', () => {
    const ids = Array.from({ length: 100_000 }, (_, n) => ciId(plan, n));
    expect(new Set(ids).size).toBe(100_000);
    for (const id of ids.slice(0, 100)) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(ciId(plan, 12_345)).toBe(ciId(buildSeedPlan(100_000), 12_345));
  });

  it('carry creation times interleaved over three years from 2023', () => {
    const time = (n: number) => parseInt(ciId(plan, n).replace(/-/g, '').slice(0, 12), 16);
    const times = Array.from({ length: 1_000 }, (_, n) => time(n));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.UTC(2023, 0, 1));
    expect(Math.max(...times)).toBeLessThan(Date.UTC(2026, 0, 3));
    // Neighbouring numbers (the same layer) are not created one after another.
    expect(Math.abs(time(1) - time(0))).toBeGreaterThan(86_400_000);
  });

  it('name items by type and number', () => {
    expect(itemNumber(plan, 'data_centre', 0)).toBe(0);
    expect(itemNumber(plan, 'business_service', 0)).toBe(layerCount(plan, 'data_centre'));
    expect(() => itemNumber(plan, 'server', layerCount(plan, 'server'))).toThrow(RangeError);
  });
});

describe('the seed SQL', () => {
  const plan = buildSeedPlan(100_000);
  const group = (name: string) => {
    const found = plan.groups.find((candidate) => candidate.name.startsWith(name));
    if (!found) throw new Error(`no group ${name}`);
    return found;
  };

  it('makes its helpers session functions that the planner can inline', () => {
    const statements = sessionFunctionsSql(plan);
    expect(statements.map((sql) => /pg_temp\.(\w+)/.exec(sql)?.[1])).toEqual([
      'bench_ci_id',
      'bench_ci_created',
      'bench_rel_id',
      'bench_rel_created',
      'bench_hash',
    ]);
    for (const sql of statements) expect(sql).toMatch(/LANGUAGE sql IMMUTABLE/);
    // text || bigint is only stable and would stop inlining.
    expect(statements[0]).toContain("'ci' || n::text");
  });

  it("writes the migration's columns", () => {
    const layer = plan.layers.find((candidate) => candidate.key === 'workstation');
    if (!layer) throw new Error('no workstations');
    const items = itemsChunkSql(layer, 0, 999);
    expect(items).toMatch(
      /INSERT INTO configuration_items \(id, type_id, name, external_id, attributes, status, owner_id,\s+support_group_id, asset_state, inventory_number, holder_id, version, created_at, updated_at\)/,
    );
    expect(items).toContain(
      `generate_series(${layer.first}::bigint, ${layer.first + 999}::bigint)`,
    );
    const relationships = relationshipsChunkSql(plan, group('virtual machines run on'), 0, 99);
    expect(relationships).toMatch(
      /INSERT INTO ci_relationships \(id, source_id, target_id, type, created_at, created_by\)/,
    );
    expect(relationships).toContain("'runs_on'");
  });

  it('picks targets within the target segment, never the source itself', () => {
    const services = group('other business services');
    expect(targetSql(plan, services)).toMatch(/\+ 1 \+/);
    const ring = group('core business services');
    expect(targetSql(plan, ring)).toContain('/ 3 * 3');
    const apps = group('applications run on');
    expect(targetSql(plan, apps)).toContain(`% ${apps.target.count}`);
  });

  it('chunks sources so a statement writes about the chunk size in rows', () => {
    expect(chunkRanges(5, 2)).toEqual([
      { from: 0, to: 1 },
      { from: 2, to: 3 },
      { from: 4, to: 4 },
    ]);
    expect(chunkRanges(0, 2)).toEqual([]);
    expect(() => chunkRanges(5, 0)).toThrow(RangeError);
    expect(sourcesPerChunk(group('applications run on'), 300)).toBe(100);
    expect(sourcesPerChunk(group('core business services'), 300)).toBe(300);
  });

  it('draws the same servers from the same seed', () => {
    const a = prng(7);
    const b = prng(7);
    const draws = Array.from({ length: 5 }, () => a());
    expect(draws).toEqual(Array.from({ length: 5 }, () => b()));
    expect(draws.every((value) => value >= 0 && value < 1)).toBe(true);
  });
});
