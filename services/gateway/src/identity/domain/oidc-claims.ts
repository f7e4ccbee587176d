import { isRole, ROLES, type Role } from '@itsm/auth';

/** The value at a dotted path of a token's claims (`realm_access.roles`), or undefined. */
export function claimAt(claims: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = claims;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    if (!Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * The roles an external provider grants: the known role names of its roles claim (a list, or
 * a space- or comma-separated string), anything else ignored. Undefined when the claim is
 * absent or not a list, so the local user's roles apply; a claim naming none of our roles
 * makes a requester, the least a signed-in person is.
 */
export function rolesOfClaim(value: unknown): Role[] | undefined {
  let names: unknown[];
  if (Array.isArray(value)) names = value;
  else if (typeof value === 'string') names = value.split(/[\s,]+/);
  else return undefined;
  const known = new Set(
    names.filter((name): name is string => typeof name === 'string').filter(isRole),
  );
  const roles = ROLES.filter((role) => known.has(role));
  return roles.length > 0 ? roles : ['requester'];
}
