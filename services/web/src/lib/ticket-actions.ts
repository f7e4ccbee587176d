/**
 * Which lifecycle actions to offer on a ticket. The API names the allowed actions only when it
 * refuses one (409 `allowedActions`), so the console mirrors the lifecycles the tickets service
 * documents (TransitionTicketDto) and treats a refusal as the final word.
 */
export type TicketType = 'incident' | 'service_request' | 'problem' | 'change';
export type ChangeKind = 'standard' | 'normal' | 'emergency';

export type TicketAction =
  | 'assign'
  | 'start'
  | 'pend'
  | 'resume'
  | 'resolve'
  | 'close'
  | 'reopen'
  | 'cancel'
  | 'investigate'
  | 'record_known_error'
  | 'submit'
  | 'request_approval'
  | 'schedule'
  | 'reject'
  | 'revise'
  | 'start_implementation'
  | 'complete';

type Lifecycle = Partial<Record<TicketAction, readonly string[]>>;

const INCIDENT: Lifecycle = {
  assign: ['new', 'assigned', 'in_progress'],
  start: ['assigned'],
  pend: ['in_progress'],
  resume: ['pending'],
  resolve: ['assigned', 'in_progress', 'pending'],
  close: ['resolved'],
  reopen: ['resolved'],
  cancel: ['new', 'assigned', 'in_progress', 'pending'],
};

const PROBLEM: Lifecycle = {
  investigate: ['new'],
  assign: ['new', 'investigating', 'known_error'],
  record_known_error: ['investigating'],
  resolve: ['investigating', 'known_error'],
  close: ['resolved'],
  reopen: ['resolved'],
  cancel: ['new', 'investigating', 'known_error'],
};

const CHANGE: Lifecycle = {
  assign: ['draft', 'assessment', 'approval', 'scheduled', 'implementing', 'review'],
  submit: ['draft'],
  request_approval: ['assessment'],
  schedule: ['approval'],
  reject: ['approval'],
  revise: ['rejected'],
  start_implementation: ['scheduled'],
  complete: ['implementing'],
  close: ['review'],
  cancel: ['draft', 'assessment', 'approval', 'scheduled'],
};

/** A standard change is pre-approved: it never goes through a CAB. */
const CAB_ONLY: readonly TicketAction[] = ['request_approval', 'schedule', 'reject', 'revise'];

/** What a requester may do to their own incident or request without working it. */
const REQUESTER: Lifecycle = { cancel: ['new'], close: ['resolved'], reopen: ['resolved'] };

export interface ActionContext {
  /** The caller holds `tickets.work`. */
  works: boolean;
  /** The caller is the ticket's requester. */
  isRequester: boolean;
}

export interface TicketState {
  type: TicketType;
  status: string;
  changeKind?: ChangeKind | null;
}

function lifecycleOf(type: TicketType): Lifecycle {
  switch (type) {
    case 'incident':
    case 'service_request':
      return INCIDENT;
    case 'problem':
      return PROBLEM;
    case 'change':
      return CHANGE;
    default:
      return type satisfies never;
  }
}

function actionsIn(lifecycle: Lifecycle, status: string): TicketAction[] {
  return (Object.keys(lifecycle) as TicketAction[]).filter((action) =>
    lifecycle[action]?.includes(status),
  );
}

export function allowedActions(ticket: TicketState, context: ActionContext): TicketAction[] {
  if (context.works) {
    const actions = actionsIn(lifecycleOf(ticket.type), ticket.status);
    return ticket.type === 'change' && ticket.changeKind === 'standard'
      ? actions.filter((action) => !CAB_ONLY.includes(action))
      : actions;
  }
  if (!context.isRequester) return [];
  if (ticket.type !== 'incident' && ticket.type !== 'service_request') return [];
  return actionsIn(REQUESTER, ticket.status);
}

/** Statuses in which nobody works the ticket any more. */
export function isFinished(status: string): boolean {
  return ['resolved', 'closed', 'cancelled', 'rejected'].includes(status);
}
