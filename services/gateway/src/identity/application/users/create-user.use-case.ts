import { type Principal, ROLES, type Role } from '@itsm/auth';
import type { RequestOrigin } from '../../domain/audit-event';
import { type FieldViolation, throwIfInvalid } from '../../domain/identity-error';
import { passwordViolations } from '../../domain/password-policy';
import {
  isUserId,
  type Language,
  normalizeEmail,
  type User,
  uniqueRoles,
  USER_ID_RULE,
} from '../../domain/user';
import { actorOf, auditEvent } from '../audit-events';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/id-generator';
import type { IdentityStore } from '../ports/identity-store';
import type { PasswordHasher } from '../ports/password-hasher';
import { assertMayAdminister, emailTaken, userFieldViolations, userIdTaken } from './user-changes';

export interface CreateUserCommand {
  actor: Principal;
  /** The id other systems know the person by (a directory import); null: a new UUID. */
  id: string | null;
  email: string;
  displayName: string;
  /** Null: the person signs in through an external provider only. */
  password: string | null;
  roles: Role[];
  organizationId: string | null;
  organizationWide: boolean;
  language: Language;
  timeZone: string;
  origin: RequestOrigin;
}

/** An account created by a manager or an administrator. */
export class CreateUserUseCase {
  constructor(
    private readonly store: IdentityStore,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async execute(command: CreateUserCommand): Promise<User> {
    const roles = uniqueRoles(command.roles, ROLES);
    assertMayAdminister(command.actor, [], roles);
    const email = normalizeEmail(command.email);
    const violations: FieldViolation[] = await userFieldViolations(this.store.organizations, {
      timeZone: command.timeZone,
      organizationId: command.organizationId,
    });
    if (command.id !== null && !isUserId(command.id))
      violations.push({ field: 'id', message: `must be ${USER_ID_RULE}` });
    if (command.password !== null)
      for (const message of passwordViolations(command.password, email))
        violations.push({ field: 'password', message });
    throwIfInvalid('the user is invalid', violations);
    const passwordHash =
      command.password === null ? null : await this.hasher.hash(command.password);
    const now = this.clock.now();
    const user: User = {
      id: command.id ?? this.ids.newId(),
      email,
      displayName: command.displayName.trim(),
      passwordHash,
      roles,
      organizationId: command.organizationId,
      organizationWide: command.organizationWide,
      language: command.language,
      timeZone: command.timeZone,
      status: 'active',
      failedSignIns: 0,
      lockedUntil: null,
      lastSignInAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await this.store.transaction(async ({ users, audit, directory }) => {
      const inserted = await users.insert(user);
      if (inserted === 'email-taken') throw emailTaken();
      if (inserted === 'id-taken') throw userIdTaken();
      await directory.userChanged(user, now);
      await audit.record(
        auditEvent(this.ids, now, {
          actor: actorOf(command.actor),
          action: 'user.created',
          target: { type: 'user', id: user.id },
          outcome: 'success',
          origin: command.origin,
          details: {
            email,
            roles,
            organizationId: user.organizationId,
            withPassword: passwordHash !== null,
            idGiven: command.id !== null,
          },
        }),
      );
    });
    return user;
  }
}
