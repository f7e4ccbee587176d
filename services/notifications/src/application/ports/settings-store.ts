import type { NotificationPreferences } from '../../domain/delivery-timing';
import type { Locale } from '../../domain/locale';
import type { NotificationTrigger } from '../../domain/notification-trigger';
import type { NotificationTemplate } from '../../domain/template';
import type { TicketFacts } from '../notifiable-event';
import type { Recipient } from './recipient';
import type { SaveResult, Versioned } from './versioned';

/** Triggers, templates and preferences as administrators and people change them. */
export interface SettingsStore {
  listTriggers(): Promise<Versioned<NotificationTrigger>[]>;
  trigger(key: string): Promise<Versioned<NotificationTrigger> | null>;
  /** expectedVersion 0 replaces whatever is stored. */
  saveTrigger(
    trigger: NotificationTrigger,
    expectedVersion: number,
  ): Promise<SaveResult<NotificationTrigger>>;
  listTemplates(): Promise<Versioned<NotificationTemplate>[]>;
  template(key: string, locale: Locale): Promise<Versioned<NotificationTemplate> | null>;
  templateKeys(): Promise<string[]>;
  saveTemplate(
    template: NotificationTemplate,
    expectedVersion: number,
  ): Promise<SaveResult<NotificationTemplate>>;
  preferences(userId: string): Promise<Versioned<NotificationPreferences> | null>;
  savePreferences(
    preferences: NotificationPreferences,
    expectedVersion: number,
  ): Promise<SaveResult<NotificationPreferences>>;
  ticket(ticketId: string): Promise<TicketFacts | null>;
  recipient(userId: string): Promise<Recipient | null>;
}
