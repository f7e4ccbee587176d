import { type Interceptor, InterceptingCall } from '@grpc/grpc-js';
import { encodePrincipal, PRINCIPAL_METADATA_KEY } from '@itsm/auth';
import { currentRequestContext } from '../auth/request-context';

/**
 * Sends the authenticated caller with every gRPC call made while serving a request, so the
 * services scope what they return and record who acted (defence in depth behind the gateway).
 */
export const principalMetadataInterceptor: Interceptor = (options, nextCall) =>
  new InterceptingCall(nextCall(options), {
    start(metadata, listener, next) {
      const principal = currentRequestContext()?.principal;
      if (principal) metadata.set(PRINCIPAL_METADATA_KEY, encodePrincipal(principal));
      next(metadata, listener);
    },
  });
