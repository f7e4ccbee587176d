import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { problemSchemas } from '../problem/api-problem-responses.decorator';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('ITSM platform API')
    .setDescription(
      'The one public REST API of the service desk: tickets today; SLAs, routing, CMDB, knowledge and ' +
        'notifications as they land. Every error is RFC 9457 problem+json. Writes accept an Idempotency-Key.',
    )
    .setVersion('v1')
    .build();
  return SwaggerModule.createDocument(app, config, { extraModels: problemSchemas });
}

/** Serves the Swagger UI at /api/docs and the document at /api/docs-json. */
export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
