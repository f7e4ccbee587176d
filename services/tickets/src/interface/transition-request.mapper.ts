import { fromTimestamp, type Timestamp, type TransitionTicketRequest } from '@itsm/contracts';
import {
  actionMessages,
  approvalQuorumMessages,
  changeRiskMessages,
  fromMessage,
  impactMessages,
  implementationOutcomeMessages,
  pendingReasonMessages,
} from '../application/ticket-message.mapper';
import type { TransitionTicketCommand } from '../application/transition-ticket/transition-ticket.command';
import { TicketError, TicketErrorCode } from '../domain/ticket-error';

export function optionalDate(timestamp: Timestamp | undefined): Date | undefined {
  return timestamp ? fromTimestamp(timestamp) : undefined;
}

/**
 * A transition request as a command, less the caller the handler adds; empty strings and
 * UNSPECIFIED mean "not given".
 */
export function toTransitionCommand(
  request: TransitionTicketRequest,
): Omit<TransitionTicketCommand, 'caller'> {
  const action = fromMessage(actionMessages, request.action);
  if (!action) {
    throw new TicketError(TicketErrorCode.ValidationFailed, 'the action is missing or unknown', [
      { field: 'action', message: 'action is required' },
    ]);
  }
  return {
    ticketId: request.id,
    expectedVersion: request.expectedVersion || undefined,
    action,
    actorId: request.actorId,
    assigneeId: request.assigneeId || undefined,
    assignmentGroupId: request.assignmentGroupId || undefined,
    pendingReason: fromMessage(pendingReasonMessages, request.pendingReason),
    resolutionCode: request.resolutionCode || undefined,
    resolutionNotes: request.resolutionNotes || undefined,
    rootCause: request.rootCause || undefined,
    workaround: request.workaround || undefined,
    risk: fromMessage(changeRiskMessages, request.risk),
    impact: fromMessage(impactMessages, request.impact),
    backoutPlan: request.backoutPlan || undefined,
    plannedStart: optionalDate(request.plannedStart),
    plannedEnd: optionalDate(request.plannedEnd),
    approvalRequest: {
      approverIds: request.approverIds,
      cabGroupId: request.cabGroupId || undefined,
      quorum: fromMessage(approvalQuorumMessages, request.quorum),
    },
    implementationOutcome: fromMessage(
      implementationOutcomeMessages,
      request.implementationOutcome,
    ),
    implementationNotes: request.implementationNotes || undefined,
    resolveLinkedIncidents: request.resolveLinkedIncidents,
  };
}
