import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission, Principal } from '@itsm/auth';
import { PUBLIC_ROUTE_METADATA } from '@itsm/platform';

/** The platform's health endpoints carry the same mark, so probes need no credentials. */
export const PUBLIC_ROUTE = PUBLIC_ROUTE_METADATA;
export const REQUIRED_PERMISSION = 'itsm:required-permission';
export const AUTHENTICATED_ROUTE = 'itsm:authenticated-route';

/** Served without credentials (sign-in, token refresh, health, the API document). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The permission a route needs; the auth guard refuses everyone else with 403. */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_PERMISSION, permission);

/**
 * Open to every authenticated caller, whatever their roles or scopes: what a caller does to
 * themselves (who am I, sign out, change my password).
 */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  SetMetadata(AUTHENTICATED_ROUTE, true);

/** The session of the gateway access token the caller presented; undefined for API keys and external tokens. */
export const CurrentSessionId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined =>
    context.switchToHttp().getRequest<{ sessionId?: string }>().sessionId,
);

/** The authenticated caller of a route that is not public. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
    if (!principal) throw new Error('CurrentPrincipal used on a public route');
    return principal;
  },
);
