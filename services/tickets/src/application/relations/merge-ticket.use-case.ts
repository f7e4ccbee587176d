import { TicketMerged } from '@itsm/contracts';
import type { Ticket } from '../../domain/ticket';
import { actorIdOf, requirePermission, type TicketCaller } from '../../domain/ticket-caller';
import { mergeDuplicate } from '../../domain/ticket-merge';
import type { TicketRelation } from '../../domain/ticket-relation';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import { lockTicketsInIdOrder } from '../lock-ticket';
import type { TicketStore } from '../ports/ticket-store';
import { toTicketMessage } from '../ticket-message.mapper';
import type { TransitionSettings } from '../transition-ticket/transition-ticket.use-case';

export interface MergeTicketCommand {
  caller: TicketCaller;
  sourceId: string;
  targetId: string;
  actorId: string;
  /** The source version the caller saw (If-Match); undefined skips the check. */
  expectedVersion: number | undefined;
}

export interface Merged {
  source: Ticket;
  target: Ticket;
  movedComments: number;
}

/**
 * Merges a duplicate into the ticket that stays, in one transaction: the duplicate is
 * cancelled as `duplicate_of` the target, its whole conversation (public and internal) moves
 * to the target, both audit trails say so, and one `ticket.merged` event tells the rest.
 */
export class MergeTicketUseCase {
  constructor(
    private readonly tickets: TicketStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly settings: TransitionSettings,
  ) {}

  execute(command: MergeTicketCommand): Promise<Merged> {
    return this.tickets.transaction(async (transaction) => {
      const { caller } = command;
      const byId = await lockTicketsInIdOrder(
        transaction,
        [command.sourceId, command.targetId],
        caller.access,
        new Map([[command.sourceId, command.expectedVersion]]),
      );
      requirePermission(caller, 'tickets.work', 'merge tickets');
      const actorId = actorIdOf(caller, command.actorId);
      const current = byId.get(command.sourceId);
      const target = byId.get(command.targetId);
      if (!current || !target) throw new Error('locked tickets are missing');
      const now = this.clock.now();
      const { ticket: source, changes } = mergeDuplicate(current, target, actorId, {
        now,
        reopenWindowMs: this.settings.reopenWindowMs,
      });
      await transaction.update(source, current.version);
      const movedComments = await transaction.moveComments(source.id, target.id);
      const relation: TicketRelation = {
        id: this.ids.newId(),
        sourceId: source.id,
        sourceNumber: source.number,
        kind: 'duplicate_of',
        targetId: target.id,
        targetNumber: target.number,
        actorId: actorId,
        createdAt: now,
      };
      const existing = await transaction.relationsOf(source.id);
      if (
        !existing.some((known) => known.kind === 'duplicate_of' && known.targetId === target.id)
      ) {
        await transaction.insertRelation(relation);
      }
      await transaction.recordHistory({
        ticketId: source.id,
        occurredAt: now,
        actorId: actorId,
        action: 'merge',
        changes: { ...changes, duplicateOf: { from: null, to: target.number } },
      });
      await transaction.recordHistory({
        ticketId: target.id,
        occurredAt: now,
        actorId: actorId,
        action: 'merge',
        changes: {
          mergedFrom: { from: null, to: source.number },
          movedComments: { from: null, to: movedComments },
        },
      });
      await transaction.emit(TicketMerged, {
        key: source.id,
        subject: source.number,
        payload: {
          source: toTicketMessage(source),
          target: toTicketMessage(target),
          actorId: actorId,
          movedComments,
        },
        occurredAt: now,
      });
      return { source, target, movedComments };
    });
  }
}
