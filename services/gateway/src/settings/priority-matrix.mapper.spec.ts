import { Impact, Priority, toTimestamp, Urgency } from '@itsm/contracts';
import { toPriorityMatrixCells, toPriorityMatrixDto } from './priority-matrix.mapper';

const itil = {
  high: { high: 'critical', medium: 'high', low: 'medium' },
  medium: { high: 'high', medium: 'medium', low: 'low' },
  low: { high: 'medium', medium: 'low', low: 'planning' },
};

describe('priority matrix REST ⇄ contract', () => {
  it('sends nine cells and renders them back as the nested matrix', () => {
    const cells = toPriorityMatrixCells(itil);
    expect(cells).toHaveLength(9);
    expect(cells[0]).toEqual({
      impact: Impact.IMPACT_HIGH,
      urgency: Urgency.URGENCY_HIGH,
      priority: Priority.PRIORITY_CRITICAL,
    });
    expect(
      toPriorityMatrixDto({
        cells,
        version: 2,
        updatedAt: toTimestamp(new Date('2026-11-27T09:00:00Z')),
        updatedBy: 'admin-1',
      }),
    ).toEqual({
      matrix: itil,
      version: 2,
      updatedAt: '2026-11-27T09:00:00.000Z',
      updatedBy: 'admin-1',
    });
  });

  it('sends a missing or unknown priority as unspecified, for the service to name', () => {
    const cells = toPriorityMatrixCells({ high: { high: 'urgent' } });
    expect(cells.every((cell) => cell.priority === Priority.PRIORITY_UNSPECIFIED)).toBe(true);
  });
});
