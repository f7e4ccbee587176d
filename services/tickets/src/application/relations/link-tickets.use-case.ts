import { TicketLinked } from '@itsm/contracts';
import {
  checkRelation,
  type RelationKind,
  sameRelation,
  type TicketRelation,
} from '../../domain/ticket-relation';
import { actorIdOf, requirePermission, type TicketCaller } from '../../domain/ticket-caller';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import { lockTicketsInIdOrder } from '../lock-ticket';
import type { TicketStore } from '../ports/ticket-store';
import { toRelationMessage } from '../ticket-message.mapper';

export interface LinkTicketsCommand {
  caller: TicketCaller;
  sourceId: string;
  kind: RelationKind | undefined;
  targetId: string;
  actorId: string;
}

export interface Linked {
  relation: TicketRelation;
  /** False when the relation existed already and is answered again. */
  created: boolean;
}

/**
 * Relates two tickets. Both are locked, the relation is checked against the ones they have, and the relation,
 * a history entry on each and a `ticket.linked` event are written together.
 */
export class LinkTicketsUseCase {
  constructor(
    private readonly tickets: TicketStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  execute(command: LinkTicketsCommand): Promise<Linked> {
    const { kind } = command;
    if (!kind) {
      throw new TicketError(TicketErrorCode.ValidationFailed, 'the relation kind is missing', [
        { field: 'kind', message: 'kind is required' },
      ]);
    }
    return this.tickets.transaction(async (transaction) => {
      const { caller } = command;
      const locked = await lockTicketsInIdOrder(
        transaction,
        [command.sourceId, command.targetId],
        caller.access,
      );
      requirePermission(caller, 'tickets.work', 'link tickets');
      const actorId = actorIdOf(caller, command.actorId);
      const source = locked.get(command.sourceId);
      const target = locked.get(command.targetId);
      if (!source || !target) throw new Error('locked tickets are missing');
      const existing = await transaction.relationsOf(source.id);
      const same = existing.find((relation) => sameRelation(relation, source.id, kind, target.id));
      if (same) return { relation: same, created: false };
      checkRelation(source, kind, target, existing);
      const now = this.clock.now();
      const relation: TicketRelation = {
        id: this.ids.newId(),
        sourceId: source.id,
        sourceNumber: source.number,
        kind,
        targetId: target.id,
        targetNumber: target.number,
        actorId,
        createdAt: now,
      };
      await transaction.insertRelation(relation);
      for (const [ticketId, other] of [
        [source.id, target.number],
        [target.id, source.number],
      ] as const) {
        await transaction.recordHistory({
          ticketId,
          occurredAt: now,
          actorId,
          action: 'link',
          changes: { [kind]: { from: null, to: other } },
        });
      }
      await transaction.emit(TicketLinked, {
        key: source.id,
        subject: source.number,
        payload: { relation: toRelationMessage(relation), actorId },
        occurredAt: now,
      });
      return { relation, created: true };
    });
  }
}
