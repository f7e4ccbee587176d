import type { Permission, Role } from '@itsm/auth';

/** Roles that run the service desk or the platform: only holders of identity.roles.assign touch them. */
export const ELEVATED_ROLES: readonly Role[] = ['service_desk_manager', 'administrator'];

export function isElevatedRole(role: Role): boolean {
  return ELEVATED_ROLES.includes(role);
}

/**
 * Who may administer a user. The rule, in one place:
 * - requesters and staff up to supervisor are created, edited and given their roles by anyone
 *   with identity.users.manage (a service desk manager);
 * - a user who holds, or is to hold, service_desk_manager or administrator is administered only
 *   with identity.roles.assign (an administrator), so a manager can neither promote anybody to
 *   their own level nor change an administrator.
 */
export function mayAdministerUser(
  caller: ReadonlySet<Permission>,
  currentRoles: readonly Role[],
  nextRoles: readonly Role[] = currentRoles,
): boolean {
  if ([...currentRoles, ...nextRoles].some(isElevatedRole))
    return caller.has('identity.roles.assign');
  return caller.has('identity.users.manage') || caller.has('identity.roles.assign');
}
