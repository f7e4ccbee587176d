import type { Principal } from '@itsm/auth';
import type { RequestOrigin } from '../../domain/audit-event';
import { type FieldViolation, notFound, throwIfInvalid } from '../../domain/identity-error';
import { afterFailedSignIn, isLocked, type LockoutPolicy } from '../../domain/lockout';
import { passwordViolations } from '../../domain/password-policy';
import { actorOf, auditEvent } from '../audit-events';
import type { SessionActivityCache } from '../authenticate/session-activity-cache';
import { accountLocked, forbidden } from '../identity-errors';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type { IdentityStore } from '../ports/identity-store';
import type { PasswordHasher } from '../ports/password-hasher';

export interface ChangePasswordCommand {
  principal: Principal;
  /** The session asking: it stays; every other session of the user ends. */
  sessionId: string | undefined;
  currentPassword: string;
  newPassword: string;
  origin: RequestOrigin;
}

/**
 * A user changes their own password, proving the current one (ASVS 2.1.5, 3.3.3). Wrong current
 * passwords count towards the sign-in lock, so a stolen access token cannot guess it.
 */
export class ChangePasswordUseCase {
  constructor(
    private readonly store: IdentityStore,
    private readonly hasher: PasswordHasher,
    private readonly activity: SessionActivityCache,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly lockout: LockoutPolicy,
  ) {}

  async execute(command: ChangePasswordCommand): Promise<void> {
    if (command.principal.kind !== 'user')
      throw forbidden('service accounts have API keys, not passwords');
    const user = await this.store.users.findById(command.principal.id);
    if (!user) throw notFound(`user ${command.principal.id}`);
    if (isLocked(user, this.clock.now())) throw accountLocked();
    const matches =
      user.passwordHash !== null &&
      (await this.hasher.verify(command.currentPassword, user.passwordHash));
    const violations: FieldViolation[] = [];
    if (!matches)
      violations.push({ field: 'currentPassword', message: 'is not your current password' });
    for (const message of passwordViolations(command.newPassword, user.email))
      violations.push({ field: 'newPassword', message });
    if (command.newPassword === command.currentPassword)
      violations.push({ field: 'newPassword', message: 'must differ from the current password' });
    if (!matches) await this.recordFailure(command);
    throwIfInvalid('the password was not changed', violations);
    const passwordHash = await this.hasher.hash(command.newPassword);
    const ended = await this.store.transaction(async ({ users, sessions, audit }) => {
      const current = await users.findByIdForUpdate(user.id);
      if (!current) throw notFound(`user ${user.id}`);
      const now = this.clock.now();
      await users.update({ ...current, passwordHash, updatedAt: now }, current.version);
      const endedSessions = await sessions.revokeAllOfUser(
        user.id,
        'password_changed',
        now,
        command.sessionId ?? null,
      );
      await audit.record(
        auditEvent(this.ids, now, {
          actor: actorOf(command.principal),
          action: 'user.password_changed',
          target: { type: 'user', id: user.id },
          outcome: 'success',
          origin: command.origin,
          details: { endedSessions: endedSessions.length },
        }),
      );
      return endedSessions;
    });
    this.activity.forget(ended);
  }

  private async recordFailure(command: ChangePasswordCommand): Promise<void> {
    const locked = await this.store.transaction(async ({ users, audit }) => {
      const current = await users.findByIdForUpdate(command.principal.id);
      if (!current) return false;
      const now = this.clock.now();
      const next = afterFailedSignIn(current, this.lockout, now);
      await users.saveSignInState(current.id, next);
      await audit.record(
        auditEvent(this.ids, now, {
          actor: actorOf(command.principal),
          action: 'user.password_changed',
          target: { type: 'user', id: current.id },
          outcome: 'failure',
          origin: command.origin,
          details: { reason: 'wrong_current_password', locked: next.lockedNow },
        }),
      );
      return next.lockedNow;
    });
    if (locked) throw accountLocked();
  }
}
