import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission, Principal } from '@itsm/auth';

export const PUBLIC_ROUTE = 'itsm:public-route';
export const REQUIRED_PERMISSION = 'itsm:required-permission';

/** Served without credentials (sign-in, token refresh, health, the API document). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The permission a route needs; the auth guard refuses everyone else with 403. */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_PERMISSION, permission);

/** The authenticated caller of a route that is not public. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
    if (!principal) throw new Error('CurrentPrincipal used on a public route');
    return principal;
  },
);
