import { assertUnreachable } from '@itsm/lang';
import type { ChangeApproval } from './change-approval';
import {
  allowedChangeActions,
  CHANGE_ACTIONS,
  type ChangeAction,
  type ChangeRecord,
  type ChangeRisk,
  type ChangeStatus,
  type ImplementationOutcome,
} from './change-lifecycle';
import { transitionChange } from './change-transition';
import type { Impact, PriorityMatrix } from './priority-matrix';
import {
  allowedProblemActions,
  PROBLEM_ACTIONS,
  type ProblemAction,
  type ProblemStatus,
  transitionProblem,
} from './problem-lifecycle';
import type { IncidentStatus, Ticket, TicketStatus } from './ticket';
import { STATUSES_OF } from './ticket';
import { TicketError, TicketErrorCode } from './ticket-error';

export const PENDING_REASONS = ['awaiting_customer', 'awaiting_vendor', 'awaiting_change'] as const;
export type PendingReason = (typeof PENDING_REASONS)[number];

export const INCIDENT_ACTIONS = [
  'assign',
  'start',
  'pend',
  'resume',
  'resolve',
  'close',
  'reopen',
  'cancel',
] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

export type TicketAction = IncidentAction | ProblemAction | ChangeAction;

/** Every action of every type, each once. */
export const TICKET_ACTIONS: readonly TicketAction[] = [
  ...new Set<TicketAction>([...INCIDENT_ACTIONS, ...PROBLEM_ACTIONS, ...CHANGE_ACTIONS]),
];

/** The lifecycle of incidents and service requests: which action leads from which state where. */
export const INCIDENT_LIFECYCLE: Readonly<
  Record<IncidentAction, { from: readonly IncidentStatus[]; to: IncidentStatus }>
