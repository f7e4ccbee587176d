import {
  ApprovalOutcome,
  ApprovalQuorum,
  ChangeKind,
  ChangeRisk,
  Channel,
  CommentVisibility,
  Impact,
  ImplementationOutcome,
  PendingReason,
  Priority,
  RelationKind,
  restSpellings,
  TicketAction,
  TicketStatus,
  TicketType,
  Urgency,
  VoteDecision,
} from '@itsm/contracts';

/** REST spellings of the contract enums, derived from them: `TICKET_TYPE_SERVICE_REQUEST` ⇄ `service_request`. */
export const TICKET_TYPES = restSpellings(TicketType, 'TICKET_TYPE_');
export const TICKET_STATUSES = restSpellings(TicketStatus, 'TICKET_STATUS_');
export const IMPACTS = restSpellings(Impact, 'IMPACT_');
export const URGENCIES = restSpellings(Urgency, 'URGENCY_');
export const PRIORITIES = restSpellings(Priority, 'PRIORITY_');
export const CHANNELS = restSpellings(Channel, 'CHANNEL_');
export const PENDING_REASONS = restSpellings(PendingReason, 'PENDING_REASON_');
export const TICKET_ACTIONS = restSpellings(TicketAction, 'TICKET_ACTION_');
export const COMMENT_VISIBILITIES = restSpellings(CommentVisibility, 'COMMENT_VISIBILITY_');
export const CHANGE_KINDS = restSpellings(ChangeKind, 'CHANGE_KIND_');
export const CHANGE_RISKS = restSpellings(ChangeRisk, 'CHANGE_RISK_');
export const IMPLEMENTATION_OUTCOMES = restSpellings(
  ImplementationOutcome,
  'IMPLEMENTATION_OUTCOME_',
);
export const APPROVAL_QUORUMS = restSpellings(ApprovalQuorum, 'APPROVAL_QUORUM_');
export const APPROVAL_OUTCOMES = restSpellings(ApprovalOutcome, 'APPROVAL_OUTCOME_');
export const VOTE_DECISIONS = restSpellings(VoteDecision, 'VOTE_DECISION_');
export const RELATION_KINDS = restSpellings(RelationKind, 'RELATION_KIND_');

export type TicketTypeName = (typeof TICKET_TYPES)[number];
export type TicketStatusName = (typeof TICKET_STATUSES)[number];
export type ImpactName = (typeof IMPACTS)[number];
export type UrgencyName = (typeof URGENCIES)[number];
export type PriorityName = (typeof PRIORITIES)[number];
export type ChannelName = (typeof CHANNELS)[number];
export type PendingReasonName = (typeof PENDING_REASONS)[number];
export type TicketActionName = (typeof TICKET_ACTIONS)[number];
export type CommentVisibilityName = (typeof COMMENT_VISIBILITIES)[number];
export type ChangeKindName = (typeof CHANGE_KINDS)[number];
export type ChangeRiskName = (typeof CHANGE_RISKS)[number];
export type ImplementationOutcomeName = (typeof IMPLEMENTATION_OUTCOMES)[number];
export type ApprovalQuorumName = (typeof APPROVAL_QUORUMS)[number];
export type ApprovalOutcomeName = (typeof APPROVAL_OUTCOMES)[number];
export type VoteDecisionName = (typeof VOTE_DECISIONS)[number];
export type RelationKindName = (typeof RELATION_KINDS)[number];
