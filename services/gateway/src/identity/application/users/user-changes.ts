import type { Principal, Role } from '@itsm/auth';
import { type FieldViolation, IdentityError, IdentityErrorCode } from '../../domain/identity-error';
import { mayAdministerUser } from '../../domain/role-grant';
import { isTimeZone } from '../../domain/user';
import { forbidden } from '../identity-errors';
import type { OrganizationRepository } from '../ports/identity-store';

/** Refuses a caller who may not administer a user with these roles (see `mayAdministerUser`). */
export function assertMayAdminister(
  actor: Principal,
  currentRoles: readonly Role[],
  nextRoles: readonly Role[] = currentRoles,
): void {
  if (!mayAdministerUser(actor.permissions, currentRoles, nextRoles))
    throw forbidden(
      'service desk managers and administrators are created and changed only with identity.roles.assign',
    );
}

/** Checks the time zone and the organisation a user is to have. */
export async function userFieldViolations(
  organizations: OrganizationRepository,
  fields: { timeZone?: string | undefined; organizationId?: string | null | undefined },
): Promise<FieldViolation[]> {
  const violations: FieldViolation[] = [];
  if (fields.timeZone !== undefined && !isTimeZone(fields.timeZone))
    violations.push({ field: 'timeZone', message: `${fields.timeZone} is not an IANA time zone` });
  if (fields.organizationId && !(await organizations.findById(fields.organizationId)))
    violations.push({
      field: 'organizationId',
      message: `organization ${fields.organizationId} does not exist`,
    });
  return violations;
}

export function emailTaken(): IdentityError {
  return new IdentityError(IdentityErrorCode.AlreadyExists, 'a user with this email exists', [
    { field: 'email', message: 'is taken' },
  ]);
}

export function userIdTaken(): IdentityError {
  return new IdentityError(IdentityErrorCode.AlreadyExists, 'a user with this id exists', [
    { field: 'id', message: 'is taken' },
  ]);
}
