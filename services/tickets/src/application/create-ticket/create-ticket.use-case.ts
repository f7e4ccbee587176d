import { createHash } from 'node:crypto';
import { TicketCreated } from '@itsm/contracts';
import {
  openTicket,
  type Ticket,
  type ValidTicketRequest,
  validateTicketRequest,
} from '../../domain/ticket';
import { actorIdOf, ticketRequestBy } from '../../domain/ticket-caller';
import { TicketError, TicketErrorCode } from '../../domain/ticket-error';
import { idempotencyKeyOf } from '../idempotency-key';
import type { Clock } from '../ports/clock';
import type { CatalogReferences } from '../catalog/catalog-references';
import type { IdGenerator } from '../ports/id-generator';
import type { IdempotencyRecord, TicketStore } from '../ports/ticket-store';
import { toTicketMessage } from '../ticket-message.mapper';
import type { CreateTicketCommand } from './create-ticket.command';

export interface CreateTicketResult {
  ticket: Ticket;
  /** False when the idempotency key was used before and the first ticket is returned. */
  created: boolean;
}

class IdempotencyKeyTaken extends Error {}

/** Identifies a request's content, so a reused key with another body is told apart from a retry. */
export function requestFingerprint(request: ValidTicketRequest): string {
  const canonical = JSON.stringify([
    request.type,
    request.title,
    request.description,
    request.impact ?? null,
    request.urgency ?? null,
    request.channel ?? null,
    request.requesterId,
    request.organizationId ?? null,
    // Only changes carry these; leaving them out elsewhere keeps older fingerprints valid.
    ...(request.type === 'change'
      ? [
          request.changeKind ?? null,
          request.configurationItemIds ?? [],
          request.plannedStart?.toISOString() ?? null,
          request.plannedEnd?.toISOString() ?? null,
        ]
      : []),
    // Tags, catalog fields and the reported time were added later; tickets without them keep
    // their fingerprint.
    ...(request.reportedAt ? [request.reportedAt.toISOString()] : []),
    ...((request.tags ?? []).length > 0 ? [request.tags] : []),
    ...(request.serviceId || request.categoryId || request.catalogItemId || request.customFields
      ? [
          request.serviceId ?? null,
          request.categoryId ?? null,
          request.catalogItemId ?? null,
          request.customFields ?? {},
          request.assignmentGroupId ?? null,
        ]
      : []),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Opens a ticket in one transaction: number, ticket row, history entry and the
 * `ticket.created` event in the outbox. A retry with the same idempotency key and the same
 * request returns the first ticket; the same key with another request is refused. The caller
 * files it as they may (`ticketRequestBy`): a requester for themselves, in their organisation.
 */
export class CreateTicketUseCase {
  constructor(
    private readonly tickets: TicketStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly catalog: CatalogReferences,
  ) {}

  async execute(command: CreateTicketCommand): Promise<CreateTicketResult> {
    const { caller, ...asked } = command;
    const request = validateTicketRequest(ticketRequestBy(caller, asked));
    await this.catalog.check(request);
    const key = idempotencyKeyOf(command.idempotencyKey);
    const idempotency: IdempotencyRecord | null = key
      ? { key, fingerprint: requestFingerprint(request) }
      : null;
    if (idempotency) {
      const earlier = await this.replay(request.requesterId, idempotency);
      if (earlier) return earlier;
    }

    try {
      const ticket = await this.tickets.transaction(async (transaction) => {
        const sequence = await transaction.nextSequence(request.type);
        const opened = openTicket(request, {
          id: this.ids.newId(),
          sequence,
          now: this.clock.now(),
          matrix: await transaction.priorityMatrix(),
        });
        if ((await transaction.insert(opened, idempotency)) === 'idempotency-key-taken') {
          throw new IdempotencyKeyTaken();
        }
        await transaction.recordHistory({
          ticketId: opened.id,
          occurredAt: opened.createdAt,
          actorId: actorIdOf(caller, opened.requesterId),
          action: 'created',
          changes: {
            status: { from: null, to: opened.status },
            priority: { from: null, to: opened.priority },
          },
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
      if (!(error instanceof IdempotencyKeyTaken) || !idempotency) throw error;
      const earlier = await this.replay(request.requesterId, idempotency);
      if (!earlier) throw new Error('idempotency key conflict without a stored ticket');
      return earlier;
    }
  }

  private async replay(
    requesterId: string,
    idempotency: IdempotencyRecord,
  ): Promise<CreateTicketResult | undefined> {
    const earlier = await this.tickets.findByIdempotencyKey(requesterId, idempotency.key);
    if (!earlier) return undefined;
    // Tickets stored before fingerprints were kept cannot be compared: treat as a retry.
    if (earlier.fingerprint !== null && earlier.fingerprint !== idempotency.fingerprint) {
      throw new TicketError(
        TicketErrorCode.IdempotencyKeyReused,
        `the idempotency key was already used for ticket ${earlier.ticket.number} with a different request`,
      );
    }
    return { ticket: earlier.ticket, created: false };
  }
}
