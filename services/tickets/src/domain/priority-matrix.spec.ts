import {
  DEFAULT_PRIORITY_MATRIX,
  type Impact,
  type Priority,
  priorityOf,
  type Urgency,
} from './priority-matrix';

describe('priority matrix', () => {
  it.each<[Impact, Urgency, Priority]>([
    ['high', 'high', 'critical'],
    ['high', 'medium', 'high'],
    ['high', 'low', 'medium'],
    ['medium', 'high', 'high'],
    ['medium', 'medium', 'medium'],
    ['medium', 'low', 'low'],
    ['low', 'high', 'medium'],
    ['low', 'medium', 'low'],
    ['low', 'low', 'planning'],
  ])('impact %s × urgency %s = %s', (impact, urgency, priority) => {
    expect(priorityOf(impact, urgency)).toBe(priority);
  });

  it('uses a configured matrix instead of the default', () => {
    const everythingCritical = Object.fromEntries(
      Object.keys(DEFAULT_PRIORITY_MATRIX).map((impact) => [
        impact,
        { high: 'critical', medium: 'critical', low: 'critical' },
      ]),
    ) as unknown as typeof DEFAULT_PRIORITY_MATRIX;
    expect(priorityOf('low', 'low', everythingCritical)).toBe('critical');
  });
});
