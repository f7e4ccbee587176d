import { context } from '@opentelemetry/api';
import { getRPCMetadata, RPCType } from '@opentelemetry/core';

/** The part of an Express request this reads: the route that matched it, once one has. */
export interface RoutedRequest {
  route?: { path?: unknown };
}

/**
 * Names each HTTP server span and its metrics after the route template that served the request
 * (`POST /api/v1/tickets/:id/comments`), as `http.route` asks, instead of after the raw path
 * or the method alone.
 *
 * The HTTP instrumentation reads the route from the request's RPC metadata when the response
 * finishes; Express knows it only once a route matched, after this middleware ran. So the
 * metadata gets a getter that asks the request then. This replaces the Express and NestJS
 * instrumentations, whose span per layer and per handler cost a share of every request's CPU
 * while saying nothing the server span and the gRPC spans below it do not.
 */
export function httpRouteMiddleware(
  request: RoutedRequest,
  _response: unknown,
  next: () => void,
): void {
  const metadata = getRPCMetadata(context.active());
  if (metadata?.type === RPCType.HTTP) {
    Object.defineProperty(metadata, 'route', {
      configurable: true,
      enumerable: true,
      get: () => routeTemplate(request),
    });
  }
  next();
}

function routeTemplate(request: RoutedRequest): string | undefined {
  const path = request.route?.path;
  return typeof path === 'string' ? path : undefined;
}
