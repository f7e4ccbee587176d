import { TicketEscalatedEvent, TicketRoutedEvent } from '../generated/itsm/routing/v1/events';
import {
  DecisionTrigger,
  EscalationKind,
  EscalationTrigger,
} from '../generated/itsm/routing/v1/routing';
import { defineEventType } from './event-type';
import { Topics } from './topics';

/** A group (and perhaps an agent) was chosen for a ticket; the tickets service applies it. */
export const TicketRouted = defineEventType<TicketRoutedEvent>({
  topic: Topics.routing,
  type: 'itsm.routing.v1.ticket.routed',
  codec: TicketRoutedEvent,
  validate: ({ decision }) => {
    if (!decision) return ['decision is missing'];
    const problems: string[] = [];
    if (!decision.id) problems.push('decision.id is empty');
    if (!decision.ticketId) problems.push('decision.ticketId is empty');
    if (!decision.groupId)
      problems.push('decision.groupId is empty: undecided tickets are not published');
    if (
      decision.trigger === DecisionTrigger.DECISION_TRIGGER_UNSPECIFIED ||
      decision.trigger === DecisionTrigger.UNRECOGNIZED
    ) {
      problems.push('decision.trigger is unspecified');
    }
    if (decision.queued && decision.assigneeId)
      problems.push('a queued decision names an assignee');
    if (!decision.decidedAt) problems.push('decision.decidedAt is missing');
    return problems;
  },
});

/** A ticket went to the next line, or its group's supervisor was told. */
export const TicketEscalated = defineEventType<TicketEscalatedEvent>({
  topic: Topics.routing,
  type: 'itsm.routing.v1.ticket.escalated',
  codec: TicketEscalatedEvent,
  validate: ({ escalation }) => {
    if (!escalation) return ['escalation is missing'];
    const problems: string[] = [];
    if (!escalation.id) problems.push('escalation.id is empty');
    if (!escalation.ticketId) problems.push('escalation.ticketId is empty');
    if (!escalation.reason) problems.push('escalation.reason is empty');
    if (!escalation.occurredAt) problems.push('escalation.occurredAt is missing');
    switch (escalation.kind) {
      case EscalationKind.ESCALATION_KIND_FUNCTIONAL:
        if (!escalation.toGroupId) problems.push('a functional escalation names no toGroupId');
        break;
      case EscalationKind.ESCALATION_KIND_HIERARCHICAL:
        if (!escalation.supervisorId)
          problems.push('a hierarchical escalation names no supervisorId');
        break;
      case EscalationKind.ESCALATION_KIND_UNSPECIFIED:
      case EscalationKind.UNRECOGNIZED:
        problems.push('escalation.kind is unspecified');
        break;
    }
    if (
      escalation.trigger === EscalationTrigger.ESCALATION_TRIGGER_UNSPECIFIED ||
      escalation.trigger === EscalationTrigger.UNRECOGNIZED
    ) {
      problems.push('escalation.trigger is unspecified');
    }
    return problems;
  },
});
