import { TicketCommented } from '@itsm/contracts';
import type { Ticket } from '../../domain/ticket';
import { actorIdOf, checkCommentBy } from '../../domain/ticket-caller';
import { commentOn, type TicketComment } from '../../domain/ticket-comment';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import { idempotencyKeyOf } from '../idempotency-key';
import { lockTicket } from '../lock-ticket';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type { TicketStore } from '../ports/ticket-store';
import { toCommentMessage, toTicketMessage } from '../ticket-message.mapper';
import type { AddCommentCommand } from './add-comment.command';

export interface AddCommentResult {
  comment: TicketComment;
  ticket: Ticket;
  created: boolean;
}

class IdempotencyKeyTaken extends Error {}

/**
 * Adds a reply or an internal note in one transaction with the ticket locked: the comment,
 * the first response (when it is one) with its history entry, and the `ticket.commented` event.
 * Anyone who sees the ticket may reply; only staff write internal notes.
 */
export class AddCommentUseCase {
  constructor(
    private readonly tickets: TicketStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(asked: AddCommentCommand): Promise<AddCommentResult> {
    const command = { ...asked, authorId: actorIdOf(asked.caller, asked.authorId) };
    const key = idempotencyKeyOf(command.idempotencyKey);
    const replay = () => (key ? this.replay(command, key) : Promise.resolve(undefined));
    const earlier = await replay();
    if (earlier) return earlier;
    try {
      return await this.tickets.transaction(async (transaction) => {
        const current = await lockTicket(transaction, command.ticketId, command.caller.access);
        checkCommentBy(command.caller, command.visibility);
        const now = this.clock.now();
        const outcome = commentOn(current, command, { id: this.ids.newId(), now });
        if ((await transaction.insertComment(outcome.comment, key)) === 'idempotency-key-taken') {
          throw new IdempotencyKeyTaken();
        }
        if (outcome.firstResponse) {
          await transaction.update(outcome.ticket, current.version);
          await transaction.recordHistory({
            ticketId: current.id,
            occurredAt: now,
            actorId: command.authorId,
            action: 'first_response',
            changes: outcome.changes,
          });
        }
        await transaction.emit(TicketCommented, {
          key: current.id,
          subject: current.number,
          payload: {
            ticket: toTicketMessage(outcome.ticket),
            comment: toCommentMessage(outcome.comment),
            firstResponse: outcome.firstResponse,
          },
          occurredAt: now,
        });
        return { comment: outcome.comment, ticket: outcome.ticket, created: true };
      });
    } catch (error) {
      if (!(error instanceof IdempotencyKeyTaken)) throw error;
      const winner = await replay();
      if (!winner) throw new Error('idempotency key conflict without a stored comment');
      return winner;
    }
  }

  private async replay(
    command: AddCommentCommand,
    key: string,
  ): Promise<AddCommentResult | undefined> {
    const earlier = await this.tickets.findCommentByIdempotencyKey(
      command.ticketId,
      command.authorId,
      key,
    );
    if (!earlier) return undefined;
    const ticket = await this.tickets.findById(command.ticketId, command.caller.access);
    if (!ticket)
      throw new TicketError(TicketErrorCode.NotFound, `ticket ${command.ticketId} does not exist`);
    checkCommentBy(command.caller, command.visibility);
    if (earlier.body !== command.body.trim() || earlier.visibility !== command.visibility) {
      throw new TicketError(
        TicketErrorCode.IdempotencyKeyReused,
        'the idempotency key was already used for another comment on this ticket',
      );
    }
    return { comment: earlier, ticket, created: false };
  }
}
