import type { EntityManager } from 'typeorm';
import type { Recipient } from '../application/ports/recipient';

/** Keeps each person's newest directory entry; older or repeated versions change nothing. */
export class SqlRecipientDirectory {
  constructor(private readonly manager: EntityManager) {}

  async save(recipient: Recipient): Promise<void> {
    await this.manager.query(
      `INSERT INTO recipients
         (user_id, email, display_name, language, time_zone, roles, organization_id, active, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
       ON CONFLICT (user_id) DO UPDATE SET
         email = EXCLUDED.email, display_name = EXCLUDED.display_name,
         language = EXCLUDED.language, time_zone = EXCLUDED.time_zone, roles = EXCLUDED.roles,
         organization_id = EXCLUDED.organization_id, active = EXCLUDED.active,
         version = EXCLUDED.version, updated_at = now()
       WHERE recipients.version < EXCLUDED.version`,
      [
        recipient.userId,
        recipient.email,
        recipient.displayName,
        recipient.language,
        recipient.timeZone,
        recipient.roles,
        recipient.organizationId,
        recipient.active,
        recipient.version,
      ],
    );
  }
}
