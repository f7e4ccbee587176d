import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { firstValueFrom } from 'rxjs';
import type { Principal } from '@itsm/auth';
import type { CmdbServiceClient } from '@itsm/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { actorFor } from '../auth/actor';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { withRestFieldNames } from '../problem/violation-fields';
import { attachmentDisposition } from '../tickets/attachment-download';
import { CMDB_CLIENT } from './cmdb-client.provider';
import {
  claimedImportActor,
  cmdbFieldName,
  exportFile,
  importFieldName,
  toExportItemsRequest,
  toImportItemsRequest,
  toImportResultDto,
} from './cmdb-dto.mapper';
import { CMDB_PATH } from './cmdb-paths';
import { CSV_CONTENT_TYPE, ExportItemsQueryDto, ImportResultDto } from './dto/item-exchange.dto';
import {
  ApiImportSubmission,
  type ImportSubmission,
  ImportSubmissionBody,
} from './import-submission.decorator';

/** Configuration items in bulk: from and to CSV or JSON files, e.g. 1C's asset register. */
@ApiTags('cmdb')
@Controller(CMDB_PATH)
export class ItemExchangeHttpController {
  constructor(@Inject(CMDB_CLIENT) private readonly cmdb: CmdbServiceClient) {}

  @Post('imports')
  @HttpCode(HttpStatus.OK)
  @ApiImportSubmission()
  @ApiOperation({
    summary: 'Import configuration items from CSV or JSON, matched by type and external id',
    description:
      'New items are created, changed ones updated, the same ones left alone. A bad row is ' +
      'refused whole and reported; the other rows apply. `dryRun` reports without writing. ' +
      'At most 10 MiB; a larger body is refused with 413, another content type with 415.',
  })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiProblemResponses(400, 404, 413, 415, 503)
  @RequirePermission('cmdb.import')
  async importItems(
    @CurrentPrincipal() principal: Principal,
    @ImportSubmissionBody() submission: ImportSubmission,
  ): Promise<ImportResultDto> {
    const actorId = actorFor(principal, claimedImportActor(submission), 'tickets.act_on_behalf');
    const answer = await withRestFieldNames(
      firstValueFrom(this.cmdb.importItems(toImportItemsRequest(submission, actorId))),
      importFieldName(submission),
    );
    return toImportResultDto(answer);
  }

  @Get('exports')
  @ApiOperation({
    summary: 'Export configuration items as a CSV or JSON file, in the columns imports read',
  })
  @ApiOkResponse({
    description: 'The file; browsers save it (Content-Disposition: attachment).',
    content: {
      [CSV_CONTENT_TYPE]: {
        schema: { type: 'string', description: 'A header row, then an item a row.' },
      },
      'application/json': {
        schema: { type: 'array', items: { type: 'object', additionalProperties: true } },
      },
    },
    headers: {
      'Content-Disposition': {
        description: 'attachment; filename="cmdb-<type or items>.<csv or json>"',
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblemResponses(400, 503)
  @RequirePermission('cmdb.read')
  async exportItems(
    @Query() query: ExportItemsQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { content } = await withRestFieldNames(
      firstValueFrom(this.cmdb.exportItems(toExportItemsRequest(query))),
      cmdbFieldName,
    );
    const file = exportFile(query);
    const body = Buffer.from(content, 'utf8');
    // The file holds what people typed into the CMDB: never sniffed into something to run.
    response.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(body, {
      type: file.contentType,
      disposition: attachmentDisposition(file.fileName),
      length: body.length,
    });
  }
}
