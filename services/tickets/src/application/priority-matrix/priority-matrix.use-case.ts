import { validatePriorityMatrix } from '../../domain/priority-matrix';
import { actorIdOf, requirePermission, type TicketCaller } from '../../domain/ticket-caller';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { Clock } from '../ports/clock';
import type { StoredPriorityMatrix, TicketStore } from '../ports/ticket-store';

/**
 * The impact × urgency matrix new tickets and edits follow. Changing it does not reprioritise
 * open tickets: their priority changes with their next impact or urgency edit.
 */
export class PriorityMatrixUseCase {
  constructor(
    private readonly tickets: TicketStore,
    private readonly clock: Clock,
  ) {}

  current(): Promise<StoredPriorityMatrix> {
    return this.tickets.storedPriorityMatrix();
  }

  async replace(
    input: unknown,
    requestedActorId: string,
    expectedVersion: number | undefined,
    caller: TicketCaller,
  ): Promise<StoredPriorityMatrix> {
    requirePermission(caller, 'settings.manage', 'change the priority matrix');
    const actorId = actorIdOf(caller, requestedActorId);
    const matrix = validatePriorityMatrix(input);
    if (actorId.trim().length === 0) {
      throw new TicketError(TicketErrorCode.ValidationFailed, 'who changes the matrix is missing', [
        { field: 'actorId', message: 'actorId is required' },
      ]);
    }
    const current = await this.tickets.storedPriorityMatrix();
    const next: StoredPriorityMatrix = {
      matrix,
      version: current.version + 1,
      updatedAt: this.clock.now(),
      updatedBy: actorId,
    };
    if (!(await this.tickets.replacePriorityMatrix(next, expectedVersion ?? current.version))) {
      throw new TicketError(
        TicketErrorCode.VersionConflict,
        `the priority matrix changed since version ${expectedVersion ?? current.version}`,
        [],
        { currentVersion: (await this.tickets.storedPriorityMatrix()).version },
      );
    }
    return next;
  }
}
