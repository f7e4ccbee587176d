import type { Type } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { isPermission, type Permission } from '@itsm/auth';
import { AUTHENTICATED_ROUTE, PUBLIC_ROUTE, REQUIRED_PERMISSION } from '../auth/access.decorators';

/** One route handler of a controller and what its decorators say about who may call it. */
export interface Route {
  controller: Type;
  handler: string;
  /** `@Public()` on the handler or its controller. */
  isPublic: boolean;
  /** `@Authenticated()` on the handler or its controller: any signed-in caller. */
  isAuthenticated: boolean;
  /** `@RequirePermission(...)` of the handler, else of its controller, as declared. */
  declaredPermission: string | undefined;
}

/** Who may call a route, decided as the auth guard decides it. */
export type RouteAccess =
  | { kind: 'public' }
  /** Every signed-in caller, whatever their roles or scopes. */
  | { kind: 'authenticated' }
  | { kind: 'permission'; permission: Permission }
  /** The guard refuses every caller: no permission declared, or one libs/auth does not know. */
  | { kind: 'closed' };

function metadataOf(key: string, route: Route): unknown {
  const handler = (route.controller.prototype as Record<string, unknown>)[route.handler];
  // As Reflector.getAllAndOverride: the handler's own, else the controller's.
  return Reflect.getMetadata(key, handler as object) ?? Reflect.getMetadata(key, route.controller);
}

/** The methods of a controller (and of the classes it extends) that Nest serves as routes. */
export function routesOf(controller: Type): Route[] {
  const handlers = new Set<string>();
  for (
    let prototype = controller.prototype as object | null;
    prototype && prototype !== Object.prototype;
    prototype = Object.getPrototypeOf(prototype) as object | null
  ) {
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const value = Object.getOwnPropertyDescriptor(prototype, name)?.value as unknown;
      if (
        name !== 'constructor' &&
        typeof value === 'function' &&
        Reflect.hasMetadata(METHOD_METADATA, value)
      )
        handlers.add(name);
    }
  }
  return [...handlers].map((handler) => {
    const route: Route = {
      controller,
      handler,
      isPublic: false,
      isAuthenticated: false,
      declaredPermission: undefined,
    };
    const permission = metadataOf(REQUIRED_PERMISSION, route);
    return {
      ...route,
      isPublic: metadataOf(PUBLIC_ROUTE, route) === true,
      isAuthenticated: metadataOf(AUTHENTICATED_ROUTE, route) === true,
      declaredPermission: typeof permission === 'string' ? permission : undefined,
    };
  });
}

export function accessOf(route: Route): RouteAccess {
  if (route.isPublic) return { kind: 'public' };
  const permission = route.declaredPermission;
  if (permission === undefined)
    return route.isAuthenticated ? { kind: 'authenticated' } : { kind: 'closed' };
  return isPermission(permission) ? { kind: 'permission', permission } : { kind: 'closed' };
}

/**
 * What is wrong with how a route declares its access; empty when it says exactly one thing
 * the guard understands: `@Public()`, `@RequirePermission()` of a permission libs/auth knows,
 * or `@Authenticated()`. A route that says nothing is closed by the guard, which is safe but
 * never meant; one that says two things means only one of them.
 */
export function accessMistakesOf(route: Route): string[] {
  const permission = route.declaredPermission;
  const declared = [
    route.isPublic ? '@Public()' : undefined,
    permission === undefined ? undefined : `@RequirePermission('${permission}')`,
    route.isAuthenticated ? '@Authenticated()' : undefined,
  ].filter((declaration) => declaration !== undefined);
  if (declared.length === 0)
    return ['declares neither @Public() nor @RequirePermission() (nor @Authenticated())'];
  if (declared.length > 1) return [`declares ${declared.join(' and ')}; say one of them`];
  return permission === undefined || isPermission(permission)
    ? []
    : [`requires ${permission}, which libs/auth does not know`];
}

/** The operation id Swagger gives a route by default. */
export function operationIdOf(route: Route): string {
  return `${route.controller.name}_${route.handler}`;
}
