import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { rateLimited } from '../../auth/auth.guard';
import { RequestRateLimiter } from '../../auth/request-rate-limiter';

export const ANONYMOUS_RATE_LIMITER = Symbol('AnonymousRateLimiter');

/**
 * Limits the routes anyone may call (sign-in, refresh) per client address, so guessing
 * passwords or refresh tokens is slow before any account lock starts counting.
 */
@Injectable()
export class AnonymousRateLimitGuard implements CanActivate {
  constructor(@Inject(ANONYMOUS_RATE_LIMITER) private readonly limiter: RequestRateLimiter) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const decision = this.limiter.consume(`address:${request.ip ?? 'unknown'}`);
    if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
    return true;
  }
}
