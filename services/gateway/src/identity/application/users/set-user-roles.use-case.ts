import { type Principal, ROLES, type Role } from '@itsm/auth';
import type { RequestOrigin } from '../../domain/audit-event';
import { notFound } from '../../domain/identity-error';
import { type User, uniqueRoles } from '../../domain/user';
import { actorOf, auditEvent } from '../audit-events';
import { forbidden, versionConflict } from '../identity-errors';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type { IdentityStore } from '../ports/identity-store';
import { assertMayAdminister } from './user-changes';

export interface SetUserRolesCommand {
  actor: Principal;
  userId: string;
  roles: Role[];
  expectedVersion: number | undefined;
  origin: RequestOrigin;
}

/**
 * Replaces a user's roles. Their next token carries them (access tokens live minutes); nobody
 * changes their own roles, so an administrator cannot lock the platform out by mistake.
 */
export class SetUserRolesUseCase {
  constructor(
    private readonly store: IdentityStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  execute(command: SetUserRolesCommand): Promise<User> {
    const roles = uniqueRoles(command.roles, ROLES);
    return this.store.transaction(async ({ users, audit, directory }) => {
      const current = await users.findByIdForUpdate(command.userId);
      if (!current) throw notFound(`user ${command.userId}`);
      if (command.expectedVersion !== undefined && command.expectedVersion !== current.version)
        throw versionConflict(current.version);
      if (command.actor.id === current.id) throw forbidden('you cannot change your own roles');
      assertMayAdminister(command.actor, current.roles, roles);
      const now = this.clock.now();
      const saved = await users.update({ ...current, roles, updatedAt: now }, current.version);
      if (!saved) throw versionConflict(current.version);
      await directory.userChanged(saved, now);
      await audit.record(
        auditEvent(this.ids, now, {
          actor: actorOf(command.actor),
          action: 'user.roles_changed',
          target: { type: 'user', id: current.id },
          outcome: 'success',
          origin: command.origin,
          details: { before: current.roles, after: roles },
        }),
      );
      return saved;
    });
  }
}
