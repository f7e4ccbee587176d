import {
  criticalityOf,
  highestCriticality,
  summarizeImpact,
  withItem,
  withoutItem,
} from './impact-summary';

describe('criticalityOf', () => {
  it.each([
    [{ criticality: 'critical' }, 'critical'],
    [{ criticality: 'low', cpu: 4 }, 'low'],
    [{ criticality: 'urgent' }, null],
    [{ criticality: 3 }, null],
    [{}, null],
    [undefined, null],
  ])('reads %j as %s', (attributes, expected) => {
    expect(criticalityOf(attributes)).toBe(expected);
  });
});

describe('highestCriticality', () => {
  it.each([
    [['low', 'critical', 'medium'], 'critical'],
    [['medium', null, 'high'], 'high'],
    [[null, null], null],
    [[], null],
  ] as const)('of %j is %s', (values, expected) => {
    expect(highestCriticality(values)).toBe(expected);
  });
});

describe('summarizeImpact', () => {
  const host = { id: 'host', criticality: null };
  const items = [
    { id: 'vm', name: 'vm-zup', businessService: false },
    { id: 'app', name: '1C:ZUP', businessService: false },
    { id: 'payroll', name: 'Payroll', businessService: true },
    { id: 'mail', name: 'Mail', businessService: true },
  ];

  it('counts what fails with the items and ranks the business services by criticality', () => {
    expect(
      summarizeImpact([host], { items, truncated: false }, { payroll: 'high', mail: 'critical' }),
    ).toEqual({
      affectedItems: 4,
      businessServices: [
        { id: 'mail', name: 'Mail', criticality: 'critical' },
        { id: 'payroll', name: 'Payroll', criticality: 'high' },
      ],
      highest: 'critical',
      truncated: false,
    });
  });

  it('leaves the ticket’s own items out of the count and orders unknown criticality last', () => {
    const summary = summarizeImpact(
      [host, { id: 'app', criticality: 'medium' }],
      { items, truncated: true },
      { payroll: null },
    );
    expect(summary.affectedItems).toBe(3);
    expect(summary.businessServices.map((service) => service.id)).toEqual(['mail', 'payroll']);
    expect(summary.highest).toBe('medium');
    expect(summary.truncated).toBe(true);
  });

  it('has nothing to report when the items affect nothing', () => {
    expect(summarizeImpact([host], { items: [], truncated: false }, {})).toEqual({
      affectedItems: 0,
      businessServices: [],
      highest: null,
      truncated: false,
    });
  });
});

describe('linking items', () => {
  it('adds an item once and removes it again, keeping the order', () => {
    expect(withItem(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(withItem(['a', 'b'], 'a')).toEqual(['a', 'b']);
    expect(withoutItem(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
    expect(withoutItem(['a'], 'z')).toEqual(['a']);
  });
});
