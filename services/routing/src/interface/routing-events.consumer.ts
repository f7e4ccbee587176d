import type { EntityManager } from 'typeorm';
import {
  type EventType,
  fromTimestamp,
  SlaClockBreached,
  type SlaClockEvent,
  SlaClockWarning,
  type Ticket,
  TicketAssigned,
  TicketClosed,
  TicketCommented,
  TicketCreated,
  TicketReopened,
  TicketResolved,
  TicketStateChanged,
  TicketUpdated,
} from '@itsm/contracts';
import type { EventHandler, MessagingLogger, ReceivedEvent } from '@itsm/messaging';
import type { EscalateTicketUseCase } from '../application/escalate-ticket/escalate-ticket.use-case';
import type { RoutingLedger, RoutingTransactions } from '../application/ports/routing-ledger';
import type { TrackTicketUseCase } from '../application/route-tickets/track-ticket.use-case';
import { RoutingError } from '../domain/routing-error';
import { dispositionOf } from './routing-error.kafka-mapper';
import { toTicketState } from './ticket-message.mapper';

export interface RoutingEventUseCases {
  tracking: TrackTicketUseCase;
  escalations: EscalateTicketUseCase;
}

export interface RoutingEventTopics {
  tickets: string;
  sla: string;
}

/** The same event type read from another topic (a mirror, a test's). */
function on<T>(eventType: EventType<T>, topic: string): EventType<T> {
  return { ...eventType, topic };
}

const TARGET_NAMES: Record<string, string> = {
  SLA_TARGET_FIRST_RESPONSE: 'first response',
  SLA_TARGET_RESOLUTION: 'resolution',
  SLA_TARGET_OLA: 'OLA',
};

function targetOf(event: SlaClockEvent): string {
  return TARGET_NAMES[event.target] ?? event.target;
}

function dueOf(event: SlaClockEvent): string {
  return event.dueAt ? ` (due ${fromTimestamp(event.dueAt).toISOString()})` : '';
}

/**
 * Ticket and SLA events into routing's use cases, inside the inbox consumer's transaction (the
 * event id, the decision and the events it publishes commit together).
 */
export function routingEventHandlers(
  useCases: RoutingEventUseCases,
  transactions: RoutingTransactions<EntityManager>,
  logger: MessagingLogger,
  topics: RoutingEventTopics,
): EventHandler<unknown>[] {
  function handler<T>(
    eventType: EventType<T>,
    topic: string,
    apply: (event: T, ledger: RoutingLedger) => Promise<unknown>,
  ): EventHandler<unknown> {
    const handle = async ({ attributes, payload }: ReceivedEvent<T>, manager: EntityManager) => {
      try {
        await apply(payload, transactions.on(manager));
      } catch (error) {
        if (!(error instanceof RoutingError)) throw error;
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
          'event skipped: routing cannot apply it',
        );
      }
    };
    return { eventType: on(eventType, topic), handle } as EventHandler<unknown>;
  }

  const changed = (event: { ticket?: Ticket }, ledger: RoutingLedger) =>
    useCases.tracking.changed(toTicketState(event.ticket), ledger);

  return [
    handler(TicketCreated, topics.tickets, (event, ledger) =>
      useCases.tracking.created(toTicketState(event.ticket), ledger),
    ),
    handler(TicketAssigned, topics.tickets, changed),
    handler(TicketStateChanged, topics.tickets, changed),
    handler(TicketResolved, topics.tickets, changed),
    handler(TicketClosed, topics.tickets, changed),
    handler(TicketReopened, topics.tickets, changed),
    handler(TicketUpdated, topics.tickets, changed),
    handler(TicketCommented, topics.tickets, changed),
    handler(SlaClockWarning, topics.sla, (event, ledger) =>
      useCases.escalations.onSlaWarning(
        event.ticketId,
        `SLA warning: ${Math.round(event.threshold * 100)} % of the ${targetOf(event)} target is used up${dueOf(event)}`,
        ledger,
      ),
    ),
    handler(SlaClockBreached, topics.sla, (event, ledger) =>
      useCases.escalations.onSlaBreach(
        {
          ticketId: event.ticketId,
          reason: `SLA breached: the ${targetOf(event)} target was missed${dueOf(event)}`,
        },
        ledger,
      ),
    ),
  ];
}
