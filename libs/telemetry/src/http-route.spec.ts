import { context, INVALID_SPAN_CONTEXT, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { getRPCMetadata, RPCType, setRPCMetadata, type RPCMetadata } from '@opentelemetry/core';
import { node } from '@opentelemetry/sdk-node';
import { httpRouteMiddleware, type RoutedRequest } from './http-route';

describe('httpRouteMiddleware', () => {
  const provider = new node.NodeTracerProvider();

  beforeAll(() => provider.register());
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
  });

  function inRequest(metadata: RPCMetadata, request: RoutedRequest): boolean {
    let nextCalled = false;
    context.with(setRPCMetadata(ROOT_CONTEXT, metadata), () =>
      httpRouteMiddleware(request, undefined, () => {
        nextCalled = true;
      }),
    );
    return nextCalled;
  }

  it('gives the HTTP span the route template Express matched after the middleware ran', () => {
    const metadata: RPCMetadata = {
      type: RPCType.HTTP,
      span: trace.wrapSpanContext(INVALID_SPAN_CONTEXT),
    };
    const request: RoutedRequest = {};

    expect(inRequest(metadata, request)).toBe(true);
    expect(metadata.route).toBeUndefined();

    request.route = { path: '/api/v1/tickets/:id/comments' };
    expect(metadata.route).toBe('/api/v1/tickets/:id/comments');
    expect(getRPCMetadata(setRPCMetadata(ROOT_CONTEXT, metadata))?.route).toBe(
      '/api/v1/tickets/:id/comments',
    );
  });

  it('leaves requests outside an HTTP server span alone', () => {
    const request: RoutedRequest = { route: { path: '/api/v1/tickets' } };
    let nextCalled = false;
    httpRouteMiddleware(request, undefined, () => {
      nextCalled = true;
    });
    expect(nextCalled).toBe(true);
  });
});
