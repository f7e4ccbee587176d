import { telemetry } from './instrument';
import 'reflect-metadata';
import { RoutingGrpcPackage } from '@itsm/contracts';
import { createDataSource, runMigrations } from '@itsm/persistence';
import { runService } from '@itsm/platform';
import { AppModule, routingDataSourceSettings } from './app.module';
import { loadRoutingConfig } from './config/routing.config';

/** `main.js` serves; `main.js migrate` applies pending migrations and exits (the chart's migration job). */
async function main(command: string | undefined): Promise<void> {
  const config = loadRoutingConfig();
  if (command === 'migrate') {
    const applied = await runMigrations(createDataSource(routingDataSourceSettings(config)));
    process.stdout.write(`${JSON.stringify({ service: 'routing', migrationsApplied: applied })}\n`);
    await telemetry.shutdown();
    return;
  }
  await runService({
    module: AppModule.register(config),
    http: { host: config.HTTP_HOST, port: config.HTTP_PORT },
    grpc: {
      host: config.GRPC_HOST,
      port: config.GRPC_PORT,
      packages: [RoutingGrpcPackage],
      protoRoot: config.PROTO_ROOT,
    },
    shutdownDrainMs: config.SHUTDOWN_DRAIN_MS,
    telemetry,
  });
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: 'routing', message: String(error), stack: (error as Error).stack })}\n`,
  );
  process.exit(1);
});