> = {
  assign: { from: ['new', 'assigned', 'in_progress'], to: 'assigned' },
  start: { from: ['assigned'], to: 'in_progress' },
  pend: { from: ['in_progress'], to: 'pending' },
  resume: { from: ['pending'], to: 'in_progress' },
  resolve: { from: ['assigned', 'in_progress', 'pending'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
  reopen: { from: ['resolved'], to: 'in_progress' },
  cancel: { from: ['new', 'assigned', 'in_progress', 'pending'], to: 'cancelled' },
};

export const DEFAULT_REOPEN_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/** What an agent supplies with an action; each action requires its own part. */
export interface TransitionInput {
  action: TicketAction;
  actorId: string;
  assigneeId?: string | undefined;
  assignmentGroupId?: string | undefined;
  pendingReason?: PendingReason | undefined;
  resolutionCode?: string | undefined;
  resolutionNotes?: string | undefined;
  /** Problems. */
  rootCause?: string | undefined;
  workaround?: string | undefined;
  /** Changes. */
  risk?: ChangeRisk | undefined;
  impact?: Impact | undefined;
  backoutPlan?: string | undefined;
  plannedStart?: Date | undefined;
  plannedEnd?: Date | undefined;
  /** The round request_approval opens, or the current one that schedule and reject follow. */
  approval?: ChangeApproval | undefined;
  implementationOutcome?: ImplementationOutcome | undefined;
  implementationNotes?: string | undefined;
}

export interface TransitionPolicy {
  now: Date;
  /** How long after resolution a requester or agent may still reopen. */
  reopenWindowMs: number;
  /** The matrix a change's priority follows on submit; the ITIL default when absent. */
  matrix?: PriorityMatrix | undefined;
}

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

export interface Transition {
  ticket: Ticket;
  from: TicketStatus;
  changes: FieldChanges;
}

function allowedIncidentActions(status: IncidentStatus): IncidentAction[] {
  return INCIDENT_ACTIONS.filter((action) => INCIDENT_LIFECYCLE[action].from.includes(status));
}

/** The actions a ticket's type allows in its current state. */
export function allowedActions(
  ticket: Pick<Ticket, 'type' | 'status' | 'changeKind'>,
): TicketAction[] {
  switch (ticket.type) {
    case 'incident':
    case 'service_request':
      return allowedIncidentActions(ticket.status as IncidentStatus);
    case 'problem':
      return allowedProblemActions(ticket.status as ProblemStatus);
    case 'change':
      return allowedChangeActions(ticket.status as ChangeStatus, ticket.changeKind ?? 'normal');
    default:
      return assertUnreachable(ticket.type, 'ticket value');
  }
}

function refuse(ticket: Ticket, action: TicketAction): never {
  const allowed = allowedActions(ticket);
  throw new TicketError(
    TicketErrorCode.InvalidTransition,
    `cannot ${action} a ticket that is ${ticket.status}; allowed: ${allowed.join(', ') || 'none'}`,
    [],
    { currentStatus: ticket.status, allowedActions: allowed },
  );
}

function invalid(field: string, message: string): never {
  throw new TicketError(TicketErrorCode.ValidationFailed, message, [{ field, message }]);
}

/** The fields an action sets besides the status, after checking what it requires. */
function fieldsOf(
  ticket: Ticket,
  input: TransitionInput & { action: IncidentAction },
  policy: TransitionPolicy,
): Partial<Ticket> {
  switch (input.action) {
    case 'assign':
      if (!input.assigneeId && !input.assignmentGroupId) {
        invalid('assigneeId', 'assign needs an assignee or an assignment group');
      }
      return {
        assigneeId: input.assigneeId ?? null,
        assignmentGroupId: input.assignmentGroupId ?? ticket.assignmentGroupId,
      };
    case 'pend':
      if (!input.pendingReason)
        invalid('pendingReason', `pend needs a reason: ${PENDING_REASONS.join(', ')}`);
      return { pendingReason: input.pendingReason };
    case 'resolve':
      if (!input.resolutionCode) invalid('resolutionCode', 'resolve needs a resolution code');
      return {
        resolutionCode: input.resolutionCode,
        resolutionNotes: input.resolutionNotes ?? '',
        resolvedAt: policy.now,
        pendingReason: null,
      };
    case 'reopen': {
      const resolvedAt = ticket.resolvedAt?.getTime() ?? 0;
      if (policy.now.getTime() - resolvedAt > policy.reopenWindowMs) {
        throw new TicketError(
          TicketErrorCode.InvalidTransition,
          `the reopen window of ${Math.round(policy.reopenWindowMs / 3_600_000)} h after resolution has passed`,
          [],
          { currentStatus: ticket.status, allowedActions: ['close'] },
        );
      }
      return { resolutionCode: null, resolutionNotes: '', resolvedAt: null };
    }
    case 'close':
      return { closedAt: policy.now };
    case 'resume':
    case 'cancel':
      return { pendingReason: null };
    case 'start':
      return {};
    default:
      return assertUnreachable(input.action, 'ticket value');
  }
}

function isIncidentAction(action: TicketAction): action is IncidentAction {
  return (INCIDENT_ACTIONS as readonly string[]).includes(action);
}

/** A stored status outside its type's lifecycle is corrupt data, not a client error. */
function checkStatusOfType(ticket: Ticket): void {
  if (!STATUSES_OF[ticket.type].includes(ticket.status)) {
    throw new Error(`ticket ${ticket.id} of type ${ticket.type} has status ${ticket.status}`);
  }
}

/**
 * Applies an action to a ticket by the lifecycle of its type: refuses it in a state that does
 * not allow it (naming the allowed actions), checks what the action needs, and returns the new
 * ticket (version + 1) with the list of changed fields for the history and the event.
 */
export function transitionTicket(
  ticket: Ticket,
  input: TransitionInput,
  policy: TransitionPolicy,
): Transition {
  checkStatusOfType(ticket);
  switch (ticket.type) {
    case 'incident':
    case 'service_request':
      return transitionIncident(ticket, input, policy);
    case 'problem': {
      if (!(PROBLEM_ACTIONS as readonly string[]).includes(input.action)) {
        refuse(ticket, input.action);
      }
      const problem = ticket as Ticket & { status: ProblemStatus };
      const { problem: next, changes } = transitionProblem(
        problem,
        { ...input, action: input.action as ProblemAction },
        policy.now,
      );
      return { ticket: next, from: ticket.status, changes };
    }
    case 'change': {
      if (!(CHANGE_ACTIONS as readonly string[]).includes(input.action)) {
        refuse(ticket, input.action);
      }
      const change = {
        ...ticket,
        changeKind: ticket.changeKind ?? 'normal',
      } as Ticket & ChangeRecord;
      const { change: next, changes } = transitionChange(
        change,
        { ...input, action: input.action as ChangeAction },
        policy.now,
        policy.matrix,
      );
      return { ticket: next, from: ticket.status, changes };
    }
    default:
      return assertUnreachable(ticket.type, 'ticket value');
  }
}

function transitionIncident(
  ticket: Ticket,
  input: TransitionInput,
  policy: TransitionPolicy,
): Transition {
  const action = input.action;
  if (!isIncidentAction(action)) refuse(ticket, action);
  const rule = INCIDENT_LIFECYCLE[action];
  if (!rule.from.includes(ticket.status as IncidentStatus)) refuse(ticket, action);
  const next: Ticket = {
    ...ticket,
    ...fieldsOf(ticket, { ...input, action }, policy),
    status: rule.to,
    updatedAt: policy.now,
    version: ticket.version + 1,
  };
  return { ticket: next, from: ticket.status, changes: diff(ticket, next) };
}

const AUDITED_FIELDS = [
  'title',
  'description',
  'impact',
  'urgency',
  'priority',
  'priorityReason',
  'status',
  'assigneeId',
  'assignmentGroupId',
  'pendingReason',
  'resolutionCode',
  'resolutionNotes',
  'resolvedAt',
  'closedAt',
  'firstRespondedAt',
  'tags',
  'watcherIds',
  'satisfactionRating',
  'satisfactionComment',
  'serviceId',
  'categoryId',
  'configurationItemIds',
] as const satisfies readonly (keyof Ticket)[];

/** Times as RFC 3339 and lists as comma-separated text, so history entries read plainly. */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.join(',');
  return value;
}

export function diff(before: Ticket, after: Ticket): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of AUDITED_FIELDS) {
    const from = comparable(before[field]);
    const to = comparable(after[field]);
    if (from !== to) changes[field] = { from: from ?? null, to: to ?? null };
  }
  return changes;
}
