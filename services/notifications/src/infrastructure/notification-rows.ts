import type { NotificationPreferences } from '../domain/delivery-timing';
import { resolveLocale } from '../domain/locale';
import type { NotificationTrigger } from '../domain/notification-trigger';
import type { NotificationTemplate } from '../domain/template';
import type { TicketFacts } from '../application/notifiable-event';
import type { Recipient } from '../application/ports/recipient';

/** Rows as PostgreSQL returns them, and what the application makes of them. */
export interface TicketRow {
  ticket_id: string;
  number: string;
  type: string;
  title: string;
  status: string;
  priority: string;
  requester_id: string | null;
  assignee_id: string | null;
  group_id: string | null;
  watcher_ids: string[];
  version: number;
}

export function ticketOf(row: TicketRow): TicketFacts {
  return {
    id: row.ticket_id,
    number: row.number,
    type: row.type,
    title: row.title,
    description: '',
    status: row.status,
    priority: row.priority,
    requesterId: row.requester_id,
    assigneeId: row.assignee_id,
    groupId: row.group_id,
    watcherIds: row.watcher_ids,
    version: row.version,
  };
}

export interface TriggerRow {
  key: string;
  event_type: string;
  audiences: string[];
  channels: string[];
  template_key: string;
  importance: string;
  enabled: boolean;
  version: number;
  updated_at: Date;
}

export function triggerOf(row: TriggerRow): NotificationTrigger {
  return {
    key: row.key,
    eventType: row.event_type,
    audiences: row.audiences as NotificationTrigger['audiences'],
    channels: row.channels as NotificationTrigger['channels'],
    templateKey: row.template_key,
    importance: row.importance as NotificationTrigger['importance'],
    enabled: row.enabled,
  };
}

export interface TemplateRow {
  key: string;
  locale: string;
  subject: string;
  body_text: string;
  body_html: string;
  version: number;
  updated_at: Date;
}

export function templateOf(row: TemplateRow): NotificationTemplate {
  return {
    key: row.key,
    locale: resolveLocale(row.locale),
    subject: row.subject,
    bodyText: row.body_text,
    bodyHtml: row.body_html,
  };
}

export interface RecipientRow {
  user_id: string;
  email: string;
  display_name: string;
  language: string;
  time_zone: string;
  roles: string[];
  organization_id: string | null;
  active: boolean;
  version: number;
}

export function recipientOf(row: RecipientRow): Recipient {
  return {
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    language: resolveLocale(row.language),
    timeZone: row.time_zone,
    roles: row.roles,
    organizationId: row.organization_id,
    active: row.active,
    version: row.version,
  };
}

export interface PreferencesRow {
  user_id: string;
  email_enabled: boolean;
  in_app_enabled: boolean;
  quiet_start: string | null;
  quiet_end: string | null;
  digest_low_priority: boolean;
  version: number;
}

export function preferencesOf(row: PreferencesRow): NotificationPreferences {
  return {
    userId: row.user_id,
    emailEnabled: row.email_enabled,
    inAppEnabled: row.in_app_enabled,
    quietHours:
      row.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null,
    digestLowPriority: row.digest_low_priority,
  };
}
