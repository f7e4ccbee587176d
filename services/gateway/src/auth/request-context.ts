import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { Principal } from '@itsm/auth';

/** What the gateway knows about the request being served, for code far from the controller. */
export interface RequestContext {
  principal?: Principal;
  /** The API key the caller presented, for its audit trail and its rate limit. */
  apiKeyId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs each request in its own context; the auth guard fills it in. */
export function requestContextMiddleware(
  _request: Request,
  _response: Response,
  next: NextFunction,
): void {
  storage.run({}, next);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
