// The notifications contract spells these as strings; the lists are the values its comments name.

/** The languages templates are written in; the recipient's language chooses. */
export const TEMPLATE_LOCALES = ['ru', 'en'] as const;
/** Whom a trigger reaches, relative to the ticket of the event. */
export const TRIGGER_AUDIENCES = [
  'requester',
  'assignee',
  'group',
  'group_supervisor',
  'approvers',
  'watchers',
] as const;
/** The channels a trigger may send through; webhooks go by subscription, not by trigger. */
export const TRIGGER_CHANNELS = ['email', 'in_app'] as const;
/** Low-importance email may go into a digest, by the recipient's preference. */
export const IMPORTANCES = ['normal', 'low'] as const;
export const DELIVERY_CHANNELS = ['email', 'webhook', 'in_app'] as const;
/**
 * `failed` is retried; `dead` has no tries left; `suppressed` was not sent (preferences, no
 * address); `held_for_digest` waits for the recipient's digest, `digested` went out in one.
 */
export const DELIVERY_STATUSES = [
  'pending',
  'sending',
  'delivered',
  'failed',
  'dead',
  'suppressed',
  'held_for_digest',
  'digested',
] as const;
export const ATTEMPT_OUTCOMES = ['delivered', 'failed'] as const;
export const INBOUND_EMAIL_OUTCOMES = [
  'ticket_created',
  'comment_added',
  'dropped',
  'rejected',
] as const;
/** How a reply found its ticket. */
export const INBOUND_EMAIL_MATCHES = ['message_id', 'reply_token', 'subject_number'] as const;

export type TemplateLocaleName = (typeof TEMPLATE_LOCALES)[number];
export type TriggerAudienceName = (typeof TRIGGER_AUDIENCES)[number];
export type TriggerChannelName = (typeof TRIGGER_CHANNELS)[number];
export type ImportanceName = (typeof IMPORTANCES)[number];
export type DeliveryChannelName = (typeof DELIVERY_CHANNELS)[number];
export type DeliveryStatusName = (typeof DELIVERY_STATUSES)[number];
export type AttemptOutcomeName = (typeof ATTEMPT_OUTCOMES)[number];
export type InboundEmailOutcomeName = (typeof INBOUND_EMAIL_OUTCOMES)[number];
export type InboundEmailMatchName = (typeof INBOUND_EMAIL_MATCHES)[number];

/**
 * Trigger and template keys, e.g. `ticket-created`: what a path may name. The service judges
 * a new template's key by its own, stricter rule.
 */
export const KEY_PATTERN = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
export const KEY_RULE = 'lower-case letters and digits separated by -, _ or .';
export const KEY_MAX_LENGTH = 100;
