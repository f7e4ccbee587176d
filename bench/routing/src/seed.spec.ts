import { BASELINE, buildSeed, SCALE, uuidOf } from './seed';

describe('the routing seed', () => {
  const seed = buildSeed({ ...SCALE, agents: 1_000, openTickets: 2_000 });
  const table = (name: string) => seed.tables.find(([table]) => table === name)?.[1] ?? [];

  it('has the sizes it was asked for, parents first', () => {
    expect(seed.tables.map(([name, rows]) => [name, rows.length])).toEqual([
      ['support_lines', 3],
      ['support_groups', 100],
      ['agents', 1_000],
      ['agent_group_members', 1_000],
      ['category_skills', 200],
      ['routing_rules', 1_000],
      ['routed_tickets', 2_000],
    ]);
  });

  it('puts every agent in one group, the same number per group, with unique user ids', () => {
    const perGroup = new Map<unknown, number>();
    for (const member of table('agent_group_members'))
      perGroup.set(member.group_id, (perGroup.get(member.group_id) ?? 0) + 1);
    expect(new Set(perGroup.values())).toEqual(new Set([10]));
    expect(new Set(table('agents').map((agent) => agent.user_id)).size).toBe(1_000);
  });

  it('writes rules in order that send tickets to seeded groups', () => {
    const groups = new Set(table('support_groups').map((group) => group.id));
    const rules = table('routing_rules');
    expect(rules.slice(0, 3).map((rule) => rule.rule_order)).toEqual([10, 20, 30]);
    for (const rule of rules) {
      expect(groups.has((rule.actions as { setGroupId: string }).setGroupId)).toBe(true);
      expect((rule.conditions as unknown[]).length).toBeGreaterThan(0);
    }
  });

  it('assigns open tickets to seeded agents with valid facts', () => {
    const users = new Set(table('agents').map((agent) => agent.user_id));
    for (const ticket of table('routed_tickets')) {
      expect(users.has(ticket.assignee_id)).toBe(true);
      expect(ticket.facts).toMatchObject({ ticketId: ticket.ticket_id, type: 'incident' });
    }
  });

  it('gives the baseline one rule that matches every ticket', () => {
    const baseline = buildSeed(BASELINE);
    const rules = baseline.tables.find(([name]) => name === 'routing_rules')?.[1];
    expect(rules).toHaveLength(1);
    expect(rules?.[0]?.conditions).toEqual([]);
  });

  it('is deterministic and derives stable uuids', () => {
    expect(buildSeed(BASELINE).tables).toEqual(buildSeed(BASELINE).tables);
    expect(uuidOf('abc')).toBe('90015098-3cd2-4fb0-d696-3f7d28e17f72');
  });
});
