import type { Principal } from '@itsm/auth';
import type { RequestOrigin } from '../../domain/audit-event';
import { notFound } from '../../domain/identity-error';
import { afterSuccessfulSignIn } from '../../domain/lockout';
import type { User } from '../../domain/user';
import { actorOf, auditEvent } from '../audit-events';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type { IdentityStore } from '../ports/identity-store';
import { assertMayAdminister } from './user-changes';

export interface UnlockUserCommand {
  actor: Principal;
  userId: string;
  origin: RequestOrigin;
}

/** Lifts a sign-in lock before it runs out and forgets the failures counted so far. */
export class UnlockUserUseCase {
  constructor(
    private readonly store: IdentityStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  execute(command: UnlockUserCommand): Promise<User> {
    return this.store.transaction(async ({ users, audit }) => {
      const current = await users.findByIdForUpdate(command.userId);
      if (!current) throw notFound(`user ${command.userId}`);
      assertMayAdminister(command.actor, current.roles);
      const attempts = afterSuccessfulSignIn();
      await users.saveSignInState(current.id, attempts);
      await audit.record(
        auditEvent(this.ids, this.clock.now(), {
          actor: actorOf(command.actor),
          action: 'user.unlocked',
          target: { type: 'user', id: current.id },
          outcome: 'success',
          origin: command.origin,
          details: {
            wasLockedUntil: current.lockedUntil?.toISOString() ?? null,
            failedSignIns: current.failedSignIns,
          },
        }),
      );
      return { ...current, ...attempts };
    });
  }
}
