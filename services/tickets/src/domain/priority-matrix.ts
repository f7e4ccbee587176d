import { type FieldViolation, TicketError, TicketErrorCode } from './ticket-error';

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

/**
 * A matrix as an administrator sends it: every impact × urgency cell must name a priority.
 * Every problem is reported at once.
 */
export function validatePriorityMatrix(input: unknown): PriorityMatrix {
  const violations: FieldViolation[] = [];
  const rows = (typeof input === 'object' && input !== null ? input : {}) as Record<
    string,
    unknown
  >;
  const matrix = {} as Record<Impact, Record<Urgency, Priority>>;
  for (const impact of IMPACTS) {
    const row = (
      typeof rows[impact] === 'object' && rows[impact] !== null ? rows[impact] : {}
    ) as Record<string, unknown>;
    matrix[impact] = {} as Record<Urgency, Priority>;
    for (const urgency of URGENCIES) {
      const cell = row[urgency];
      if (typeof cell === 'string' && (PRIORITIES as readonly string[]).includes(cell)) {
        matrix[impact][urgency] = cell as Priority;
      } else {
        violations.push({
          field: `matrix.${impact}.${urgency}`,
          message: `impact ${impact} × urgency ${urgency} must be one of ${PRIORITIES.join(', ')}`,
        });
      }
    }
  }
  const unknownRows = Object.keys(rows).filter(
    (key) => !(IMPACTS as readonly string[]).includes(key),
  );
  for (const key of unknownRows) {
    violations.push({ field: `matrix.${key}`, message: `${key} is not an impact` });
  }
  if (violations.length > 0) {
    throw new TicketError(
      TicketErrorCode.ValidationFailed,
      'the priority matrix is incomplete',
      violations,
    );
  }
  return matrix;
}
