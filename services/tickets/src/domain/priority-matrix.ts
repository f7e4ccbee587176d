export const IMPACTS = ['high', 'medium', 'low'] as const;
export type Impact = (typeof IMPACTS)[number];

export const URGENCIES = ['high', 'medium', 'low'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const PRIORITIES = ['critical', 'high', 'medium', 'low', 'planning'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** How urgent a priority is, for sorting: the higher, the sooner it must be handled. */
export const PRIORITY_RANK: Readonly<Record<Priority, number>> = {
  critical: 5,
  high: 4,
  medium: 3,
  low: 2,
  planning: 1,
};

export type PriorityMatrix = Readonly<Record<Impact, Readonly<Record<Urgency, Priority>>>>;

/** The ITIL 3×3 impact × urgency matrix most service desks start from. */
export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = {
  high: { high: 'critical', medium: 'high', low: 'medium' },
  medium: { high: 'high', medium: 'medium', low: 'low' },
  low: { high: 'medium', medium: 'low', low: 'planning' },
};

export function priorityOf(
  impact: Impact,
  urgency: Urgency,
  matrix: PriorityMatrix = DEFAULT_PRIORITY_MATRIX,
): Priority {
  return matrix[impact][urgency];
}
