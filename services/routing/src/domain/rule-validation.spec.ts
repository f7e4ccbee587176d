import { type RuleCondition } from './routing-model';
import { MAX_CONDITION_VALUES, type RuleDraft, validateRule } from './rule-validation';

const condition = (
  field: RuleCondition['field'],
  operator: RuleCondition['operator'],
  values: string[] = [],
): RuleCondition => ({ field, operator, values });

describe('validating a rule', () => {
  const known = { groupIds: new Set(['grp-network', 'grp-1c']) };
  const valid: RuleDraft = {
    name: 'Network incidents to the network team',
    order: 10,
    enabled: true,
    conditions: [
      condition('type', 'in', ['incident']),
      condition('keywords', 'contains_any', ['сеть', 'wi-fi']),
    ],
    actions: { setGroupId: 'grp-network', addTags: ['сеть', 'auto-routed'] },
    stopProcessing: false,
  };

  it.each<[string, Partial<RuleDraft>, string[]]>([
    ['a valid rule', {}, []],
    ['a rule without conditions (always matches)', { conditions: [] }, []],
    ['an empty name', { name: '  ' }, ['name: name is required']],
    ['a long name', { name: 'x'.repeat(201) }, ['name: name is longer than 200 characters']],
    ['a negative order', { order: -1 }, ['order: order is a whole number from 0']],
    ['a fractional order', { order: 1.5 }, ['order: order is a whole number from 0']],
    ['no action', { actions: {} }, ['actions: a rule needs at least one action']],
    [
      'only an empty tag list',
      { actions: { addTags: [] } },
      ['actions: a rule needs at least one action'],
    ],
    [
      'an unknown group',
      { actions: { setGroupId: 'grp-gone' } },
      ['actions.setGroupId: group grp-gone does not exist'],
    ],
    [
      'an unknown priority',
      { actions: { setPriority: 'urgent' as never } },
      ['actions.setPriority: "urgent" is not a priority'],
    ],
    [
      'an empty category',
      { actions: { setCategoryId: ' ' } },
      ['actions.setCategoryId: a category id must not be empty'],
    ],
    [
      'tags that are not lower case or too long',
      { actions: { addTags: ['VIP', 'ok', '-dash', 'я'.repeat(51)] } },
      [
        'actions.addTags[0]: "VIP" is not a tag: lower-case letters, digits, "_", "." and "-", up to 50',
        'actions.addTags[2]: "-dash" is not a tag: lower-case letters, digits, "_", "." and "-", up to 50',
        `actions.addTags[3]: "${'я'.repeat(51)}" is not a tag: lower-case letters, digits, "_", "." and "-", up to 50`,
      ],
    ],
    [
      'too many tags',
      { actions: { addTags: Array.from({ length: 21 }, (_, i) => `t${i}`) } },
      ['actions.addTags: at most 20 tags, got 21'],
    ],
    [
      'an unknown field and operator',
      { conditions: [condition('weather' as never, 'like' as never, ['sun'])] },
      [
        'conditions[0].field: "weather" is not a rule field',
        'conditions[0].operator: "like" is not a rule operator',
      ],
    ],
    [
      'keywords with in',
      { conditions: [condition('keywords', 'in', ['vpn'])] },
      ['conditions[0].operator: keywords are matched with contains_any only'],
    ],
    [
      'contains_any on a category',
      { conditions: [condition('category', 'contains_any', ['cat-1'])] },
      ['conditions[0].operator: contains_any applies to keywords only'],
    ],
    [
      'is_empty on a priority',
      { conditions: [condition('priority', 'is_empty')] },
      ['conditions[0].operator: priority is never empty'],
    ],
    [
      'is_empty with values',
      { conditions: [condition('service', 'is_empty', ['svc-1'])] },
      ['conditions[0].values: is_empty takes no values'],
    ],
    [
      'in without values',
      { conditions: [condition('category', 'in')] },
      ['conditions[0].values: at least one value is required'],
    ],
    [
      'an empty value',
      { conditions: [condition('keywords', 'contains_any', ['vpn', ' '])] },
      ['conditions[0].values[1]: a value must not be empty'],
    ],
    [
      'too many values',
      {
        conditions: [
          condition(
            'organization',
            'in',
            Array.from({ length: MAX_CONDITION_VALUES + 1 }, (_, i) => `org-${i}`),
          ),
        ],
      },
      ['conditions[0].values: at most 500 values, got 501'],
    ],
    [
      'a type that does not exist',
      { conditions: [condition('type', 'not_in', ['incident', 'bug'])] },
      ['conditions[0].values[1]: "bug" is not a ticket type'],
    ],
    [
      'a priority that does not exist',
      { conditions: [condition('priority', 'in', ['P1'])] },
      ['conditions[0].values[0]: "P1" is not a priority'],
    ],
    [
      'a custom field condition without its key',
      { conditions: [condition('custom_field', 'is_not_empty')] },
      ['conditions[0].customField: a custom_field condition names the custom field'],
    ],
    [
      'the path names the failing condition',
      {
        conditions: [
          condition('type', 'in', ['incident']),
          condition('channel', 'in', ['email']),
          condition('channel', 'not_in'),
        ],
      },
      ['conditions[2].values: at least one value is required'],
    ],
  ])('%s', (_name, overrides, expected) => {
    const violations = validateRule({ ...valid, ...overrides }, known);
    expect(violations.map(({ field, message }) => `${field}: ${message}`)).toEqual(expected);
  });
});
