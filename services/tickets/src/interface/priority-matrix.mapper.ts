import type { PriorityMatrix as PriorityMatrixMessage, PriorityMatrixCell } from '@itsm/contracts';
import { toTimestamp } from '@itsm/contracts';
import type { StoredPriorityMatrix } from '../application/ports/ticket-store';
import {
  fromMessage,
  impactMessages,
  priorityMessages,
  urgencyMessages,
} from '../application/ticket-message.mapper';
import { IMPACTS, URGENCIES } from '../domain/priority-matrix';

export function toPriorityMatrixMessage(stored: StoredPriorityMatrix): PriorityMatrixMessage {
  return {
    cells: IMPACTS.flatMap((impact) =>
      URGENCIES.map((urgency) => ({
        impact: impactMessages[impact],
        urgency: urgencyMessages[urgency],
        priority: priorityMessages[stored.matrix[impact][urgency]],
      })),
    ),
    version: stored.version,
    updatedAt: toTimestamp(stored.updatedAt),
    updatedBy: stored.updatedBy,
  };
}

/** Cells as the nested object the domain checks: { impact: { urgency: priority } }. */
export function fromPriorityMatrixCells(cells: PriorityMatrixCell[]): unknown {
  const rows: Record<string, Record<string, string | undefined>> = {};
  for (const cell of cells) {
    const impact = fromMessage(impactMessages, cell.impact) ?? String(cell.impact);
    const urgency = fromMessage(urgencyMessages, cell.urgency) ?? String(cell.urgency);
    rows[impact] = { ...rows[impact], [urgency]: fromMessage(priorityMessages, cell.priority) };
  }
  return rows;
}
