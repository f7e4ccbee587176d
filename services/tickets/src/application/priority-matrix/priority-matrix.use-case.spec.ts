import { SYSTEM_CALLER } from '../testing/test-callers';
import { DEFAULT_PRIORITY_MATRIX } from '../../domain/priority-matrix';
import { TicketErrorCode } from '../../domain/ticket-error';
import { CreateTicketUseCase } from '../create-ticket/create-ticket.use-case';
import { emptyCatalog } from '../testing/in-memory-catalog-store';
import {
  InMemoryTicketStore,
  sequentialIds,
  steppingClock,
} from '../testing/in-memory-ticket-store';
import { PriorityMatrixUseCase } from './priority-matrix.use-case';

const everythingCritical = {
  high: { high: 'critical', medium: 'critical', low: 'critical' },
  medium: { high: 'critical', medium: 'high', low: 'high' },
  low: { high: 'high', medium: 'medium', low: 'low' },
};

describe('the configurable priority matrix', () => {
  it('prioritises new tickets by the matrix in force', async () => {
    const store = new InMemoryTicketStore();
    const clock = steppingClock(new Date('2026-11-27T09:00:00Z'));
    const matrices = new PriorityMatrixUseCase(store, clock);
    const replaced = await matrices.replace(everythingCritical, 'admin-1', 1, SYSTEM_CALLER);
    expect(replaced).toMatchObject({ version: 2, updatedBy: 'admin-1' });
    const { ticket } = await new CreateTicketUseCase(
      store,
      clock,
      sequentialIds(),
      emptyCatalog(),
    ).execute({
      caller: SYSTEM_CALLER,
      idempotencyKey: '',
      type: 'incident',
      title: 'ERP is slow',
      description: '',
      impact: 'medium',
      urgency: 'low',
      channel: undefined,
      requesterId: 'emp-1',
      organizationId: undefined,
    });
    expect(ticket.priority).toBe('high');
  });

  it('names every missing cell and refuses a stale version', async () => {
    const store = new InMemoryTicketStore();
    const matrices = new PriorityMatrixUseCase(store, steppingClock(new Date()));
    await expect(
      matrices.replace(
        { high: { high: 'critical' }, huge: {} },
        'admin-1',
        undefined,
        SYSTEM_CALLER,
      ),
    ).rejects.toMatchObject({
      code: TicketErrorCode.ValidationFailed,
      violations: expect.arrayContaining([
        expect.objectContaining({ field: 'matrix.high.medium' }),
        expect.objectContaining({ field: 'matrix.low.low' }),
        { field: 'matrix.huge', message: 'huge is not an impact' },
      ]) as unknown,
    });
    await expect(
      matrices.replace(DEFAULT_PRIORITY_MATRIX, 'admin-1', 7, SYSTEM_CALLER),
    ).rejects.toMatchObject({
      code: TicketErrorCode.VersionConflict,
    });
  });
});
