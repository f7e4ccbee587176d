/**
 * How a service desk divides work: requesters file and follow their tickets; the 1st line
 * (agents) takes them in; specialists (2nd/3rd line) solve what the 1st line cannot;
 * supervisors run groups; the service desk manager owns the process; administrators the platform.
 */
export const ROLES = [
  'requester',
  'agent',
  'specialist',
  'supervisor',
  'service_desk_manager',
  'administrator',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles that work tickets rather than file them. */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'requester');

/**
 * What an API key may be given: integrations ask for areas, not roles. Each scope is a set of
 * permissions (see `permission-matrix.ts`).
 */
export const INTEGRATION_SCOPES = [
  'tickets:read',
  'tickets:write',
  'catalog:read',
  'catalog:write',
  'knowledge:read',
  'knowledge:write',
  'sla:read',
  'sla:write',
  'routing:read',
  'routing:write',
  'cmdb:read',
  'cmdb:write',
  'settings:write',
  'notifications:read',
  'webhooks:manage',
  'identity:admin',
] as const;

export type IntegrationScope = (typeof INTEGRATION_SCOPES)[number];

export function isIntegrationScope(value: string): value is IntegrationScope {
  return (INTEGRATION_SCOPES as readonly string[]).includes(value);
}
