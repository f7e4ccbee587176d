import { telemetry } from './instrument';
import 'reflect-metadata';
import { CmdbGrpcPackage } from '@itsm/contracts';
import { createDataSource, runMigrations } from '@itsm/persistence';
import { runService } from '@itsm/platform';
import { AppModule, cmdbDataSourceSettings } from './app.module';
import { loadCmdbConfig } from './config/cmdb.config';

/** `main.js` serves; `main.js migrate` applies pending migrations and exits (the chart's migration job). */
async function main(command: string | undefined): Promise<void> {
  const config = loadCmdbConfig();
  if (command === 'migrate') {
    const applied = await runMigrations(createDataSource(cmdbDataSourceSettings(config)));
    process.stdout.write(`${JSON.stringify({ service: 'cmdb', migrationsApplied: applied })}\n`);
    await telemetry.shutdown();
    return;
  }
  await runService({
    module: AppModule.register(config),
    http: { host: config.HTTP_HOST, port: config.HTTP_PORT },
    grpc: {
      host: config.GRPC_HOST,
      port: config.GRPC_PORT,
      packages: [CmdbGrpcPackage],
      protoRoot: config.PROTO_ROOT,
    },
    shutdownDrainMs: config.SHUTDOWN_DRAIN_MS,
    telemetry,
  });
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: 'cmdb', message: String(error), stack: (error as Error).stack })}\n`,
  );
  process.exit(1);
});
