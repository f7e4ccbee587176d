import { TicketCreated } from '@itsm/contracts';
import { openTicket, type Ticket, validateTicketRequest } from '../../domain/ticket';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type { TicketStore } from '../ports/ticket-store';
import { toTicketMessage } from '../ticket-message.mapper';
import type { CreateTicketCommand } from './create-ticket.command';

export interface CreateTicketResult {
  ticket: Ticket;
  /** False when the idempotency key was used before and the first ticket is returned. */
  created: boolean;
}

export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;

class IdempotencyKeyTaken extends Error {}

/**
 * Opens a ticket in one transaction: number, ticket row, history entry and the
 * `ticket.created` event in the outbox. Safe to retry with the same idempotency key.
 */
export class CreateTicketUseCase {
  constructor(
    private readonly tickets: TicketStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(command: CreateTicketCommand): Promise<CreateTicketResult> {
    const request = validateTicketRequest(command);
    const idempotencyKey = command.idempotencyKey.trim() || null;
    if (idempotencyKey && idempotencyKey.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
      throw new TicketError(TicketErrorCode.ValidationFailed, 'the idempotency key is too long', [
        {
          field: 'idempotencyKey',
          message: `idempotencyKey must be at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`,
        },
      ]);
    }
    if (idempotencyKey) {
      const earlier = await this.tickets.findByIdempotencyKey(request.requesterId, idempotencyKey);
      if (earlier) return { ticket: earlier, created: false };
    }

    try {
      const ticket = await this.tickets.transaction(async (transaction) => {
        const sequence = await transaction.nextSequence(request.type);
        const opened = openTicket(request, {
          id: this.ids.newId(),
          sequence,
          now: this.clock.now(),
        });
        if ((await transaction.insert(opened, idempotencyKey)) === 'idempotency-key-taken') {
          throw new IdempotencyKeyTaken();
        }
        await transaction.recordHistory({
          ticketId: opened.id,
          occurredAt: opened.createdAt,
          actorId: opened.requesterId,
          action: 'created',
          changes: { status: opened.status, priority: opened.priority },
        });
        await transaction.emit(TicketCreated, {
          key: opened.id,
          subject: opened.number,
          payload: { ticket: toTicketMessage(opened) },
          occurredAt: opened.createdAt,
        });
        return opened;
      });
      return { ticket, created: true };
    } catch (error) {
      // A concurrent retry with the same key committed first: answer with its ticket.
      if (!(error instanceof IdempotencyKeyTaken) || !idempotencyKey) throw error;
      const earlier = await this.tickets.findByIdempotencyKey(request.requesterId, idempotencyKey);
      if (!earlier) throw new Error('idempotency key conflict without a stored ticket');
      return { ticket: earlier, created: false };
    }
  }
}
