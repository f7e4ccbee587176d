import type { EntityManager } from 'typeorm';
import {
  ChangeApprovalApproved,
  ChangeApprovalRejected,
  ChangeApprovalRequested,
  type EventType,
  type Ticket,
  TicketAssigned,
  TicketAttachmentAdded,
  TicketClosed,
  TicketCommented,
  TicketCreated,
  TicketMerged,
  TicketReopened,
  TicketResolved,
  TicketStateChanged,
  TicketUpdated,
} from '@itsm/contracts';
import type { EventHandler, MessagingLogger, ReceivedEvent } from '@itsm/messaging';
import type { ItemTicketsUseCase } from '../application/item-tickets/item-tickets.use-case';
import type { CmdbStore, CmdbTransactions } from '../application/ports/cmdb-store';
import { CmdbError } from '../domain/cmdb-error';
import { dispositionOf } from './cmdb-error.kafka-mapper';
import { toTicketMention } from './ticket-message.mapper';

/** The same event type read from another topic (a mirror, a test's). */
function on<T>(eventType: EventType<T>, topic: string): EventType<T> {
  return { ...eventType, topic };
}

/**
 * Ticket events into the CMDB's projection of which tickets name which items, inside the inbox
 * consumer's transaction (the event id and the projection commit together). Every event that
 * carries a ticket carries its configuration items, so each one refreshes the projection.
 */
export function ticketEventHandlers(
  tickets: ItemTicketsUseCase,
  transactions: CmdbTransactions<EntityManager>,
  logger: MessagingLogger,
  topic: string,
): EventHandler<unknown>[] {
  function handler<T>(
    eventType: EventType<T>,
    ticketsOf: (event: T) => Array<Ticket | undefined>,
  ): EventHandler<unknown> {
    const handle = async ({ attributes, payload }: ReceivedEvent<T>, manager: EntityManager) => {
      const store: CmdbStore = transactions.on(manager);
      try {
        for (const ticket of ticketsOf(payload)) {
          await tickets.project(toTicketMention(ticket), store);
        }
      } catch (error) {
        if (!(error instanceof CmdbError)) throw error;
        const { level } = dispositionOf(error.code);
        logger[level](
          {
            eventId: attributes.id,
            eventType: attributes.type,
            subject: attributes.subject,
            code: error.code,
            reason: error.message,
            violations: error.violations,
          },
          'event skipped: the CMDB cannot apply it',
        );
      }
    };
    return { eventType: on(eventType, topic), handle } as EventHandler<unknown>;
  }

  const itsTicket = (event: { ticket?: Ticket }) => [event.ticket];
  return [
    handler(TicketCreated, itsTicket),
    handler(TicketAssigned, itsTicket),
    handler(TicketStateChanged, itsTicket),
    handler(TicketResolved, itsTicket),
    handler(TicketClosed, itsTicket),
    handler(TicketReopened, itsTicket),
    handler(TicketUpdated, itsTicket),
    handler(TicketCommented, itsTicket),
    handler(TicketAttachmentAdded, itsTicket),
    handler(ChangeApprovalRequested, itsTicket),
    handler(ChangeApprovalApproved, itsTicket),
    handler(ChangeApprovalRejected, itsTicket),
    // The source is cancelled as a duplicate; both ends changed.
    handler(TicketMerged, (event) => [event.source, event.target]),
  ];
}
