import type { Provider } from '@nestjs/common';
import type { ClientGrpc } from '@nestjs/microservices';
import { CATALOG_SERVICE_NAME, type CatalogServiceClient } from '@itsm/contracts';
import { TICKETS_GRPC } from '../tickets/tickets-client.provider';

export const CATALOG_CLIENT = Symbol('CatalogServiceClient');

/** The catalog's gRPC client, on the connection to the tickets process that serves it. */
export const catalogClientProvider: Provider = {
  provide: CATALOG_CLIENT,
  inject: [TICKETS_GRPC],
  useFactory: (grpc: ClientGrpc): CatalogServiceClient =>
    grpc.getService<CatalogServiceClient>(CATALOG_SERVICE_NAME),
};
