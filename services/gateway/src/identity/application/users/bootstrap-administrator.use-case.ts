import { NO_ORIGIN, SYSTEM_ACTOR } from '../../domain/audit-event';
import { passwordViolations } from '../../domain/password-policy';
import { DEFAULT_LANGUAGE, DEFAULT_TIME_ZONE, normalizeEmail, type User } from '../../domain/user';
import { auditEvent } from '../audit-events';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type { IdentityStore } from '../ports/identity-store';
import type { PasswordHasher } from '../ports/password-hasher';
import { userIdTaken } from './user-changes';

/**
 * The first administrator of a new installation, from the configuration. Idempotent: nothing
 * happens when an account with the address exists (its password is never overwritten), also
 * when several replicas start at once.
 */
export class BootstrapAdministratorUseCase {
  constructor(
    private readonly store: IdentityStore,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(settings: { email: string; password: string }): Promise<'created' | 'exists'> {
    const email = normalizeEmail(settings.email);
    if (await this.store.users.findByEmail(email)) return 'exists';
    const violations = passwordViolations(settings.password, email);
    if (violations.length > 0)
      throw new Error(`AUTH_BOOTSTRAP_ADMIN_PASSWORD ${violations.join('; ')}`);
    const now = this.clock.now();
    const user: User = {
      id: this.ids.newId(),
      email,
      displayName: 'Administrator',
      passwordHash: await this.hasher.hash(settings.password),
      roles: ['administrator'],
      organizationId: null,
      organizationWide: false,
      language: DEFAULT_LANGUAGE,
      timeZone: DEFAULT_TIME_ZONE,
      status: 'active',
      failedSignIns: 0,
      lockedUntil: null,
      lastSignInAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    return this.store.transaction(async ({ users, audit, directory }) => {
      const inserted = await users.insert(user);
      if (inserted === 'email-taken') return 'exists';
      // A fresh UUIDv7 is never taken; if it were, the administrator must not count as there.
      if (inserted === 'id-taken') throw userIdTaken();
      await directory.userChanged(user, now);
      await audit.record(
        auditEvent(this.ids, now, {
          actor: SYSTEM_ACTOR,
          action: 'user.bootstrapped',
          target: { type: 'user', id: user.id },
          outcome: 'success',
          origin: NO_ORIGIN,
          details: { email, roles: user.roles },
        }),
      );
      return 'created';
    });
  }
}
