import { agentLoadOf, PRIORITY_WEIGHTS, selectAgent, weightOf } from './agent-selection';
import {
  type Agent,
  type AgentLoad,
  type AssignmentStrategy,
  type Exclusion,
  type SkillLevels,
  type SupportGroup,
  type WorkingShift,
} from './routing-model';

// Monday 2025-11-24, 15:00 in Moscow.
const now = new Date('2025-11-24T12:00:00Z');
const dayShift: WorkingShift = {
  timeZone: 'Europe/Moscow',
  windows: [{ weekday: 1, start: '09:00', end: '18:00' }],
};
const nightShift: WorkingShift = {
  timeZone: 'Europe/Moscow',
  windows: [{ weekday: 1, start: '22:00', end: '06:00' }],
};

const group = (strategy: AssignmentStrategy): SupportGroup => ({
  id: 'grp-network',
  name: 'Network, 1st line',
  lineId: 'line-1',
  strategy,
  supervisorId: null,
  escalationGroupId: null,
  escalateOnSlaWarning: false,
  autoAssign: true,
});

const agent = (id: string, overrides: Partial<Agent> = {}): Agent => ({
  id,
  userId: `user-${id}`,
  displayName: id,
  groupIds: ['grp-network'],
  skills: { network: 3 },
  capacity: 10,
  availability: 'online',
  shift: dayShift,
  ...overrides,
});

const load = (openTickets: number, weightedLoad: number, lastAssignedAt?: string): AgentLoad => ({
  openTickets,
  weightedLoad,
  lastAssignedAt: lastAssignedAt ? new Date(lastAssignedAt) : null,
});

interface Scenario {
  strategy: AssignmentStrategy;
  agents: Agent[];
  loads?: Record<string, AgentLoad>;
  requiredSkills?: SkillLevels;
  /** Candidates in output order: id, then its exclusions (none when eligible). */
  expected: [string, ...Exclusion[]][];
  scores?: number[];
}

function run(scenario: Scenario) {
  return selectAgent({
    group: group(scenario.strategy),
    agents: scenario.agents,
    loads: new Map(Object.entries(scenario.loads ?? {})),
    requiredSkills: scenario.requiredSkills ?? {},
    now,
  });
}

