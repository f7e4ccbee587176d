/** The shapes of the gateway's administration API (services/gateway/openapi.json). */
import type { JsonSchema } from '../lib/json-schema-form';
import type { Level, Priority, Status } from './types';

export type Locale = 'ru' | 'en';
export const LOCALES: readonly Locale[] = ['ru', 'en'];

export interface NotificationTemplate {
  key: string;
  locale: Locale;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  version: number;
  updatedAt: string;
}

export interface TemplateDraft {
  subject: string;
  bodyText: string;
  bodyHtml: string;
}

export interface RenderedTemplate {
  subject: string;
  text: string;
  html: string;
}

export const AUDIENCES = [
  'requester',
  'assignee',
  'group',
  'group_supervisor',
  'approvers',
  'watchers',
] as const;
export type Audience = (typeof AUDIENCES)[number];
export const CHANNELS = ['email', 'in_app'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface NotificationTrigger {
  key: string;
  eventType: string;
  audiences: Audience[];
  channels: Channel[];
  templateKey: string;
  importance: 'normal' | 'low';
  enabled: boolean;
  version: number;
  updatedAt: string;
}

export interface InAppNotification {
  id: string;
  triggerKey: string;
  eventType: string;
  ticketId: string | null;
  ticketNumber: string | null;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: InAppNotification[];
  nextCursor: string | null;
  unreadCount: number;
}

export interface WebhookSubscription {
  id: string;
  name: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreatedWebhook extends WebhookSubscription {
  secret: string | null;
}

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
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface Delivery {
  id: string;
  channel: 'email' | 'webhook' | 'in_app';
  status: DeliveryStatus;
  recipientId: string;
  address: string;
  eventId: string;
  eventType: string;
  ticketId: string | null;
  triggerKey: string | null;
  subject: string | null;
  attemptCount: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
  reason: string | null;
}

export interface DeliveryPage {
  items: Delivery[];
  nextCursor: string | null;
}

export type SlaTargetKind = 'first_response' | 'resolution' | 'ola';

export interface SlaTarget {
  target: SlaTargetKind;
  targetMs: number;
  calendarId: string;
}

export interface SlaPolicy {
  id: string;
  name: string;
  kind: 'sla' | 'ola';
  order: number;
  conditions: {
    types?: string[];
    priorities?: Priority[];
    serviceIds?: string[];
    organizationIds?: string[];
    categoryIds?: string[];
    channels?: string[];
  };
  targets: SlaTarget[];
  warningThresholds: number[];
  pauseRules: { status: Status; reasons?: string[] }[];
  active: boolean;
  version: number;
}

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface SlaCalendar {
  id: string;
  name: string;
  kind: 'always_on' | 'working_hours';
  timeZone: string;
  workingHours?: Partial<Record<Weekday, { from: string; to: string }[]>>;
  holidays?: unknown[];
  /** What holidays are called, by date; older gateways leave it out. */
  holidayNames?: Record<string, unknown>;
  version: number;
}

export interface SupportLine {
  id: string;
  name: string;
  level: number;
}

export type RoutingStrategy = 'round_robin' | 'least_loaded' | 'skills_match';

export interface RoutingGroup {
  id: string;
  name: string;
  lineId: string;
  strategy: RoutingStrategy;
  supervisorId: string | null;
  escalationGroupId: string | null;
  escalateOnSlaWarning: boolean;
  autoAssign: boolean;
  queuedTickets: number;
  version: number;
}

export type Availability = 'online' | 'away' | 'off';

export interface RoutingAgent {
  id: string;
  userId: string;
  displayName: string;
  groupIds: string[];
  skills: { name: string; level: number }[];
  capacity: number;
  availability: Availability;
  openTickets: number;
  weightedLoad: number;
  version: number;
}

export interface RuleCondition {
  field:
    | 'type'
    | 'category'
    | 'service'
    | 'organization'
    | 'priority'
    | 'channel'
    | 'keywords'
    | 'custom_field';
  operator: 'in' | 'not_in' | 'contains_any' | 'is_empty' | 'is_not_empty';
  values?: string[];
  customField?: string | null;
}

export interface RoutingRule {
  id: string;
  name: string;
  order: number;
  enabled: boolean;
  conditions: RuleCondition[];
  actions: {
    setGroupId?: string | null;
    setPriority?: Priority | null;
    addTags?: string[];
    setCategoryId?: string | null;
  };
  stopProcessing: boolean;
  version: number;
}

/** A node of the service catalog's category tree. */
export interface CatalogCategory {
  id: string;
  parentId: string | null;
  name: string;
}

/** What an administrator sends to add a catalog item. */
export interface NewCatalogItem {
  serviceId: string;
  name: string;
  description: string;
  formSchema: JsonSchema;
  defaultCategoryId?: string;
}

/** What PUT /api/v1/catalog/items/{id} takes: the whole item; what is left out is defaulted. */
export interface CatalogItemUpdate extends NewCatalogItem {
  defaultImpact: Level;
  defaultUrgency: Level;
  fulfilmentGroupId?: string;
  active: boolean;
}
