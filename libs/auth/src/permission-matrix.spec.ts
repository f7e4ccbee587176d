import { permissionsOf, ROLE_PERMISSIONS, SCOPE_PERMISSIONS } from './permission-matrix';
import { type Permission, PERMISSIONS } from './permissions';
import { INTEGRATION_SCOPES, type IntegrationScope, ROLES, type Role } from './roles';

type Cell = [Role, Permission, boolean];

// The cells that matter: what each role must be able to do for its work, and what it must not.
const cells: Cell[] = [
  ['requester', 'tickets.read', true],
  ['requester', 'tickets.create', true],
  ['requester', 'tickets.comment', true],
  ['requester', 'tickets.rate', true],
  ['requester', 'tickets.transition_own', true],
  ['requester', 'catalog.read', true],
  ['requester', 'knowledge.read', true],
  ['requester', 'tickets.note', false],
  ['requester', 'tickets.read_internal', false],
  ['requester', 'tickets.read_all', false],
  ['requester', 'tickets.work', false],
  ['requester', 'tickets.create_on_behalf', false],
  ['requester', 'tickets.act_on_behalf', false],
  ['requester', 'views.use', false],
  ['requester', 'cmdb.read', false],
  ['requester', 'routing.read', false],
  ['requester', 'sla.read', false],
  ['requester', 'knowledge.write', false],
  ['requester', 'knowledge.read_internal', false],
  ['agent', 'knowledge.read_internal', true],
  ['requester', 'identity.users.read', false],
  ['agent', 'tickets.work', true],
  ['agent', 'tickets.note', true],
  ['agent', 'tickets.read_internal', true],
  ['agent', 'tickets.create_on_behalf', true],
  ['agent', 'tickets.escalate', true],
  ['agent', 'views.use', true],
  ['agent', 'knowledge.write', true],
  ['agent', 'routing.availability_own', true],
  ['agent', 'cmdb.read', true],
  ['agent', 'tickets.read_all', false],
  ['agent', 'tickets.act_on_behalf', false],
  ['agent', 'tickets.bulk', false],
  ['agent', 'cmdb.write', false],
  ['agent', 'knowledge.publish', false],
  ['agent', 'routing.manage_agents', false],
  ['agent', 'routing.manage', false],
  ['agent', 'catalog.manage', false],
  ['agent', 'identity.users.read', false],
  ['specialist', 'cmdb.write', true],
  ['specialist', 'tickets.read_all', false],
  ['specialist', 'cmdb.import', false],
  ['specialist', 'knowledge.publish', false],
  ['supervisor', 'tickets.read_all', true],
  ['supervisor', 'tickets.bulk', true],
  ['supervisor', 'tickets.approve', true],
  ['supervisor', 'knowledge.publish', true],
  ['supervisor', 'routing.manage_agents', true],
  ['supervisor', 'sla.report', true],
  ['supervisor', 'tickets.report', true],
  ['agent', 'tickets.report', false],
  ['supervisor', 'routing.manage', false],
  ['supervisor', 'sla.manage', false],
  ['supervisor', 'catalog.manage', false],
  ['supervisor', 'identity.users.manage', false],
  ['supervisor', 'identity.audit.read', false],
  ['service_desk_manager', 'routing.manage', true],
  ['service_desk_manager', 'sla.manage', true],
  ['service_desk_manager', 'catalog.manage', true],
  ['service_desk_manager', 'settings.manage', true],
  ['service_desk_manager', 'cmdb.import', true],
  ['service_desk_manager', 'identity.users.manage', true],
  ['service_desk_manager', 'identity.audit.read', true],
  ['service_desk_manager', 'identity.roles.assign', false],
  ['service_desk_manager', 'identity.api_keys.manage', false],
  ['service_desk_manager', 'cmdb.manage_types', false],
  ['administrator', 'identity.roles.assign', true],
  ['administrator', 'identity.api_keys.manage', true],
  ['administrator', 'identity.organizations.manage', true],
  ['administrator', 'cmdb.manage_types', true],
  // Administrators run the platform; acting as somebody else is for integrations only.
  ['administrator', 'tickets.act_on_behalf', false],
  // Everybody signed in reads their own notifications; the log and the rules are the desk's.
  ['requester', 'notifications.read_own', true],
  ['requester', 'notifications.read_log', false],
  ['requester', 'notifications.manage', false],
  ['requester', 'webhooks.manage', false],
  ['agent', 'notifications.read_own', true],
  ['agent', 'notifications.read_log', false],
  ['agent', 'notifications.manage', false],
  ['specialist', 'notifications.read_own', true],
  ['specialist', 'notifications.read_log', false],
  ['supervisor', 'notifications.read_own', true],
  ['supervisor', 'notifications.read_log', true],
  ['supervisor', 'notifications.manage', false],
  ['supervisor', 'webhooks.manage', false],
  ['service_desk_manager', 'notifications.read_log', true],
  ['service_desk_manager', 'notifications.manage', true],
  ['service_desk_manager', 'webhooks.manage', false],
  ['administrator', 'notifications.read_own', true],
  ['administrator', 'notifications.read_log', true],
  ['administrator', 'notifications.manage', true],
  ['administrator', 'webhooks.manage', true],
];

describe('permission matrix', () => {
  it.each(cells)('%s may %s: %s', (role, permission, allowed) => {
    expect(ROLE_PERMISSIONS[role].has(permission)).toBe(allowed);
  });

  it('lets each role do everything the role below it does', () => {
    for (let index = 1; index < ROLES.length; index += 1) {
      const lower = ROLE_PERMISSIONS[ROLES[index - 1] as Role];
      const higher = ROLE_PERMISSIONS[ROLES[index] as Role];
      expect([...lower].filter((permission) => !higher.has(permission))).toEqual([]);
    }
  });

  it('gives every permission to somebody, so no route is unreachable', () => {
    const granted = permissionsOf([...ROLES], [...INTEGRATION_SCOPES]);
    expect(PERMISSIONS.filter((permission) => !granted.has(permission))).toEqual([]);
  });

  it.each<[IntegrationScope, Permission, boolean]>([
    ['tickets:read', 'tickets.read_all', true],
    ['tickets:read', 'tickets.work', false],
    ['tickets:write', 'tickets.act_on_behalf', true],
    ['tickets:write', 'tickets.read', false],
    ['cmdb:read', 'cmdb.write', false],
    ['knowledge:read', 'knowledge.write', false],
    ['identity:admin', 'identity.api_keys.manage', true],
    ['notifications:read', 'notifications.read_log', true],
    // An integration has no notifications of its own, and the rules stay with people.
    ['notifications:read', 'notifications.read_own', false],
    ['notifications:read', 'notifications.manage', false],
    ['notifications:read', 'webhooks.manage', false],
    ['webhooks:manage', 'webhooks.manage', true],
    ['webhooks:manage', 'notifications.manage', false],
    ['webhooks:manage', 'notifications.read_own', false],
  ])('scope %s grants %s: %s', (scope, permission, allowed) => {
    expect(SCOPE_PERMISSIONS[scope].has(permission)).toBe(allowed);
  });

  it('unites roles and scopes', () => {
    const permissions = permissionsOf(['requester'], ['cmdb:read']);
    expect(permissions.has('cmdb.read')).toBe(true);
    expect(permissions.has('tickets.create')).toBe(true);
    expect(permissions.has('cmdb.write')).toBe(false);
  });
});
