import type { INestApplication } from '@nestjs/common';
import { credentials, loadPackageDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoLoaderOptions, protoPaths, TicketsGrpcPackage } from '@itsm/contracts';
import { createDataSource, runMigrations } from '@itsm/persistence';
import { resolveProtoRoot, runService } from '@itsm/platform';
import { createTestDatabase, freePort, type TestDatabase, testEnvironment } from '@itsm/testing';
import { AppModule, ticketsDataSourceSettings } from '../app.module';
import { ticketsConfigSchema } from '../config/tickets.config';

/** The gRPC services the tickets process serves. */
export type TicketsProcessService = 'TicketsService' | 'CatalogService';

type ClientConstructor = (new (address: string, creds: unknown) => unknown) & {
  service: Record<string, unknown>;
};

export interface InProcessTicketsService {
  app: INestApplication;
  database: TestDatabase;
  /** A gRPC client of one of its services; the caller closes it. */
  client<Client>(service: TicketsProcessService): Client;
  /** The names of a service's RPCs, as its proto declares them. */
  methodsOf(service: TicketsProcessService): string[];
  /** Stops the service and drops its database. */
  stop(): Promise<void>;
}

/**
 * The tickets service in the test's process, on a fresh migrated database and the real Kafka,
 * with gRPC on a free port. `env` adds or overrides settings (a topic, a pool size); its
 * routing-event consumer gets a group of its own, so others' offsets are left alone.
 */
export async function startTicketsServiceInProcess(
  env: Record<string, string> = {},
): Promise<InProcessTicketsService> {
  const database = await createTestDatabase('itsm_tickets');
  try {
    const [httpPort, grpcPort] = await Promise.all([freePort(), freePort()]);
    const config = ticketsConfigSchema.parse({
      LOG_LEVEL: 'warn',
      HTTP_PORT: String(httpPort),
      GRPC_HOST: '127.0.0.1',
      GRPC_PORT: String(grpcPort),
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testEnvironment().KAFKA_BROKERS,
      TICKETS_CONSUMER_GROUP: `itsm-tickets-test-${database.name}`,
      ...env,
    });
    await runMigrations(createDataSource(ticketsDataSourceSettings(config)));
    const app = await runService({
      module: AppModule.register(config),
      http: { host: '127.0.0.1', port: httpPort },
      grpc: { host: '127.0.0.1', port: grpcPort, packages: [TicketsGrpcPackage] },
      shutdownDrainMs: 0,
      telemetry: { shutdown: async () => undefined },
    });
    const protoRoot = resolveProtoRoot(undefined);
    const definition = loadSync(protoPaths(protoRoot, TicketsGrpcPackage), {
      ...protoLoaderOptions,
      includeDirs: [protoRoot],
    });
    const services = (
      loadPackageDefinition(definition) as unknown as {
        itsm: { tickets: { v1: Record<TicketsProcessService, ClientConstructor> } };
      }
    ).itsm.tickets.v1;
    return {
      app,
      database,
      client: <Client>(service: TicketsProcessService) =>
        new services[service](`127.0.0.1:${grpcPort}`, credentials.createInsecure()) as Client,
      methodsOf: (service) => Object.keys(services[service].service),
      stop: async () => {
        await app.close();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
