import { telemetry } from './instrument';
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { NestFactory } from '@nestjs/core';
import { runService } from '@itsm/platform';
import { AppModule } from './app.module';
import { loadGatewayConfig } from './config/gateway.config';
import { configureHttp } from './configure-http';
import { buildOpenApiDocument } from './openapi/openapi';

/** `main.js` serves; `main.js openapi <file>` writes the OpenAPI document and exits. */
async function main([command, target]: string[]): Promise<void> {
  const config = loadGatewayConfig();
  if (command === 'openapi') {
    const app = await NestFactory.create(AppModule.register(config), {
      logger: false,
      bodyParser: false,
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
