import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { can, type Permission, type Principal } from '@itsm/auth';
import { HttpProblemException } from '../problem/http-problem.exception';
import { ProblemType } from '../problem/problem-details';
import { AUTHENTICATED_ROUTE, PUBLIC_ROUTE, REQUIRED_PERMISSION } from './access.decorators';
import { AuthenticationFailed, Authenticator, credentialsOf, originOf } from './authenticator';
import { currentRequestContext } from './request-context';
import { RequestRateLimiter } from './request-rate-limiter';

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="itsm", ApiKey realm="itsm"' };

export function unauthenticated(detail: string): HttpProblemException {
  return new HttpProblemException(
    HttpStatus.UNAUTHORIZED,
    ProblemType.unauthenticated,
    detail,
    CHALLENGE,
  );
}

export function forbidden(detail: string): HttpProblemException {
  return new HttpProblemException(HttpStatus.FORBIDDEN, ProblemType.forbidden, detail);
}

export function rateLimited(retryAfterSeconds: number): HttpProblemException {
  return new HttpProblemException(
    HttpStatus.TOO_MANY_REQUESTS,
    ProblemType.rateLimited,
    `too many requests; retry after ${retryAfterSeconds} s`,
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

/**
 * The gateway's door: every route is either public or names the permission it needs, and
 * a route that says neither is refused (fail closed). Authenticated callers are limited per
 * user or API key.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly rateLimiter: RequestRateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(
      REQUIRED_PERMISSION,
      targets,
    );
    const request = context
      .switchToHttp()
      .getRequest<Request & { principal?: Principal; sessionId?: string }>();
    const credentials = credentialsOf(request.headers);
    if (!credentials)
      throw unauthenticated('sign in: send a bearer token (Authorization: Bearer …) or an API key');
    const authentication = await this.authenticator
      .authenticate(credentials, originOf(request))
      .catch((error: unknown) => {
        if (error instanceof AuthenticationFailed) throw unauthenticated(error.message);
        throw error;
      });
    const { principal, apiKeyId, sessionId } = authentication;
    request.principal = principal;
    if (sessionId) request.sessionId = sessionId;
    const requestContext = currentRequestContext();
    if (requestContext) {
      requestContext.principal = principal;
      if (apiKeyId) requestContext.apiKeyId = apiKeyId;
    }
    const decision = this.rateLimiter.consume(
      apiKeyId ? `key:${apiKeyId}` : `user:${principal.id}`,
    );
    if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
    if (!permission) {
      if (this.reflector.getAllAndOverride<boolean>(AUTHENTICATED_ROUTE, targets)) return true;
      throw forbidden('this route declares no permission and is closed');
    }
    if (!can(principal, permission))
      throw forbidden(`your role does not allow this (${permission} is needed)`);
    return true;
  }
}
