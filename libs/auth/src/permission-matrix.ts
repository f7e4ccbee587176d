import type { Permission } from './permissions';
import type { IntegrationScope, Role } from './roles';

const REQUESTER: readonly Permission[] = [
  'tickets.read',
  'tickets.create',
  'tickets.comment',
  'tickets.rate',
  'tickets.transition_own',
  'catalog.read',
  'knowledge.read',
  'knowledge.feedback',
  'notifications.read_own',
];

const AGENT: readonly Permission[] = [
  ...REQUESTER,
  'tickets.create_on_behalf',
  'tickets.note',
  'tickets.read_internal',
  'tickets.work',
  'tickets.escalate',
  'views.use',
  'settings.read',
  'sla.read',
  'knowledge.read_internal',
  'knowledge.write',
  'routing.read',
  'routing.classify',
  'routing.availability_own',
  'cmdb.read',
];

const SPECIALIST: readonly Permission[] = [...AGENT, 'cmdb.write'];

const SUPERVISOR: readonly Permission[] = [
  ...SPECIALIST,
  'tickets.read_all',
  'tickets.bulk',
  'tickets.approve',
  'tickets.report',
  'sla.report',
  'knowledge.publish',
  'knowledge.report',
  'routing.manage_agents',
  'notifications.read_log',
  'identity.users.read',
];

const SERVICE_DESK_MANAGER: readonly Permission[] = [
  ...SUPERVISOR,
  'catalog.manage',
  'settings.manage',
  'sla.manage',
  'routing.manage',
  'cmdb.import',
  'notifications.manage',
  'identity.users.manage',
  'identity.audit.read',
];

const ADMINISTRATOR: readonly Permission[] = [
  ...SERVICE_DESK_MANAGER,
  'cmdb.manage_types',
  // Subscriptions send every event to outside systems: the platform's owners decide where.
  'webhooks.manage',
  'identity.roles.assign',
  'identity.api_keys.manage',
  'identity.organizations.manage',
];

/** The one place that says which role may do what. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  requester: new Set(REQUESTER),
  agent: new Set(AGENT),
  specialist: new Set(SPECIALIST),
  supervisor: new Set(SUPERVISOR),
  service_desk_manager: new Set(SERVICE_DESK_MANAGER),
  administrator: new Set(ADMINISTRATOR),
};

/**
 * What an API key's scope allows. Integrations act for the people they represent (a mail
 * gateway files tickets for their senders), so `tickets:write` may name another actor.
 */
export const SCOPE_PERMISSIONS: Readonly<Record<IntegrationScope, ReadonlySet<Permission>>> = {
  'tickets:read': new Set([
    'tickets.read',
    'tickets.read_all',
    'tickets.read_internal',
    'tickets.report',
    'views.use',
  ]),
  'tickets:write': new Set([
    'tickets.create',
    'tickets.create_on_behalf',
    'tickets.act_on_behalf',
    'tickets.comment',
    'tickets.note',
    'tickets.work',
    'tickets.bulk',
    'tickets.escalate',
    'tickets.approve',
    'tickets.rate',
    'tickets.transition_own',
  ]),
  'catalog:read': new Set(['catalog.read']),
  'catalog:write': new Set(['catalog.read', 'catalog.manage']),
  'knowledge:read': new Set(['knowledge.read', 'knowledge.read_internal', 'knowledge.report']),
  'knowledge:write': new Set([
    'knowledge.read',
    'knowledge.read_internal',
    'knowledge.feedback',
    'knowledge.write',
    'knowledge.publish',
  ]),
  'sla:read': new Set(['sla.read', 'sla.report']),
  'sla:write': new Set(['sla.read', 'sla.manage']),
  'routing:read': new Set(['routing.read', 'routing.classify']),
  'routing:write': new Set([
    'routing.read',
    'routing.classify',
    'routing.availability_own',
    'routing.manage_agents',
    'routing.manage',
  ]),
  'cmdb:read': new Set(['cmdb.read']),
  'cmdb:write': new Set(['cmdb.read', 'cmdb.write', 'cmdb.import', 'cmdb.manage_types']),
  'settings:write': new Set(['settings.read', 'settings.manage']),
  'notifications:read': new Set(['notifications.read_log']),
  'webhooks:manage': new Set(['webhooks.manage']),
  'identity:admin': new Set([
    'identity.users.read',
    'identity.users.manage',
    'identity.roles.assign',
    'identity.api_keys.manage',
    'identity.organizations.manage',
    'identity.audit.read',
  ]),
};

/** The union of what the given roles and scopes allow. */
export function permissionsOf(
  roles: readonly Role[],
  scopes: readonly IntegrationScope[] = [],
): ReadonlySet<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles)
    for (const permission of ROLE_PERMISSIONS[role]) granted.add(permission);
  for (const scope of scopes)
    for (const permission of SCOPE_PERMISSIONS[scope]) granted.add(permission);
  return granted;
}
