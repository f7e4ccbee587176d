import { join } from 'node:path';

/**
 * Where the gRPC transport finds the .proto files at run time: next to the bundle in
 * images (`proto/` is copied beside main.js), the repository's `proto/` in development.
 */
export interface GrpcPackage {
  readonly package: string;
  /** Paths relative to the proto root. */
  readonly protoFiles: readonly string[];
}

export const TicketsGrpcPackage: GrpcPackage = {
  package: 'itsm.tickets.v1',
  protoFiles: ['itsm/tickets/v1/tickets_service.proto', 'itsm/tickets/v1/catalog.proto'],
};

export const KnowledgeGrpcPackage: GrpcPackage = {
  package: 'itsm.knowledge.v1',
  protoFiles: ['itsm/knowledge/v1/knowledge_service.proto'],
};

export const SlaGrpcPackage: GrpcPackage = {
  package: 'itsm.sla.v1',
  protoFiles: ['itsm/sla/v1/sla_service.proto'],
};

export const RoutingGrpcPackage: GrpcPackage = {
  package: 'itsm.routing.v1',
  protoFiles: ['itsm/routing/v1/routing_service.proto'],
};

export const CmdbGrpcPackage: GrpcPackage = {
  package: 'itsm.cmdb.v1',
  protoFiles: ['itsm/cmdb/v1/cmdb_service.proto'],
};

export const NotificationsGrpcPackage: GrpcPackage = {
  package: 'itsm.notifications.v1',
  protoFiles: ['itsm/notifications/v1/notifications_service.proto'],
};

/** Options for @grpc/proto-loader that match the ts-proto generated types. */
export const protoLoaderOptions = {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [] as string[],
};

export function protoPaths(protoRoot: string, grpcPackage: GrpcPackage): string[] {
  return grpcPackage.protoFiles.map((file) => join(protoRoot, file));
}

/**
 * The largest gRPC message either side accepts: ticket attachments travel whole (up to
 * 10 MiB), well above gRPC's 4 MiB default. Servers and clients use the same numbers.
 */
export const GRPC_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

export const grpcMessageLimits = {
  maxReceiveMessageLength: GRPC_MAX_MESSAGE_BYTES,
  maxSendMessageLength: GRPC_MAX_MESSAGE_BYTES,
} as const;
