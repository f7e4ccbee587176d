// The request bodies and answers of the public REST API the seeder uses, as
// services/gateway/openapi.json describes them. Only the fields the seeder sends or reads.

export type Language = 'ru' | 'en';
export type TicketType = 'incident' | 'service_request' | 'problem' | 'change';
export type Level = 'high' | 'medium' | 'low';
export type Channel = 'portal' | 'email' | 'phone' | 'chat' | 'api' | 'web_form';
export type PendingReason = 'awaiting_customer' | 'awaiting_vendor' | 'awaiting_change';
export type ChangeKind = 'standard' | 'normal' | 'emergency';
export type ImplementationOutcome = 'successful' | 'partially_successful' | 'failed' | 'backed_out';

export type IncidentStatus =
  'new' | 'assigned' | 'in_progress' | 'pending' | 'resolved' | 'closed' | 'cancelled';
export type ProblemStatus =
  'new' | 'investigating' | 'known_error' | 'resolved' | 'closed' | 'cancelled';
export type ChangeStatus =
  | 'draft'
  | 'assessment'
  | 'approval'
  | 'scheduled'
  | 'implementing'
  | 'review'
  | 'closed'
  | 'rejected'
  | 'cancelled';
export type TicketStatus = IncidentStatus | ProblemStatus | ChangeStatus;

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

/** POST /api/v1/tickets (CreateTicketDto). */
export interface CreateTicketBody {
  type: TicketType;
  title: string;
  description: string;
  impact: Level;
  urgency: Level;
  channel: Channel;
  requesterId: string;
  organizationId?: string;
  changeKind?: ChangeKind;
  configurationItemIds?: string[];
}

/** POST /api/v1/tickets/{id}/transitions (TransitionTicketDto). */
export interface TransitionBody {
  action: TicketAction;
  actorId: string;
  assigneeId?: string;
  assignmentGroupId?: string;
  pendingReason?: PendingReason;
  resolutionCode?: string;
  resolutionNotes?: string;
  rootCause?: string;
  workaround?: string;
  risk?: Level;
  impact?: Level;
  backoutPlan?: string;
  plannedStart?: string;
  plannedEnd?: string;
  approverIds?: string[];
  cabGroupId?: string;
  quorum?: 'any' | 'all';
  implementationOutcome?: ImplementationOutcome;
  implementationNotes?: string;
}

/** POST /api/v1/tickets/{id}/comments (CreateCommentDto). */
export interface CommentBody {
  authorId: string;
  visibility: 'public' | 'internal';
  body: string;
}

/** POST /api/v1/tickets/{id}/approval/votes (CastVoteDto). */
export interface VoteBody {
  approverId: string;
  decision: 'approve' | 'reject';
  comment?: string;
  cabGroupId?: string;
}

/** What the seeder reads back from a TicketDto. */
export interface TicketState {
  id: string;
  number: string;
  status: TicketStatus;
  version: number;
}
