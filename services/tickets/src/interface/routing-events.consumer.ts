import type { EntityManager } from 'typeorm';
import { type EventType, TicketEscalated, TicketRouted } from '@itsm/contracts';
import type { EventHandler, MessagingLogger, ReceivedEvent } from '@itsm/messaging';
import type { ApplyRoutingDecisionUseCase } from '../application/apply-routing-decision/apply-routing-decision.use-case';
import type { TicketTransaction } from '../application/ports/ticket-store';
import type { RecordEscalationUseCase } from '../application/record-escalation/record-escalation.use-case';
import { TicketError } from '../domain/ticket-error';
import { toApplyRoutingDecisionCommand, toRecordEscalationCommand } from './routing-event.mapper';
import { dispositionOf } from './ticket-error.kafka-mapper';

export interface RoutingEventUseCases {
  applyRoutingDecision: Pick<ApplyRoutingDecisionUseCase, 'within'>;
  recordEscalation: Pick<RecordEscalationUseCase, 'within'>;
}

/** The ticket store's writes on the inbox consumer's transaction. */
export interface TicketTransactions {
  transactionOn(manager: EntityManager): TicketTransaction;
}

/** The same event type read from another topic (a mirror of the routing topic, a test's). */
function on<T>(eventType: EventType<T>, topic: string): EventType<T> {
  return { ...eventType, topic };
}

/**
 * Turns each routing event into its use case, inside the inbox consumer's transaction: the
 * event id, the ticket's change, its history and its outbox events commit together, so a
 * redelivered event changes nothing. A decision the ticket has outgrown (finished, or given to
 * a person by hand first) is recorded as seen and left.
 */
export function routingEventHandlers(
  useCases: RoutingEventUseCases,
  store: TicketTransactions,
  logger: MessagingLogger,
  topic: string,
): EventHandler<unknown>[] {
  function handler<T>(
    eventType: EventType<T>,
    apply: (event: ReceivedEvent<T>, transaction: TicketTransaction) => Promise<void>,
  ): EventHandler<unknown> {
    const handle = async (event: ReceivedEvent<T>, manager: EntityManager) => {
      try {
        await apply(event, store.transactionOn(manager));
      } catch (error) {
        // Use cases refuse before they write, so the transaction holds nothing half-done.
        if (!(error instanceof TicketError)) throw error;
        const { level } = dispositionOf(error.code);
        logger[level](
          {
            eventId: event.attributes.id,
            eventType: event.attributes.type,
            ticketNumber: event.attributes.subject,
            code: error.code,
            reason: error.message,
            violations: error.violations,
          },
          'routing event skipped: the ticket cannot take it',
        );
      }
    };
    return { eventType: on(eventType, topic), handle } as EventHandler<unknown>;
  }

  return [
    handler(TicketRouted, async ({ attributes, payload }, transaction) => {
      if (!payload.decision) return; // the event type refuses it; here for the compiler
      const command = toApplyRoutingDecisionCommand(payload.decision);
      const outcome = await useCases.applyRoutingDecision.within(transaction, command);
      const facts = {
        eventId: attributes.id,
        decisionId: command.decisionId,
        ticketId: command.ticketId,
        trigger: command.trigger,
      };
      if (!outcome.applied) {
        // The ticket moving on first is the ordinary race; anything else is worth a look.
        const movedOn = outcome.reason === 'already_assigned' || outcome.reason === 'finished';
        logger[movedOn ? 'info' : 'warn'](
          { ...facts, reason: outcome.reason },
          'routing decision not applied',
        );
        return;
      }
      const { ticket, ignored } = outcome;
      if (ignored.length > 0) {
        logger.warn(
          { ...facts, ticketNumber: ticket.number, ignored },
          'routing decision applied without some of its parts',
        );
      }
      logger.debug(
        { ...facts, ticketNumber: ticket.number, version: ticket.version },
        'routing decision applied',
      );
    }),
    handler(TicketEscalated, async ({ attributes, payload }, transaction) => {
      if (!payload.escalation) return; // the event type refuses it; here for the compiler
      const command = toRecordEscalationCommand(payload.escalation, attributes.time);
      const outcome = await useCases.recordEscalation.within(transaction, command);
      if (!outcome.recorded) {
        logger.warn(
          {
            eventId: attributes.id,
            escalationId: command.escalationId,
            ticketId: command.ticketId,
            reason: outcome.reason,
          },
          'escalation not recorded',
        );
      }
    }),
  ];
}
