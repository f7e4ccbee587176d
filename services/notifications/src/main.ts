import { telemetry } from './instrument';
import 'reflect-metadata';
import { NotificationsGrpcPackage } from '@itsm/contracts';
import { createDataSource, runMigrations } from '@itsm/persistence';
import { runService } from '@itsm/platform';
import { AppModule, notificationsDataSourceSettings } from './app.module';
import { loadNotificationsConfig } from './config/notifications.config';

/** `main.js` serves; `main.js migrate` applies pending migrations and exits (the chart's migration job). */
async function main(command: string | undefined): Promise<void> {
  const config = loadNotificationsConfig();
  if (command === 'migrate') {
    const applied = await runMigrations(createDataSource(notificationsDataSourceSettings(config)));
    process.stdout.write(
      `${JSON.stringify({ service: 'notifications', migrationsApplied: applied })}\n`,
    );
    await telemetry.shutdown();
    return;
  }
  await runService({
    module: AppModule.register(config),
    http: { host: config.HTTP_HOST, port: config.HTTP_PORT },
    grpc: {
      host: config.GRPC_HOST,
      port: config.GRPC_PORT,
      packages: [NotificationsGrpcPackage],
      protoRoot: config.PROTO_ROOT,
    },
    shutdownDrainMs: config.SHUTDOWN_DRAIN_MS,
    telemetry,
  });
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: 'notifications', message: String(error), stack: (error as Error).stack })}\n`,
  );
  process.exit(1);
});
