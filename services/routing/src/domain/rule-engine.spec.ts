import { compileRules, evaluateRules } from './rule-engine';
import {
  type RoutingRule,
  type RuleActions,
  type RuleCondition,
  type TicketFacts,
} from './routing-model';

const ticket = (overrides: Partial<TicketFacts> = {}): TicketFacts => ({
  ticketId: 't-1',
  number: 'INC-000001',
  type: 'incident',
  title: 'Не работает интернет',
  description: 'С утра нет сети на третьем этаже, Wi-Fi тоже не подключается.',
  categoryId: null,
  serviceId: 'svc-network',
  organizationId: 'org-hq',
  priority: 'medium',
  channel: 'email',
  customFields: {},
  tags: [],
  ...overrides,
});

let nextId = 0;
const rule = (overrides: Partial<RoutingRule> = {}): RoutingRule => ({
  id: `rule-${String(++nextId).padStart(4, '0')}`,
  name: 'a rule',
  order: 10,
  enabled: true,
  conditions: [],
  actions: { addTags: ['seen'] },
  stopProcessing: false,
  version: 1,
  ...overrides,
});

const condition = (
  field: RuleCondition['field'],
  operator: RuleCondition['operator'],
  values: string[] = [],
  customField?: string,
): RuleCondition =>
  customField === undefined
    ? { field, operator, values }
    : { field, operator, values, customField };

describe('one condition against one ticket', () => {
  it.each<[string, RuleCondition, Partial<TicketFacts>, boolean]>([
    ['type in', condition('type', 'in', ['incident', 'problem']), {}, true],
    ['type not in', condition('type', 'not_in', ['incident']), {}, false],
    [
      'category in, matching id',
      condition('category', 'in', ['cat-net']),
      { categoryId: 'cat-net' },
      true,
    ],
    ['category in, no category', condition('category', 'in', ['cat-net']), {}, false],
    ['category not in, no category', condition('category', 'not_in', ['cat-net']), {}, true],
    ['category is empty, none', condition('category', 'is_empty'), {}, true],
    ['category is empty, empty id', condition('category', 'is_empty'), { categoryId: '' }, true],
    ['category is not empty, none', condition('category', 'is_not_empty'), {}, false],
    ['service in', condition('service', 'in', ['svc-network']), {}, true],
    ['service is empty, no service', condition('service', 'is_empty'), { serviceId: null }, true],
    ['organization not in', condition('organization', 'not_in', ['org-branch']), {}, true],
    [
      'organization in, none',
      condition('organization', 'in', ['org-hq']),
      { organizationId: null },
      false,
    ],
    [
      'priority in',
      condition('priority', 'in', ['high', 'critical']),
      { priority: 'critical' },
      true,
    ],
    ['channel in, case apart', condition('channel', 'in', ['Email']), { channel: 'EMAIL' }, true],
    ['channel not in', condition('channel', 'not_in', ['phone']), {}, true],
    ['keyword in the title', condition('keywords', 'contains_any', ['интернет']), {}, true],
    ['keyword in the description', condition('keywords', 'contains_any', ['wi-fi']), {}, true],
    [
      'keyword inflected (принтер → принтера)',
      condition('keywords', 'contains_any', ['Принтер']),
      { title: 'Замятие бумаги', description: 'У принтера на 2 этаже горит красная лампа' },
      true,
    ],
    [
      'keyword with ё against е',
      condition('keywords', 'contains_any', ['учётная запись']),
      { title: 'Заблокирована учетная запись', description: '' },
      true,
    ],
    [
      'keyword with е against ё',
      condition('keywords', 'contains_any', ['учетн']),
      { title: 'УЧЁТНАЯ ЗАПИСЬ', description: '' },
      true,
    ],
    ['no keyword present', condition('keywords', 'contains_any', ['vpn', '1с']), {}, false],
    [
      'keywords do not join title and description',
      condition('keywords', 'contains_any', ['сеть с']),
      { title: 'нет сеть', description: 'с утра' },
      false,
    ],
    [
      'custom field in',
      condition('custom_field', 'in', ['42'], 'floor'),
      { customFields: { floor: 42 } },
      true,
    ],
    [
      'custom field in, absent',
      condition('custom_field', 'in', ['42'], 'floor'),
      { customFields: {} },
      false,
    ],
    [
      'custom field not in, absent',
      condition('custom_field', 'not_in', ['42'], 'floor'),
      { customFields: {} },
      true,
    ],
    [
      'custom field is empty, ""',
      condition('custom_field', 'is_empty', [], 'vip'),
      { customFields: { vip: '' } },
      true,
    ],
    [
      'custom field is empty, null',
      condition('custom_field', 'is_empty', [], 'vip'),
      { customFields: { vip: null } },
      true,
    ],
    [
      'custom field is not empty, false',
      condition('custom_field', 'is_not_empty', [], 'vip'),
      { customFields: { vip: false } },
      true,
    ],
    [
      'custom field of the prototype is not a field',
      condition('custom_field', 'is_not_empty', [], 'toString'),
      { customFields: {} },
      false,
    ],
    ['a refused pairing never matches', condition('category', 'contains_any', ['x']), {}, false],
    [
      'a refused keyword operator never matches',
      condition('keywords', 'not_in', ['vpn']),
      {},
      false,
    ],
  ])('%s', (_name, given, overrides, expected) => {
    const ruleSet = compileRules([rule({ conditions: [given] })]);
    expect(evaluateRules(ruleSet, ticket(overrides)).matched).toHaveLength(expected ? 1 : 0);
  });

  it('needs every condition of a rule to hold', () => {
    const ruleSet = compileRules([
      rule({
        conditions: [condition('type', 'in', ['incident']), condition('channel', 'in', ['phone'])],
      }),
    ]);
    expect(evaluateRules(ruleSet, ticket()).matched).toEqual([]);
    expect(evaluateRules(ruleSet, ticket({ channel: 'phone' })).matched).toHaveLength(1);
  });
});

