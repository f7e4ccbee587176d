import type { NextFunction, Request, Response } from 'express';
import { currentTraceId } from '@itsm/telemetry';

/** Answers every request with its trace id, so a user's report leads straight to the trace. */
export function traceIdMiddleware(_request: Request, response: Response, next: NextFunction): void {
  const traceId = currentTraceId();
  if (traceId) response.setHeader('X-Trace-Id', traceId);
  next();
}
