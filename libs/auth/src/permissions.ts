/**
 * Everything a caller may be allowed to do, named `<area>.<action>`. Routes require one
 * permission each; roles and integration scopes are sets of them (see `permission-matrix.ts`).
 */
export const PERMISSIONS = [
  // Tickets: reading is scoped further by `ticketAccessOf` (own, organisation, groups, all).
  'tickets.read',
  'tickets.read_all',
  'tickets.create',
  'tickets.create_on_behalf',
  'tickets.act_on_behalf',
  'tickets.comment',
  'tickets.note',
  'tickets.read_internal',
  'tickets.work',
  'tickets.bulk',
  'tickets.escalate',
  'tickets.approve',
  'tickets.rate',
  'tickets.transition_own',
  // Service desk performance: volumes, response and resolution times, satisfaction.
  'tickets.report',
  'views.use',
  'catalog.read',
  'catalog.manage',
  'settings.read',
  'settings.manage',
  'sla.read',
  'sla.report',
  'sla.manage',
  'knowledge.read',
  'knowledge.read_internal',
  'knowledge.feedback',
  'knowledge.write',
  'knowledge.publish',
  'knowledge.report',
  'routing.read',
  'routing.classify',
  'routing.availability_own',
  'routing.manage_agents',
  'routing.manage',
  'cmdb.read',
  'cmdb.write',
  'cmdb.import',
  'cmdb.manage_types',
  // Notifications: `read_own` is what reaches the caller themselves, never somebody else's.
  'notifications.read_own',
  'notifications.manage',
  'notifications.read_log',
  'webhooks.manage',
  'identity.users.read',
  'identity.users.manage',
  'identity.roles.assign',
  'identity.api_keys.manage',
  'identity.organizations.manage',
  'identity.audit.read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
