import { telemetry } from './instrument';
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { NestFactory } from '@nestjs/core';
import { OutboxWriter } from '@itsm/messaging';
import { createDataSource, runMigrations } from '@itsm/persistence';
import { runService } from '@itsm/platform';
import { AppModule, EVENT_SOURCE, gatewayDataSourceSettings } from './app.module';
import { type GatewayConfig, loadGatewayConfig } from './config/gateway.config';
import { configureHttp } from './configure-http';
import { systemClock } from './identity/application/ports/clock';
import { PublishDirectoryUseCase } from './identity/application/users/publish-directory.use-case';
import { PostgresIdentityStore } from './identity/infrastructure/postgres-identity.store';
import { buildOpenApiDocument } from './openapi/openapi';

/**
 * Queues every user's directory entry in the outbox; the serving replicas' relay publishes them.
 * Needs no Kafka, so it also works while the brokers are down.
 */
async function publishDirectory(config: GatewayConfig): Promise<void> {
  const dataSource = await createDataSource(gatewayDataSourceSettings(config)).initialize();
  try {
    const store = new PostgresIdentityStore(dataSource, new OutboxWriter(EVENT_SOURCE));
    const queued = await new PublishDirectoryUseCase(store, systemClock).execute();
    process.stdout.write(
      `${JSON.stringify({ service: 'gateway', directoryEntriesQueued: queued })}\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

/**
 * `main.js` serves; `main.js migrate` applies pending migrations of the gateway's database and
 * exits (the chart's migration job); `main.js openapi <file>` writes the OpenAPI document and
 * exits; `main.js publish-directory` queues every user's directory entry again and exits.
 */
async function main([command, target]: string[]): Promise<void> {
  const config = loadGatewayConfig();
  if (command === 'migrate') {
    const applied = await runMigrations(createDataSource(gatewayDataSourceSettings(config)));
    process.stdout.write(`${JSON.stringify({ service: 'gateway', migrationsApplied: applied })}\n`);
    await telemetry.shutdown();
    return;
  }
  if (command === 'publish-directory') {
    await publishDirectory(config);
    await telemetry.shutdown();
    return;
  }
  if (command === 'openapi') {
    // Preview: the module graph without its providers' factories, so writing the document
    // needs no database (the document comes from controllers and their metadata).
    const app = await NestFactory.create(AppModule.register(config), {
      logger: false,
      bodyParser: false,
      preview: true,
    });
    configureHttp(app, config);
    const json = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
    if (target) await writeFile(target, json);
    else process.stdout.write(json);
    await app.close();
    await telemetry.shutdown();
    return;
  }
  await runService({
    module: AppModule.register(config),
    http: { host: config.HTTP_HOST, port: config.HTTP_PORT },
    shutdownDrainMs: config.SHUTDOWN_DRAIN_MS,
    telemetry,
    configure: (app) => configureHttp(app, config),
  });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: 'gateway', message: String(error), stack: (error as Error).stack })}\n`,
  );
  process.exit(1);
});