describe('selecting an agent', () => {
  it.each<[string, Scenario]>([
    [
      'round robin: someone never assigned goes first, then longest ago',
      {
        strategy: 'round_robin',
        agents: [agent('a'), agent('b'), agent('c'), agent('d')],
        loads: {
          a: load(1, 2, '2025-11-24T10:00:00Z'),
          b: load(1, 2, '2025-11-24T09:00:00Z'),
          c: load(5, 9, '2025-11-24T11:00:00Z'),
        },
        expected: [['d'], ['b'], ['a'], ['c']],
        scores: [
          0,
          Date.parse('2025-11-24T09:00:00Z'),
          Date.parse('2025-11-24T10:00:00Z'),
          Date.parse('2025-11-24T11:00:00Z'),
        ],
      },
    ],
    [
      'round robin: equal last assignments go by id',
      {
        strategy: 'round_robin',
        agents: [agent('z'), agent('m'), agent('k')],
        loads: { z: load(0, 0, '2025-11-24T08:00:00Z'), m: load(0, 0, '2025-11-24T08:00:00Z') },
        expected: [['k'], ['m'], ['z']],
      },
    ],
    [
      'least loaded: the lowest weighted load wins, not the fewest tickets',
      {
        strategy: 'least_loaded',
        agents: [agent('a'), agent('b'), agent('c')],
        // a holds one critical ticket (8); b three low ones (3); c two medium ones (4).
        loads: { a: load(1, 8), b: load(3, 3), c: load(2, 4) },
        expected: [['b'], ['c'], ['a']],
        scores: [3, 4, 8],
      },
    ],
    [
      'least loaded: equal loads go to fewer tickets, then longest ago, then id',
      {
        strategy: 'least_loaded',
        agents: [agent('a'), agent('b'), agent('c'), agent('d')],
        loads: {
          a: load(2, 4, '2025-11-24T09:00:00Z'),
          b: load(1, 4, '2025-11-24T10:00:00Z'),
          c: load(1, 4, '2025-11-24T09:30:00Z'),
          d: load(1, 4, '2025-11-24T09:30:00Z'),
        },
        expected: [['c'], ['d'], ['b'], ['a']],
      },
    ],
    [
      'least loaded: an agent without a load entry holds nothing',
      {
        strategy: 'least_loaded',
        agents: [agent('busy'), agent('new')],
        loads: { busy: load(1, 1) },
        expected: [['new'], ['busy']],
        scores: [0, 1],
      },
    ],
    [
      'skills match: the highest skill sum wins over a lighter load',
      {
        strategy: 'skills_match',
        agents: [
          agent('junior', { skills: { network: 2, vpn: 1 } }),
          agent('senior', { skills: { network: 5, vpn: 4, sap: 5 } }),
          agent('middle', { skills: { network: 3, vpn: 3 } }),
        ],
        loads: { senior: load(6, 12), junior: load(0, 0) },
        requiredSkills: { network: 2, vpn: 1 },
        expected: [['senior'], ['middle'], ['junior']],
        scores: [9, 6, 3],
      },
    ],
    [
      'skills match: equal skill sums fall back to the least loaded',
      {
        strategy: 'skills_match',
        agents: [agent('a', { skills: { network: 4 } }), agent('b', { skills: { network: 4 } })],
        loads: { a: load(2, 4), b: load(1, 2) },
        requiredSkills: { network: 3 },
        expected: [['b'], ['a']],
        scores: [4, 4],
      },
    ],
    [
      'skills match: nothing required scores everyone 0, so load decides',
      {
        strategy: 'skills_match',
        agents: [agent('a', { skills: { network: 5 } }), agent('b', { skills: { network: 1 } })],
        loads: { a: load(3, 6) },
        expected: [['b'], ['a']],
        scores: [0, 0],
      },
    ],
    [
      'every reason an agent cannot take it is listed; the ineligible follow by id',
      {
        strategy: 'least_loaded',
        agents: [
          agent('ok'),
          agent('away', { availability: 'away' }),
          agent('off', { availability: 'off', shift: nightShift }),
          agent('night', { shift: nightShift }),
          agent('full', { capacity: 2 }),
          agent('zero', { capacity: 0 }),
          agent('novice', { skills: { network: 1 } }),
          agent('nothing', { skills: {}, capacity: 1 }),
        ],
        loads: { full: load(2, 4), nothing: load(1, 1) },
        requiredSkills: { network: 2 },
        expected: [
          ['ok'],
          ['away', 'unavailable'],
          ['full', 'at_capacity'],
          ['night', 'off_shift'],
          ['nothing', 'at_capacity', 'missing_skills'],
          ['novice', 'missing_skills'],
          ['off', 'unavailable', 'off_shift'],
          ['zero', 'at_capacity'],
        ],
      },
    ],
    [
      'agents of other groups are skipped, not listed',
      {
        strategy: 'round_robin',
        agents: [
          agent('mine'),
          agent('theirs', { groupIds: ['grp-1c'] }),
          agent('both', { groupIds: ['grp-1c', 'grp-network'] }),
        ],
        expected: [['both'], ['mine']],
      },
    ],
    [
      'a skill named like an Object member is still just missing',
      {
        strategy: 'skills_match',
        agents: [agent('a')],
        requiredSkills: { constructor: 1 },
        expected: [['a', 'missing_skills']],
      },
    ],
    ['an empty group', { strategy: 'least_loaded', agents: [], expected: [] }],
  ])('%s', (_name, scenario) => {
    const { chosen, candidates } = run(scenario);
    expect(candidates.map(({ agentId, exclusions }) => [agentId, ...exclusions])).toEqual(
      scenario.expected,
    );
    const first = scenario.expected[0];
    expect(chosen?.id ?? null).toBe(first && first.length === 1 ? first[0] : null);
    expect(
      candidates.every(({ eligible, exclusions }) => eligible === (exclusions.length === 0)),
    ).toBe(true);
    // Scenarios that say nothing of scores are about order and exclusions only.
    const scores = candidates.map(({ score }) => score);
    expect(scores).toEqual(scenario.scores ?? scores);
  });

  it('chooses nobody when nobody can take it', () => {
    const { chosen, candidates } = run({
      strategy: 'round_robin',
      agents: [agent('a', { availability: 'off' }), agent('b', { shift: nightShift })],
      expected: [],
    });
    expect(chosen).toBeNull();
    expect(candidates.map(({ eligible }) => eligible)).toEqual([false, false]);
  });

  it('reports what it counted for each candidate', () => {
    const { candidates } = run({
      strategy: 'skills_match',
      agents: [agent('a', { skills: { network: 4, vpn: 2 } })],
      loads: { a: load(3, 10, '2025-11-24T08:00:00Z') },
      requiredSkills: { network: 3, vpn: 1 },
      expected: [],
    });
    expect(candidates).toEqual([
      {
        agentId: 'a',
        userId: 'user-a',
        eligible: true,
        exclusions: [],
        score: 6,
        openTickets: 3,
        weightedLoad: 10,
        skillScore: 6,
      },
    ]);
  });

  it('picks among the 100 members of a group of 10,000 agents (speed: bench/routing)', () => {
    const zones = ['Europe/Moscow', 'Asia/Yekaterinburg', 'Asia/Novosibirsk', 'Europe/Kaliningrad'];
    const agents = Array.from({ length: 10_000 }, (_, i) =>
      agent(`agent-${String(i).padStart(5, '0')}`, {
        groupIds: i % 100 === 0 ? ['grp-network', `grp-${i % 37}`] : [`grp-${i % 37}`, 'grp-other'],
        shift: {
          timeZone: zones[Math.floor(i / 100) % zones.length] ?? 'UTC',
          windows: dayShift.windows,
        },
      }),
    );
    const loads = new Map(agents.map((a, i) => [a.id, load(i % 7, (i * 3) % 17)] as const));
    const input = {
      group: group('least_loaded'),
      agents,
      loads,
      requiredSkills: { network: 2 },
      now,
    };
    const { chosen, candidates } = selectAgent(input);
    expect(candidates).toHaveLength(100);
    expect(chosen).not.toBeNull();
  });
});

describe('the weight of a ticket', () => {
  it.each([
    ['critical', 8],
    ['high', 4],
    ['medium', 2],
    ['low', 1],
    ['planning', 1],
  ] as const)('%s weighs %d', (priority, weight) => {
    expect(weightOf(priority)).toBe(weight);
    expect(PRIORITY_WEIGHTS[priority]).toBe(weight);
  });

  it('adds up an agent load from the tickets held', () => {
    const at = new Date('2025-11-24T08:00:00Z');
    expect(agentLoadOf(['critical', 'medium', 'low'], at)).toEqual({
      openTickets: 3,
      weightedLoad: 11,
      lastAssignedAt: at,
    });
    expect(agentLoadOf([], null)).toEqual({
      openTickets: 0,
      weightedLoad: 0,
      lastAssignedAt: null,
    });
  });
});
