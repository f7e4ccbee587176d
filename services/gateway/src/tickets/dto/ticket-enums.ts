/** REST spellings of the contract enums: `TICKET_TYPE_SERVICE_REQUEST` ⇄ `service_request`. */
export const TICKET_TYPES = ['incident', 'service_request'] as const;
export const TICKET_STATUSES = [
  'new',
  'assigned',
  'in_progress',
  'pending',
  'resolved',
  'closed',
  'cancelled',
] as const;
export const IMPACTS = ['high', 'medium', 'low'] as const;
export const URGENCIES = ['high', 'medium', 'low'] as const;
export const PRIORITIES = ['critical', 'high', 'medium', 'low', 'planning'] as const;
export const CHANNELS = ['portal', 'email', 'phone', 'chat', 'api', 'web_form'] as const;
export const PENDING_REASONS = ['awaiting_customer', 'awaiting_vendor', 'awaiting_change'] as const;
export const TICKET_ACTIONS = [
  'assign',
  'start',
  'pend',
  'resume',
  'resolve',
  'close',
  'reopen',
  'cancel',
] as const;

export type TicketTypeName = (typeof TICKET_TYPES)[number];
export type TicketStatusName = (typeof TICKET_STATUSES)[number];
export type ImpactName = (typeof IMPACTS)[number];
export type UrgencyName = (typeof URGENCIES)[number];
export type PriorityName = (typeof PRIORITIES)[number];
export type ChannelName = (typeof CHANNELS)[number];
export type PendingReasonName = (typeof PENDING_REASONS)[number];
export type TicketActionName = (typeof TICKET_ACTIONS)[number];
