import type { Exclusion, ExplanationStep } from './routing-model';
import { summarizeStep } from './step-summary';

const candidate = (agentId: string, eligible: boolean, exclusions: Exclusion[]) => ({
  agentId,
  userId: `user-${agentId}`,
  eligible,
  exclusions,
  score: 0,
  openTickets: 0,
  weightedLoad: 0,
  skillScore: 0,
});

const steps: Array<[string, ExplanationStep, RegExp, RegExp]> = [
  [
    'an applied classification',
    {
      kind: 'classification',
      proposedCategoryId: 'c1',
      categoryConfidence: 0.82,
      proposedGroupId: null,
      groupConfidence: 0,
      threshold: 0.6,
      applied: true,
    },
    /82 % confidence \(threshold 60 %\) and it was applied/,
    /82 % \(порог 60 %\), предложение применено/,
  ],
  [
    'a matched rule',
    { kind: 'rule_matched', ruleId: 'r1', ruleName: 'VPN', ruleVersion: 3, applied: {} },
    /Rule "VPN" \(version 3\) matched/,
    /Сработало правило «VPN» \(версия 3\)/,
  ],
  [
    'a group from a rule',
    { kind: 'group_selected', groupId: 'g1', source: 'rule' },
    /group g1 by a rule/,
    /группу g1 по правилу/,
  ],
  [
    'an agent chosen among candidates',
    {
      kind: 'agent_selected',
      groupId: 'g1',
      strategy: 'least_loaded',
      requiredSkills: { network: 2 },
      chosenAgentId: 'a1',
      candidates: [
        candidate('a1', true, []),
        candidate('a2', false, ['off_shift']),
        candidate('a3', false, ['off_shift', 'missing_skills']),
      ],
    },
    /Of 3 agents, 1 could take it \(2 off shift, 1 missing skills\); user-a1 was chosen as least loaded/,
    /Из 3 агентов могли взять 1 \(2 — вне смены, 1 — не хватает навыков\); выбран user-a1/,
  ],
  [
    'a queued ticket',
    { kind: 'queued', groupId: 'g1', reason: 'no agent can take it now: 2 off shift' },
    /waits in the group queue: no agent can take it now: 2 off shift/,
    /ждёт в очереди группы/,
  ],
  [
    'no group',
    { kind: 'no_group', reason: 'no rule, classification or default names a group' },
    /No group was found: no rule/,
    /Группа не найдена/,
  ],
];

describe('the summary of a routing step', () => {
  it.each(steps)('says what happened for %s, in English and Russian', (_case, step, en, ru) => {
    const summary = summarizeStep(step);
    expect(summary.en).toMatch(en);
    expect(summary.ru).toMatch(ru);
  });

  it.each(steps.filter(([, step]) => step.kind === 'queued' || step.kind === 'no_group'))(
    'never mixes the English reason into the Russian sentence for %s',
    (_case, step) => {
      const reason = 'reason' in step ? step.reason : '';
      expect(summarizeStep(step).ru).not.toContain(reason);
    },
  );
});
