import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  type PipeTransform,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtraModels, ApiQuery, getSchemaPath } from '@nestjs/swagger';
import type { Request } from 'express';
import { claimedActorDescription } from '../auth/actor';
import { apiValidationPipe } from '../configure-http';
import { ValidationException } from '../problem/validation.exception';
import {
  CSV_CONTENT_TYPE,
  IMPORT_FORMAT_DESCRIPTION,
  ImportCsvQueryDto,
  ImportItemsDto,
} from './dto/item-exchange.dto';

const JSON_CONTENT_TYPE = 'application/json';

/** What POST /cmdb/imports was sent: a JSON envelope, or a CSV file with its options in the query. */
export type ImportSubmission =
  | { kind: 'json'; body: ImportItemsDto }
  | { kind: 'csv'; content: string; options: ImportCsvQueryDto };

interface SentImport {
  csv: boolean;
  body: unknown;
  query: unknown;
}

const SentImportOf = createParamDecorator((_: unknown, context: ExecutionContext): SentImport => {
  const request = context.switchToHttp().getRequest<Request>();
  // null: no body at all, which the JSON envelope's validation names field by field.
  const type = request.is([JSON_CONTENT_TYPE, CSV_CONTENT_TYPE]);
  if (type === false) {
    throw new UnsupportedMediaTypeException(
      `send the import as ${JSON_CONTENT_TYPE} or ${CSV_CONTENT_TYPE}`,
    );
  }
  return { csv: type === CSV_CONTENT_TYPE, body: request.body, query: request.query };
});

/**
 * Validates what was sent as the API validates every body and query: the global pipe does not
 * see custom parameters, and which DTO applies depends on the Content-Type.
 */
@Injectable()
export class ImportSubmissionPipe implements PipeTransform<SentImport, Promise<ImportSubmission>> {
  private readonly validation = apiValidationPipe();

  async transform(sent: SentImport): Promise<ImportSubmission> {
    if (!sent.csv) {
      const body = (await this.validation.transform(sent.body, {
        type: 'body',
        metatype: ImportItemsDto,
      })) as ImportItemsDto;
      return { kind: 'json', body };
    }
    const options = (await this.validation.transform(sent.query, {
      type: 'query',
      metatype: ImportCsvQueryDto,
    })) as ImportCsvQueryDto;
    if (typeof sent.body !== 'string' || sent.body.trim() === '') {
      throw new ValidationException([{ field: 'body', message: 'the CSV file is empty' }]);
    }
    return { kind: 'csv', content: sent.body, options };
  }
}

/** The import a request sent, validated. */
export const ImportSubmissionBody = () => SentImportOf(ImportSubmissionPipe);

const csvOnly = (description: string) => `\`text/csv\` only: ${description}`;

/** Documents the two ways to send an import. */
export function ApiImportSubmission(): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ImportItemsDto),
    ApiConsumes(JSON_CONTENT_TYPE, CSV_CONTENT_TYPE),
    ApiBody({
      description:
        `\`${JSON_CONTENT_TYPE}\`: the envelope. \`${CSV_CONTENT_TYPE}\`: the file itself, its ` +
        `options in the query. ${IMPORT_FORMAT_DESCRIPTION}`,
      schema: {
        oneOf: [
          { $ref: getSchemaPath(ImportItemsDto) },
          { type: 'string', description: 'The CSV file, UTF-8.' },
        ],
      },
    }),
    ApiQuery({
      name: 'type',
      required: false,
      schema: { type: 'string', maxLength: 100 },
      description: csvOnly('the type key of rows without a `type`.'),
    }),
    ApiQuery({
      name: 'dryRun',
      required: false,
      schema: { type: 'boolean', default: false },
      description: csvOnly('check every row and report, writing nothing.'),
    }),
    ApiQuery({
      name: 'actorId',
      required: false,
      schema: { type: 'string', maxLength: 200 },
      description: csvOnly(claimedActorDescription('Who imports.')),
    }),
  );
}
