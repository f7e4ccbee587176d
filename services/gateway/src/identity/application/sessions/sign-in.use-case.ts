import { assertUnreachable } from '@itsm/lang';
import { ANONYMOUS_ACTOR, type RequestOrigin } from '../../domain/audit-event';
import {
  afterFailedSignIn,
  afterSuccessfulSignIn,
  isLocked,
  type LockoutPolicy,
} from '../../domain/lockout';
import { normalizeEmail, type User } from '../../domain/user';
import { auditEvent } from '../audit-events';
import { accountLocked, invalidCredentials } from '../identity-errors';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type { IdentityStore } from '../ports/identity-store';
import type { PasswordHasher } from '../ports/password-hasher';
import type { IssuedTokens, SessionTokens } from './session-tokens';

export interface SignInCommand {
  email: string;
  password: string;
  origin: RequestOrigin;
}

type Outcome = { kind: 'signed-in'; user: User } | { kind: 'invalid' } | { kind: 'locked' };

/**
 * Email and password sign-in (ASVS 2.2): the same answer for an unknown email, a wrong password
 * and a disabled account, a password hash computed in every case so the answer takes as long,
 * and a lock after too many failures in a row.
 */
export class SignInUseCase {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly store: IdentityStore,
    private readonly hasher: PasswordHasher,
    private readonly sessionTokens: SessionTokens,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly lockout: LockoutPolicy,
  ) {}

  async execute(command: SignInCommand): Promise<IssuedTokens> {
    const email = normalizeEmail(command.email);
    const user = await this.store.users.findByEmail(email);
    if (!user?.passwordHash) {
      await this.hasher.verify(command.password, await this.hashOfNothing());
      await this.store.audit.record(
        auditEvent(this.ids, this.clock.now(), {
          actor: ANONYMOUS_ACTOR,
          action: 'auth.sign_in.failed',
          target: user ? { type: 'user', id: user.id } : null,
          outcome: 'failure',
          origin: command.origin,
          details: { email, reason: user ? 'no_password' : 'unknown_email' },
        }),
      );
      throw invalidCredentials();
    }
    // The slow part runs before the row is locked, so guesses at one account do not queue
    // database connections behind each other.
    const passwordMatches = await this.hasher.verify(command.password, user.passwordHash);
    const sessionId = this.ids.newId();
    const outcome = await this.store.transaction(async ({ users, audit }): Promise<Outcome> => {
      const current = await users.findByIdForUpdate(user.id);
      if (!current) return { kind: 'invalid' };
      const now = this.clock.now();
      const record = (
        action: 'auth.sign_in.failed' | 'auth.sign_in.locked' | 'auth.sign_in.succeeded',
        details: Record<string, unknown>,
      ) =>
        audit.record(
          auditEvent(this.ids, now, {
            actor:
              action === 'auth.sign_in.succeeded' ? { kind: 'user', id: user.id } : ANONYMOUS_ACTOR,
            action,
            target: { type: 'user', id: user.id },
            outcome: action === 'auth.sign_in.succeeded' ? 'success' : 'failure',
            origin: command.origin,
            details,
          }),
        );
      if (isLocked(current, now)) {
        await record('auth.sign_in.locked', { lockedUntil: current.lockedUntil?.toISOString() });
        return { kind: 'locked' };
      }
      if (!passwordMatches) {
        const next = afterFailedSignIn(current, this.lockout, now);
        await users.saveSignInState(current.id, next);
        if (next.lockedNow) {
          await record('auth.sign_in.locked', {
            lockedUntil: next.lockedUntil?.toISOString(),
            reason: 'too_many_failures',
          });
          return { kind: 'locked' };
        }
        await record('auth.sign_in.failed', {
          reason: 'wrong_password',
          failedSignIns: next.failedSignIns,
        });
        return { kind: 'invalid' };
      }
      if (current.status !== 'active') {
        await record('auth.sign_in.failed', { reason: 'disabled' });
        return { kind: 'invalid' };
      }
      const attempts = afterSuccessfulSignIn();
      await users.saveSignInState(current.id, attempts, now);
      await record('auth.sign_in.succeeded', { sessionId });
      return { kind: 'signed-in', user: { ...current, ...attempts, lastSignInAt: now } };
    });
    switch (outcome.kind) {
      case 'locked':
        throw accountLocked();
      case 'invalid':
        throw invalidCredentials();
      case 'signed-in':
        return this.sessionTokens.start(outcome.user, sessionId);
      default:
        return assertUnreachable(outcome, 'sign-in outcome');
    }
  }

  /** A real hash of a random password, checked when there is no account to check against. */
  private hashOfNothing(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(`no account ${this.ids.newId()}`);
    return this.dummyHash;
  }
}
