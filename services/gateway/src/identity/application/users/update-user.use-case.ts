import type { Principal } from '@itsm/auth';
import type { RequestOrigin } from '../../domain/audit-event';
import { notFound, throwIfInvalid } from '../../domain/identity-error';
import type { Language, User, UserStatus } from '../../domain/user';
import { actorOf, auditEvent } from '../audit-events';
import type { SessionActivityCache } from '../authenticate/session-activity-cache';
import { forbidden, versionConflict } from '../identity-errors';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type { IdentityStore } from '../ports/identity-store';
import { assertMayAdminister, userFieldViolations } from './user-changes';

export interface UserChanges {
  displayName?: string;
  language?: Language;
  timeZone?: string;
  status?: UserStatus;
  organizationId?: string | null;
  organizationWide?: boolean;
}

export interface UpdateUserCommand {
  actor: Principal;
  userId: string;
  /** From If-Match; undefined applies the change to what is stored now. */
  expectedVersion: number | undefined;
  changes: UserChanges;
  origin: RequestOrigin;
}

/** Edits a user's profile and status; disabling ends every session of theirs. */
export class UpdateUserUseCase {
  constructor(
    private readonly store: IdentityStore,
    private readonly activity: SessionActivityCache,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(command: UpdateUserCommand): Promise<User> {
    const { changes } = command;
    const { user, endedSessions } = await this.store.transaction(async (repositories) => {
      const { users, sessions, audit, organizations, directory } = repositories;
      const current = await users.findByIdForUpdate(command.userId);
      if (!current) throw notFound(`user ${command.userId}`);
      if (command.expectedVersion !== undefined && command.expectedVersion !== current.version)
        throw versionConflict(current.version);
      assertMayAdminister(command.actor, current.roles);
      if (command.actor.id === current.id && changes.status === 'disabled')
        throw forbidden('you cannot disable your own account');
      throwIfInvalid('the user is invalid', await userFieldViolations(organizations, changes));
      const now = this.clock.now();
      const next: User = {
        ...current,
        ...definedOf(changes),
        displayName: changes.displayName?.trim() ?? current.displayName,
        updatedAt: now,
      };
      const saved = await users.update(next, current.version);
      if (!saved) throw versionConflict(current.version);
      await directory.userChanged(saved, now);
      const disabling = current.status === 'active' && saved.status === 'disabled';
      const ended = disabling
        ? await sessions.revokeAllOfUser(current.id, 'user_disabled', now, null)
        : [];
      await audit.record(
        auditEvent(this.ids, now, {
          actor: actorOf(command.actor),
          action: 'user.updated',
          target: { type: 'user', id: current.id },
          outcome: 'success',
          origin: command.origin,
          details: { changes: definedOf(changes), endedSessions: ended.length },
        }),
      );
      return { user: saved, endedSessions: ended };
    });
    this.activity.forget(endedSessions);
    return user;
  }
}

/** The fields a client sent; absent ones stay as they are. */
function definedOf(changes: UserChanges): UserChanges {
  return Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  ) as UserChanges;
}
