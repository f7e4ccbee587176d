import { type INestApplication, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, text } from 'express';
import { CMDB_IMPORTS_PATH } from './cmdb/cmdb-paths';
import { CSV_CONTENT_TYPE } from './cmdb/dto/item-exchange.dto';
import type { GatewayConfig } from './config/gateway.config';
import { buildOpenApiDocument, serveOpenApi } from './openapi/openapi';
import { ValidationException } from './problem/validation.exception';
import { traceIdMiddleware } from './trace-id.middleware';

/** HTTP conventions of the public API: strict validation, body limits, trace ids, OpenAPI. */
export function configureHttp(app: INestApplication, config: GatewayConfig): void {
  const express = app as NestExpressApplication;
  // Imports carry whole files, as JSON or as raw CSV: read first, with their own limit, the
  // API-wide JSON parser then finds the body read and leaves it.
  express.use(
    CMDB_IMPORTS_PATH,
    json({ limit: config.HTTP_IMPORT_BODY_LIMIT }),
    text({ type: CSV_CONTENT_TYPE, limit: config.HTTP_IMPORT_BODY_LIMIT }),
  );
  express.useBodyParser('json', { limit: config.HTTP_BODY_LIMIT });
  express.disable('x-powered-by');
  // Tickets carry their version as ETag; no body-hash ETags on other responses.
  express.set('etag', false);
  express.use(traceIdMiddleware);
  app.useGlobalPipes(apiValidationPipe());
  serveOpenApi(app, buildOpenApiDocument(app));
}

/** Strict validation of every body, query and path: unknown fields are refused. */
export function apiValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => ValidationException.fromValidationErrors(errors),
  });
}
