import type { EntityManager } from 'typeorm';
import {
  type EventType,
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
import type { ChangeClockTargetsUseCase } from '../application/change-clock-targets/change-clock-targets.use-case';
import type { ClockTransaction } from '../application/ports/clock-store';
import type { RecordFirstResponseUseCase } from '../application/record-first-response/record-first-response.use-case';
import type { StartClocksUseCase } from '../application/start-clocks/start-clocks.use-case';
import { hasClocks, type TicketSnapshot } from '../application/ticket-snapshot';
import type { TrackTicketStatusUseCase } from '../application/track-ticket-status/track-ticket-status.use-case';
import { SlaError } from '../domain/sla-error';
import { dispositionOf } from './sla-error.kafka-mapper';
import { toTicketSnapshot } from './ticket-message.mapper';

/** Edited ticket fields that policies match on: a change may give the ticket another policy. */
const POLICY_FACTS_EDITED: readonly string[] = ['priority', 'serviceId', 'categoryId'];

export interface TicketEventUseCases {
  startClocks: StartClocksUseCase;
  trackTicketStatus: TrackTicketStatusUseCase;
  recordFirstResponse: RecordFirstResponseUseCase;
  changeClockTargets: ChangeClockTargetsUseCase;
}

export interface ClockTransactions {
  transactionOn(manager: EntityManager): ClockTransaction;
}

/** The same event type read from another topic (a mirror of the tickets topic, a test's). */
function on<T>(eventType: EventType<T>, topic: string): EventType<T> {
  return { ...eventType, topic };
}

/**
 * Turns each ticket event into the SLA use case it calls for, inside the inbox consumer's
 * transaction (the event id, the clocks and the SLA events commit together). Problems and
 * changes have no clocks; event types not listed here are skipped by the inbox consumer.
 */
export function ticketEventHandlers(
  useCases: TicketEventUseCases,
  store: ClockTransactions,
  logger: MessagingLogger,
  topic: string,
): EventHandler<unknown>[] {
  function handler<T extends { ticket?: Parameters<typeof toTicketSnapshot>[0] }>(
    eventType: EventType<T>,
    apply: (ticket: TicketSnapshot, event: T, transaction: ClockTransaction) => Promise<unknown>,
  ): EventHandler<unknown> {
    const handle = async ({ attributes, payload }: ReceivedEvent<T>, manager: EntityManager) => {
      try {
        const ticket = toTicketSnapshot(payload.ticket);
        if (hasClocks(ticket)) await apply(ticket, payload, store.transactionOn(manager));
      } catch (error) {
        if (!(error instanceof SlaError)) throw error;
        const { level } = dispositionOf(error.code);
        logger[level](
          {
            eventId: attributes.id,
            eventType: attributes.type,
            ticketNumber: attributes.subject,
            code: error.code,
            reason: error.message,
            violations: error.violations,
          },
          'ticket event skipped: the SLA clocks cannot apply it',
        );
      }
    };
    return { eventType: on(eventType, topic), handle } as EventHandler<unknown>;
  }

  const trackStatus = (ticket: TicketSnapshot, _event: unknown, transaction: ClockTransaction) =>
    useCases.trackTicketStatus.execute({ ticket }, transaction);

  return [
    handler(TicketCreated, (ticket, _event, transaction) =>
      useCases.startClocks.execute({ ticket }, transaction),
    ),
    handler(TicketAssigned, trackStatus),
    handler(TicketStateChanged, trackStatus),
    handler(TicketResolved, trackStatus),
    handler(TicketClosed, trackStatus),
    handler(TicketReopened, trackStatus),
    // Any comment on a ticket that has had its first response: a first response missed earlier
    // still stops the clock; one already stopped is left alone.
    handler(TicketCommented, async (ticket, _event, transaction) => {
      const respondedAt = ticket.firstRespondedAt;
      if (!respondedAt) return;
      await useCases.recordFirstResponse.execute({ ticketId: ticket.id, respondedAt }, transaction);
    }),
    handler(TicketUpdated, async (ticket, event, transaction) => {
      if (event.changes.some(({ field }) => POLICY_FACTS_EDITED.includes(field))) {
        await useCases.changeClockTargets.execute({ ticket }, transaction);
      }
      if (ticket.firstRespondedAt) {
        await useCases.recordFirstResponse.execute(
          { ticketId: ticket.id, respondedAt: ticket.firstRespondedAt },
          transaction,
        );
      }
    }),
  ];
}
