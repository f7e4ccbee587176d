import {
  fromRestSpelling,
  fromTimestamp,
  Impact,
  Priority,
  type PriorityMatrix,
  type PriorityMatrixCell,
  toRestSpelling,
  Urgency,
} from '@itsm/contracts';
import { IMPACTS, PRIORITIES, URGENCIES } from '../tickets/dto/ticket-enums';
import type { MatrixBody, PriorityMatrixDto } from './dto/priority-matrix.dto';

export function toPriorityMatrixDto(matrix: PriorityMatrix | undefined): PriorityMatrixDto {
  if (!matrix?.updatedAt) throw new Error('the tickets service answered without a matrix');
  const body: MatrixBody = {};
  for (const cell of matrix.cells) {
    const impact = toRestSpelling('IMPACT_', cell.impact, IMPACTS);
    const urgency = toRestSpelling('URGENCY_', cell.urgency, URGENCIES);
    body[impact] = {
      ...body[impact],
      [urgency]: toRestSpelling('PRIORITY_', cell.priority, PRIORITIES),
    };
  }
  return {
    matrix: body,
    version: matrix.version,
    updatedAt: fromTimestamp(matrix.updatedAt).toISOString(),
    updatedBy: matrix.updatedBy,
  };
}

/**
 * The nine cells of a REST matrix. Unknown or missing names become UNSPECIFIED, so the
 * tickets service names every wrong cell in one answer.
 */
export function toPriorityMatrixCells(matrix: MatrixBody): PriorityMatrixCell[] {
  return IMPACTS.flatMap((impact) =>
    URGENCIES.map((urgency) => {
      const priority = matrix[impact]?.[urgency];
      return {
        impact: fromRestSpelling('IMPACT_', impact, Impact.IMPACT_UNSPECIFIED),
        urgency: fromRestSpelling('URGENCY_', urgency, Urgency.URGENCY_UNSPECIFIED),
        priority: (PRIORITIES as readonly string[]).includes(priority ?? '')
          ? fromRestSpelling(
              'PRIORITY_',
              priority as (typeof PRIORITIES)[number],
              Priority.PRIORITY_UNSPECIFIED,
            )
          : Priority.PRIORITY_UNSPECIFIED,
      };
    }),
  );
}
