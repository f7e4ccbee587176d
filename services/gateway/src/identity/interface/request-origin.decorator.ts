import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { originOf } from '../../auth/authenticator';
import type { RequestOrigin } from '../domain/audit-event';

/** Where the request came from (client address, user agent), for the audit log. */
export const Origin = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestOrigin =>
    originOf(context.switchToHttp().getRequest<Request>()),
);
