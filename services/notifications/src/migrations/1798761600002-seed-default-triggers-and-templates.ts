import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_TEMPLATES } from '../domain/default-templates';
import { DEFAULT_TRIGGERS } from '../domain/notification-trigger';

/**
 * Who is told what out of the box, in Russian and English. Later changes are data; a
 * platform that already has a trigger or template keeps its own.
 */
export class SeedDefaultTriggersAndTemplates1798761600002 implements MigrationInterface {
  name = 'SeedDefaultTriggersAndTemplates1798761600002';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of DEFAULT_TRIGGERS) {
      await queryRunner.query(
        `INSERT INTO notification_triggers (key, event_type, audiences, channels, template_key, importance, enabled)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (key) DO NOTHING`,
        [
          trigger.key,
          trigger.eventType,
          trigger.audiences,
          trigger.channels,
          trigger.templateKey,
          trigger.importance,
          trigger.enabled,
        ],
      );
    }
    for (const template of DEFAULT_TEMPLATES) {
      await queryRunner.query(
        `INSERT INTO notification_templates (key, locale, subject, body_text, body_html)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key, locale) DO NOTHING`,
        [template.key, template.locale, template.subject, template.bodyText, template.bodyHtml],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM notification_templates WHERE key = ANY($1)`, [
      DEFAULT_TEMPLATES.map(({ key }) => key),
    ]);
    await queryRunner.query(`DELETE FROM notification_triggers WHERE key = ANY($1)`, [
      DEFAULT_TRIGGERS.map(({ key }) => key),
    ]);
  }
}
