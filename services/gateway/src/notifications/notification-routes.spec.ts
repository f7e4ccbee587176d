import type { Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import {
  type IntegrationScope,
  type Permission,
  permissionsOf,
  principalOf,
  type Role,
} from '@itsm/auth';
import { HttpProblemException } from '../problem/http-problem.exception';
import { accessOf, routesOf } from '../openapi/route-access';
import { recipientOf } from './notification-recipient';
import { NotificationsModule } from './notifications.module';

function joined(...parts: string[]): string {
  return `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;
}

/** `METHOD /path` of every route of the module, with the permission it requires. */
function routeTable(): Record<string, Permission | string> {
  const controllers = Reflect.getMetadata(
    MODULE_METADATA.CONTROLLERS,
    NotificationsModule,
  ) as Type[];
  const table: Record<string, Permission | string> = {};
  for (const controller of controllers) {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
    for (const route of routesOf(controller)) {
      const handler = (controller.prototype as Record<string, object>)[route.handler] as object;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string;
      const access = accessOf(route);
      table[`${method} ${joined(base, path)}`] =
        access.kind === 'permission' ? access.permission : access.kind;
    }
  }
  return table;
}

describe('the notification routes', () => {
  const table = routeTable();

  it('each require the permission of what they reach', () => {
    expect(table).toEqual({
      'GET /api/v1/notifications': 'notifications.read_own',
      'POST /api/v1/notifications/read': 'notifications.read_own',
      'GET /api/v1/me/notification-preferences': 'notifications.read_own',
      'PUT /api/v1/me/notification-preferences': 'notifications.read_own',
      'GET /api/v1/notification-triggers': 'notifications.manage',
      'PATCH /api/v1/notification-triggers/:key': 'notifications.manage',
      'GET /api/v1/notification-templates': 'notifications.manage',
      'GET /api/v1/notification-templates/:key/:locale': 'notifications.manage',
      'PUT /api/v1/notification-templates/:key/:locale': 'notifications.manage',
      'POST /api/v1/notification-templates/:key/:locale/preview': 'notifications.manage',
      'GET /api/v1/webhook-subscriptions': 'webhooks.manage',
      'POST /api/v1/webhook-subscriptions': 'webhooks.manage',
      'PATCH /api/v1/webhook-subscriptions/:id': 'webhooks.manage',
      'DELETE /api/v1/webhook-subscriptions/:id': 'webhooks.manage',
      'GET /api/v1/notification-deliveries': 'notifications.read_log',
      'GET /api/v1/notification-deliveries/:id': 'notifications.read_log',
      'POST /api/v1/notification-deliveries/:id/redeliver': 'webhooks.manage',
      'GET /api/v1/inbound-emails': 'notifications.read_log',
    });
  });

  const reachable = (roles: Role[], scopes: IntegrationScope[] = []) => {
    const granted = permissionsOf(roles, scopes);
    return Object.entries(table)
      .filter(([, permission]) => granted.has(permission as Permission))
      .map(([route]) => route)
      .sort();
  };

  it('let a requester read and mark their own notifications and set their preferences, only', () => {
    expect(reachable(['requester'])).toEqual([
      'GET /api/v1/me/notification-preferences',
      'GET /api/v1/notifications',
      'POST /api/v1/notifications/read',
      'PUT /api/v1/me/notification-preferences',
    ]);
  });

  it('let supervisors read the logs, managers change triggers and templates, administrators all', () => {
    const logs = [
      'GET /api/v1/inbound-emails',
      'GET /api/v1/notification-deliveries',
      'GET /api/v1/notification-deliveries/:id',
    ];
    expect(reachable(['supervisor'])).toEqual(expect.arrayContaining(logs));
    expect(reachable(['supervisor'])).toHaveLength(4 + logs.length);
    expect(reachable(['service_desk_manager'])).toHaveLength(4 + logs.length + 6);
    expect(reachable(['administrator'])).toEqual(Object.keys(table).sort());
  });

  it('let integrations read the logs, or manage webhooks, by scope; never a person’s own', () => {
    expect(reachable([], ['notifications:read'])).toEqual([
      'GET /api/v1/inbound-emails',
      'GET /api/v1/notification-deliveries',
      'GET /api/v1/notification-deliveries/:id',
    ]);
    expect(reachable([], ['webhooks:manage'])).toEqual([
      'DELETE /api/v1/webhook-subscriptions/:id',
      'GET /api/v1/webhook-subscriptions',
      'PATCH /api/v1/webhook-subscriptions/:id',
      'POST /api/v1/notification-deliveries/:id/redeliver',
      'POST /api/v1/webhook-subscriptions',
    ]);
  });
});

describe('the recipient of a notification route', () => {
  const claims = {
    name: 'Someone',
    roles: [] as Role[],
    scopes: [] as IntegrationScope[],
    organizationId: null,
    organizationWide: false,
    groupIds: [],
  };

  it('is the signed-in person, whatever the request says', () => {
    expect(recipientOf(principalOf({ ...claims, kind: 'user', id: 'emp-1' }))).toBe('emp-1');
  });

  it('is nobody for a service account: 403', () => {
    const refusal = (() => {
      try {
        return recipientOf(principalOf({ ...claims, kind: 'service_account', id: 'sa-1' }));
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(HttpProblemException);
    expect(refusal).toMatchObject({ status: 403, type: '/problems/forbidden' });
  });
});
