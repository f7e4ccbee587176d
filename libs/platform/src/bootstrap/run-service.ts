import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type MicroserviceOptions, Transport } from '@nestjs/microservices';
import { Logger } from 'nestjs-pino';
import {
  type GrpcPackage,
  grpcMessageLimits,
  protoLoaderOptions,
  protoPaths,
} from '@itsm/contracts';
import type { Telemetry } from '@itsm/telemetry';
import { Readiness } from '../health/readiness';
import { grpcServerMetrics } from '../grpc/grpc-metrics';
import { resolveProtoRoot } from './proto-root';

export interface GrpcServerOptions {
  host: string;
  port: number;
  packages: GrpcPackage[];
  protoRoot?: string | undefined;
}

export interface ServiceDefinition {
  module: Type<unknown> | DynamicModule;
  http: { host: string; port: number };
  grpc?: GrpcServerOptions;
  /** Time to keep serving after SIGTERM while endpoints are removed from load balancers. */
  shutdownDrainMs: number;
  telemetry: Telemetry;
  configure?: (app: INestApplication) => void | Promise<void>;
}

const SHUTDOWN_TIMEOUT_MS = 30_000;

/**
 * Starts a service: HTTP (health, and the REST API for the gateway), an optional gRPC
 * server, and graceful shutdown on SIGTERM/SIGINT: stop being ready, drain, close
 * servers and connections, flush telemetry.
 */
export async function runService(definition: ServiceDefinition): Promise<INestApplication> {
  const app = await NestFactory.create(definition.module, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.flushLogs();
  await definition.configure?.(app);

  if (definition.grpc) {
    const { host, port, packages, protoRoot } = definition.grpc;
    const root = resolveProtoRoot(protoRoot);
    app.connectMicroservice<MicroserviceOptions>(
      {
        transport: Transport.GRPC,
        options: {
          url: `${host}:${port}`,
          package: packages.map((grpcPackage) => grpcPackage.package),
          protoPath: packages.flatMap((grpcPackage) => protoPaths(root, grpcPackage)),
          loader: { ...protoLoaderOptions, includeDirs: [root] },
          channelOptions: { interceptors: [grpcServerMetrics()] },
          ...grpcMessageLimits,
        },
      },
      { inheritAppConfig: true },
    );
    await app.startAllMicroservices();
    logger.log(`gRPC listening on ${host}:${port}`);
  }

  await app.listen(definition.http.port, definition.http.host);
  logger.log(`HTTP listening on ${definition.http.host}:${definition.http.port}`);
  handleShutdownSignals(app, definition, logger);
  return app;
}

function handleShutdownSignals(
  app: INestApplication,
  definition: ServiceDefinition,
  logger: Logger,
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: draining for ${definition.shutdownDrainMs} ms, then stopping`);
    const deadline = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, definition.shutdownDrainMs + SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    app.get(Readiness).startDraining();
    void (async () => {
      await new Promise((resolve) => setTimeout(resolve, definition.shutdownDrainMs));
      try {
        await app.close();
        await definition.telemetry.shutdown();
        process.exit(0);
      } catch (error) {
        logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      }
    })();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
