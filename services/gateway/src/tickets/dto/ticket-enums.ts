import {
  Channel,
  CommentVisibility,
  Impact,
  PendingReason,
  Priority,
  restSpellings,
  TicketAction,
  TicketStatus,
  TicketType,
  Urgency,
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

export type TicketTypeName = (typeof TICKET_TYPES)[number];
export type TicketStatusName = (typeof TICKET_STATUSES)[number];
export type ImpactName = (typeof IMPACTS)[number];
export type UrgencyName = (typeof URGENCIES)[number];
export type PriorityName = (typeof PRIORITIES)[number];
export type ChannelName = (typeof CHANNELS)[number];
export type PendingReasonName = (typeof PENDING_REASONS)[number];
export type TicketActionName = (typeof TICKET_ACTIONS)[number];
export type CommentVisibilityName = (typeof COMMENT_VISIBILITIES)[number];