describe('a rule set against a ticket', () => {
  interface Scenario {
    rules: Partial<RoutingRule>[];
    ticket?: Partial<TicketFacts>;
    expected: {
      groupId: string | null;
      priority: string | null;
      categoryId: string | null;
      addTags: string[];
      matched: [string, RuleActions][];
    };
  }

  const network = condition('keywords', 'contains_any', ['сеть', 'интернет']);
  const printer = condition('keywords', 'contains_any', ['принтер']);

  it.each<[string, Scenario]>([
    [
      'no rule matches',
      {
        rules: [{ id: 'r1', conditions: [printer], actions: { setGroupId: 'g-print' } }],
        expected: { groupId: null, priority: null, categoryId: null, addTags: [], matched: [] },
      },
    ],
    [
      'the first rule to set a field wins it; later rules still add what is free',
      {
        rules: [
          { id: 'r1', order: 1, conditions: [network], actions: { setGroupId: 'g-net' } },
          {
            id: 'r2',
            order: 2,
            actions: { setGroupId: 'g-desk', setPriority: 'high', addTags: ['vip'] },
          },
        ],
        expected: {
          groupId: 'g-net',
          priority: 'high',
          categoryId: null,
          addTags: ['vip'],
          matched: [
            ['r1', { setGroupId: 'g-net' }],
            ['r2', { setPriority: 'high', addTags: ['vip'] }],
          ],
        },
      },
    ],
    [
      'a rule whose every action was taken is listed with nothing applied',
      {
        rules: [
          { id: 'r1', order: 1, actions: { setGroupId: 'g-net', addTags: ['net'] } },
          { id: 'r2', order: 2, actions: { setGroupId: 'g-desk', addTags: ['net'] } },
        ],
        expected: {
          groupId: 'g-net',
          priority: null,
          categoryId: null,
          addTags: ['net'],
          matched: [
            ['r1', { setGroupId: 'g-net', addTags: ['net'] }],
            ['r2', {}],
          ],
        },
      },
    ],
    [
      'tags add up in order, without repeats or tags the ticket has',
      {
        ticket: { tags: ['known'] },
        rules: [
          { id: 'r1', order: 1, actions: { addTags: ['b', 'a', 'known'] } },
          { id: 'r2', order: 2, actions: { addTags: ['a', 'c', 'c'] } },
        ],
        expected: {
          groupId: null,
          priority: null,
          categoryId: null,
          addTags: ['b', 'a', 'c'],
          matched: [
            ['r1', { addTags: ['b', 'a'] }],
            ['r2', { addTags: ['c'] }],
          ],
        },
      },
    ],
    [
      'stopProcessing ends the run after its rule',
      {
        rules: [
          { id: 'r1', order: 1, actions: { setCategoryId: 'cat-net' }, stopProcessing: true },
          { id: 'r2', order: 2, actions: { setGroupId: 'g-net' } },
        ],
        expected: {
          groupId: null,
          priority: null,
          categoryId: 'cat-net',
          addTags: [],
          matched: [['r1', { setCategoryId: 'cat-net' }]],
        },
      },
    ],
    [
      'stopProcessing of a rule that does not match changes nothing',
      {
        rules: [
          {
            id: 'r1',
            order: 1,
            conditions: [printer],
            actions: { setGroupId: 'g-print' },
            stopProcessing: true,
          },
          { id: 'r2', order: 2, actions: { setGroupId: 'g-net' } },
        ],
        expected: {
          groupId: 'g-net',
          priority: null,
          categoryId: null,
          addTags: [],
          matched: [['r2', { setGroupId: 'g-net' }]],
        },
      },
    ],
    [
      'rules run by order, not by the order given; equal orders by id',
      {
        rules: [
          { id: 'r3', order: 5, actions: { setGroupId: 'g-late' } },
          { id: 'r2', order: 1, actions: { setPriority: 'low' } },
          { id: 'r1', order: 1, actions: { setPriority: 'critical' } },
        ],
        expected: {
          groupId: 'g-late',
          priority: 'critical',
          categoryId: null,
          addTags: [],
          matched: [
            ['r1', { setPriority: 'critical' }],
            ['r2', {}],
            ['r3', { setGroupId: 'g-late' }],
          ],
        },
      },
    ],
    [
      'disabled rules are dropped',
      {
        rules: [
          {
            id: 'r1',
            order: 1,
            enabled: false,
            actions: { setGroupId: 'g-off' },
            stopProcessing: true,
          },
          { id: 'r2', order: 2, actions: { setGroupId: 'g-net' } },
        ],
        expected: {
          groupId: 'g-net',
          priority: null,
          categoryId: null,
          addTags: [],
          matched: [['r2', { setGroupId: 'g-net' }]],
        },
      },
    ],
  ])('%s', (_name, scenario) => {
    const ruleSet = compileRules(scenario.rules.map((overrides) => rule(overrides)));
    const outcome = evaluateRules(ruleSet, ticket(scenario.ticket));
    expect({
      ...outcome,
      matched: outcome.matched.map((match) => [match.ruleId, match.applied]),
    }).toEqual(scenario.expected);
  });

  it('names each matched rule with its name and version', () => {
    const ruleSet = compileRules([rule({ id: 'r9', name: 'VIP', version: 7 })]);
    expect(evaluateRules(ruleSet, ticket()).matched).toEqual([
      { ruleId: 'r9', ruleName: 'VIP', ruleVersion: 7, applied: { addTags: ['seen'] } },
    ]);
  });

  it('does not change the rules it was given', () => {
    const rules = [rule({ id: 'b', order: 2 }), rule({ id: 'a', order: 1 })];
    compileRules(rules);
    expect(rules.map(({ id }) => id)).toEqual(['b', 'a']);
  });
});

describe('speed', () => {
  it('evaluates 1,000 rules of which none matches (speed: bench/routing)', () => {
    const rules = Array.from({ length: 1000 }, (_, i) =>
      rule({
        id: `r${i}`,
        order: i,
        conditions: [
          condition('type', 'in', ['incident', 'service_request']),
          condition(
            'organization',
            'not_in',
            Array.from({ length: 50 }, (_, j) => `org-${i}-${j}`),
          ),
          condition('keywords', 'contains_any', [`слово${i}`, `word${i}`, `термин${i}`]),
        ],
        actions: { setGroupId: `g-${i}` },
      }),
    );
    const ruleSet = compileRules(rules);
    const long = ticket({ description: 'Длинное описание проблемы с сетью. '.repeat(30) });
    expect(evaluateRules(ruleSet, long).matched).toEqual([]);
  });
});
