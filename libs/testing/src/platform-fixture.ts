import { freePort } from './free-port';
import { ServiceProcess } from './service-process';
import { createTestDatabase, type TestDatabase } from './test-database';
import { testEnvironment } from './test-environment';

export interface RunningPlatform {
  gatewayUrl: string;
  ticketsDatabase: TestDatabase;
  gateway: ServiceProcess;
  tickets: ServiceProcess;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  /** Extra environment for every service (e.g. OTLP endpoint). */
  env?: Record<string, string>;
}

/**
 * The built tickets and gateway services as separate processes on free ports, the
 * tickets service on a fresh migrated database, against the real Kafka.
 */
export async function startPlatform({ env = {} }: PlatformOptions = {}): Promise<RunningPlatform> {
  const environment = testEnvironment();
  const ticketsDatabase = await createTestDatabase('itsm_tickets');
  const [ticketsHttpPort, ticketsGrpcPort, gatewayHttpPort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
  ]);
  const ticketsEnv = {
    ...env,
    DATABASE_URL: ticketsDatabase.url,
    KAFKA_BROKERS: environment.KAFKA_BROKERS,
    GRPC_HOST: '127.0.0.1',
    GRPC_PORT: String(ticketsGrpcPort),
  };
  await ServiceProcess.run('tickets', ['migrate'], ticketsEnv);
  const started: ServiceProcess[] = [];
  try {
    const tickets = await ServiceProcess.start({
      service: 'tickets',
      httpPort: ticketsHttpPort,
      env: ticketsEnv,
    });
    started.push(tickets);
    const gateway = await ServiceProcess.start({
      service: 'gateway',
      httpPort: gatewayHttpPort,
      env: { ...env, TICKETS_GRPC_URL: `127.0.0.1:${ticketsGrpcPort}` },
    });
    started.push(gateway);
    return {
      gatewayUrl: gateway.baseUrl,
      ticketsDatabase,
      gateway,
      tickets,
      stop: async () => {
        await Promise.all(started.map((service) => service.stop()));
        await ticketsDatabase.drop();
      },
    };
  } catch (error) {
    await Promise.all(started.map((service) => service.stop()));
    await ticketsDatabase.drop();
    throw error;
  }
}
