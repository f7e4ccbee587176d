import { z } from 'zod';
import { permissionsOf } from './permission-matrix';
import type { Permission } from './permissions';
import { INTEGRATION_SCOPES, type IntegrationScope, ROLES, type Role } from './roles';

/** Who is calling, as established by the gateway; what travels to the services. */
export interface PrincipalClaims {
  kind: 'user' | 'service_account';
  /** The user's or the service account's id; the actor of everything they change. */
  id: string;
  name: string;
  roles: Role[];
  scopes: IntegrationScope[];
  /** The customer organisation a requester belongs to; null for staff and internal employees. */
  organizationId: string | null;
  /** A requester who may follow all tickets of their organisation, not only their own. */
  organizationWide: boolean;
  /** Support groups the user works in: agents see the tickets of these groups. */
  groupIds: string[];
}

export interface Principal extends PrincipalClaims {
  permissions: ReadonlySet<Permission>;
}

export function principalOf(claims: PrincipalClaims): Principal {
  return { ...claims, permissions: permissionsOf(claims.roles, claims.scopes) };
}

export function can(principal: Principal, permission: Permission): boolean {
  return principal.permissions.has(permission);
}

export const principalClaimsSchema = z.strictObject({
  kind: z.enum(['user', 'service_account']),
  id: z.string().min(1).max(200),
  name: z.string().max(200),
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
  scopes: z.array(z.enum(INTEGRATION_SCOPES)).max(INTEGRATION_SCOPES.length),
  organizationId: z.string().min(1).max(200).nullable(),
  organizationWide: z.boolean(),
  groupIds: z.array(z.string().min(1).max(200)).max(1000),
});

/**
 * The platform itself acting (event consumers, maintenance commands, in-cluster jobs): sees
 * everything, acts as `system:<component>`.
 */
export function systemPrincipal(component: string): Principal {
  return principalOf({
    kind: 'service_account',
    id: `system:${component}`,
    name: component,
    roles: ['administrator'],
    scopes: ['tickets:read', 'tickets:write'],
    organizationId: null,
    organizationWide: false,
    groupIds: [],
  });
}
