import type { DataSource } from 'typeorm';
import type { NotificationPreferences } from '../domain/delivery-timing';
import type { Locale } from '../domain/locale';
import type { NotificationTrigger } from '../domain/notification-trigger';
import type { NotificationTemplate } from '../domain/template';
import type { TicketFacts } from '../application/notifiable-event';
import type { Recipient } from '../application/ports/recipient';
import type { SettingsStore } from '../application/ports/settings-store';
import type { SaveResult, Versioned } from '../application/ports/versioned';
import {
  preferencesOf,
  type PreferencesRow,
  recipientOf,
  type RecipientRow,
  templateOf,
  type TemplateRow,
  ticketOf,
  type TicketRow,
  triggerOf,
  type TriggerRow,
} from './notification-rows';

type Stamped = { version: number; updated_at: Date };

function versioned<R extends Stamped, T>(row: R, map: (row: R) => T): Versioned<T> {
  return { ...map(row), version: row.version, updatedAt: row.updated_at };
}

/** UPDATE … RETURNING answers [rows, count] through TypeORM. */
function updatedRows<R>(result: unknown): R[] {
  return (result as [R[], number])[0];
}

export class SqlSettingsStore implements SettingsStore {
  constructor(private readonly dataSource: DataSource) {}

  async listTriggers(): Promise<Versioned<NotificationTrigger>[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM notification_triggers ORDER BY key`,
    )) as TriggerRow[];
    return rows.map((row) => versioned(row, triggerOf));
  }

  async trigger(key: string): Promise<Versioned<NotificationTrigger> | null> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM notification_triggers WHERE key = $1`,
      [key],
    )) as TriggerRow[];
    return rows[0] ? versioned(rows[0], triggerOf) : null;
  }

  async saveTrigger(
    trigger: NotificationTrigger,
    expectedVersion: number,
  ): Promise<SaveResult<NotificationTrigger>> {
    const rows = updatedRows<TriggerRow>(
      await this.dataSource.query(
        `UPDATE notification_triggers
            SET audiences = $2, channels = $3, template_key = $4, importance = $5, enabled = $6,
                version = version + 1, updated_at = now()
          WHERE key = $1 AND ($7 = 0 OR version = $7)
          RETURNING *`,
        [
          trigger.key,
          trigger.audiences,
          trigger.channels,
          trigger.templateKey,
          trigger.importance,
          trigger.enabled,
          expectedVersion,
        ],
      ),
    );
    if (rows[0]) return { saved: versioned(rows[0], triggerOf) };
    return { conflict: (await this.trigger(trigger.key))?.version ?? 0 };
  }

  async listTemplates(): Promise<Versioned<NotificationTemplate>[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM notification_templates ORDER BY key, locale`,
    )) as TemplateRow[];
    return rows.map((row) => versioned(row, templateOf));
  }

  async template(key: string, locale: Locale): Promise<Versioned<NotificationTemplate> | null> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM notification_templates WHERE key = $1 AND locale = $2`,
      [key, locale],
    )) as TemplateRow[];
    return rows[0] ? versioned(rows[0], templateOf) : null;
  }

  async templateKeys(): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT key FROM notification_templates ORDER BY key`,
    )) as { key: string }[];
    return rows.map(({ key }) => key);
  }

  async saveTemplate(
    template: NotificationTemplate,
    expectedVersion: number,
  ): Promise<SaveResult<NotificationTemplate>> {
    const rows = (await this.dataSource.query(
      `INSERT INTO notification_templates AS t (key, locale, subject, body_text, body_html)
       SELECT $1, $2, $3, $4, $5 WHERE $6 = 0
       ON CONFLICT (key, locale) DO UPDATE SET
         subject = EXCLUDED.subject, body_text = EXCLUDED.body_text, body_html = EXCLUDED.body_html,
         version = t.version + 1, updated_at = now()
       RETURNING *`,
      [
        template.key,
        template.locale,
        template.subject,
        template.bodyText,
        template.bodyHtml,
        expectedVersion,
      ],
    )) as TemplateRow[];
    if (rows[0]) return { saved: versioned(rows[0], templateOf) };
    const updated = updatedRows<TemplateRow>(
      await this.dataSource.query(
        `UPDATE notification_templates
            SET subject = $3, body_text = $4, body_html = $5, version = version + 1, updated_at = now()
          WHERE key = $1 AND locale = $2 AND version = $6
          RETURNING *`,
        [
          template.key,
          template.locale,
          template.subject,
          template.bodyText,
          template.bodyHtml,
          expectedVersion,
        ],
      ),
    );
    if (updated[0]) return { saved: versioned(updated[0], templateOf) };
    return { conflict: (await this.template(template.key, template.locale))?.version ?? 0 };
  }

  async preferences(userId: string): Promise<Versioned<NotificationPreferences> | null> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM notification_preferences WHERE user_id = $1`,
      [userId],
    )) as (PreferencesRow & Stamped)[];
    return rows[0] ? versioned(rows[0], preferencesOf) : null;
  }

  async savePreferences(
    preferences: NotificationPreferences,
    expectedVersion: number,
  ): Promise<SaveResult<NotificationPreferences>> {
    const values = [
      preferences.userId,
      preferences.emailEnabled,
      preferences.inAppEnabled,
      preferences.quietHours?.start ?? null,
      preferences.quietHours?.end ?? null,
      preferences.digestLowPriority,
      expectedVersion,
    ];
    // Version 0 is what people without stored preferences see: their first save creates them.
    const rows = (await this.dataSource.query(
      `INSERT INTO notification_preferences AS p
         (user_id, email_enabled, in_app_enabled, quiet_start, quiet_end, digest_low_priority)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id) DO UPDATE SET
         email_enabled = EXCLUDED.email_enabled, in_app_enabled = EXCLUDED.in_app_enabled,
         quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end,
         digest_low_priority = EXCLUDED.digest_low_priority,
         version = p.version + 1, updated_at = now()
       WHERE $7 = 0 OR p.version = $7
       RETURNING *`,
      values,
    )) as (PreferencesRow & Stamped)[];
    if (rows[0]) return { saved: versioned(rows[0], preferencesOf) };
    return { conflict: (await this.preferences(preferences.userId))?.version ?? 0 };
  }

  async ticket(ticketId: string): Promise<TicketFacts | null> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM ticket_projections WHERE ticket_id = $1`,
      [ticketId],
    )) as TicketRow[];
    return rows[0] ? ticketOf(rows[0]) : null;
  }

  async recipient(userId: string): Promise<Recipient | null> {
    const rows = (await this.dataSource.query(`SELECT * FROM recipients WHERE user_id = $1`, [
      userId,
    ])) as RecipientRow[];
    return rows[0] ? recipientOf(rows[0]) : null;
  }
}
