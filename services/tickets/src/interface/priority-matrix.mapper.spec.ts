import { Impact, Priority, Urgency } from '@itsm/contracts';
import { DEFAULT_PRIORITY_MATRIX, validatePriorityMatrix } from '../domain/priority-matrix';
import { fromPriorityMatrixCells, toPriorityMatrixMessage } from './priority-matrix.mapper';

describe('priority matrix ⇄ contract', () => {
  it('sends nine cells and reads them back as the same matrix', () => {
    const message = toPriorityMatrixMessage({
      matrix: DEFAULT_PRIORITY_MATRIX,
      version: 3,
      updatedAt: new Date('2026-11-27T09:00:00Z'),
      updatedBy: 'admin-1',
    });
    expect(message.cells).toHaveLength(9);
    expect(message.cells[0]).toEqual({
      impact: Impact.IMPACT_HIGH,
      urgency: Urgency.URGENCY_HIGH,
      priority: Priority.PRIORITY_CRITICAL,
    });
    expect(validatePriorityMatrix(fromPriorityMatrixCells(message.cells))).toEqual(
      DEFAULT_PRIORITY_MATRIX,
    );
  });

  it('leaves an unspecified priority empty, so validation names the cell', () => {
    const cells = [
      {
        impact: Impact.IMPACT_LOW,
        urgency: Urgency.URGENCY_LOW,
        priority: Priority.PRIORITY_UNSPECIFIED,
      },
    ];
    expect(() => validatePriorityMatrix(fromPriorityMatrixCells(cells))).toThrow(
      expect.objectContaining({
        violations: expect.arrayContaining([
          expect.objectContaining({ field: 'matrix.low.low' }),
        ]) as unknown,
      }) as Error,
    );
  });
});
