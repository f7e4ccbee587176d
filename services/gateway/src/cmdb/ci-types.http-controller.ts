import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { firstValueFrom } from 'rxjs';
import type { CiType, CmdbServiceClient } from '@itsm/contracts';
import { IF_MATCH_HEADER, versionFromIfMatch, withETag } from '../http/etag';
import { RequirePermission } from '../auth/access.decorators';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { withRestFieldNames } from '../problem/violation-fields';
import { CMDB_CLIENT } from './cmdb-client.provider';
import { cmdbFieldName, toCiTypeDraft, toCiTypeDto } from './cmdb-dto.mapper';
import { CMDB_PATH } from './cmdb-paths';
import { CiTypeDto, CiTypeListDto, WriteCiTypeDto } from './dto/ci-type.dto';

const TYPES_PATH = `${CMDB_PATH}/types`;

const uuid = new ParseUUIDPipe({ version: undefined });

function typeWithETag(type: CiType | undefined, response: Response): CiTypeDto {
  if (!type) throw new Error('the CMDB service answered without a type');
  const dto = toCiTypeDto(type);
  return withETag(dto, dto.version, response);
}

/** The kinds of configuration item, defined as data: each with the JSON Schema of its attributes. */
@ApiTags('cmdb')
@Controller(TYPES_PATH)
export class CiTypesHttpController {
  constructor(@Inject(CMDB_CLIENT) private readonly cmdb: CmdbServiceClient) {}

  @Get()
  @ApiOperation({ summary: 'The types of configuration item, by key' })
  @ApiOkResponse({ type: CiTypeListDto })
  @ApiProblemResponses(503)
  @RequirePermission('cmdb.read')
  async list(): Promise<CiTypeListDto> {
    const { types } = await firstValueFrom(this.cmdb.listCiTypes({}));
    return { items: types.map(toCiTypeDto) };
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Add a type of configuration item, with the JSON Schema of its attributes',
    description:
      'A schema that is not valid JSON Schema is refused with 400, a key already taken with 409.',
  })
  @ApiCreatedResponse({ type: CiTypeDto })
  @ApiProblemResponses(400, 409, 503)
  @RequirePermission('cmdb.manage_types')
  async create(
    @Body() body: WriteCiTypeDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CiTypeDto> {
    const { type } = await withRestFieldNames(
      firstValueFrom(this.cmdb.createCiType({ type: toCiTypeDraft(body) })),
      cmdbFieldName,
    );
    const dto = typeWithETag(type, response);
    response.setHeader('Location', `${TYPES_PATH}/${dto.id}`);
    return dto;
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Replace a type of configuration item',
    description:
      'A schema the attributes of existing items fail is refused with 409 naming the items.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: CiTypeDto })
  @ApiProblemResponses(400, 404, 409, 412, 503)
  @RequirePermission('cmdb.manage_types')
  async update(
    @Param('id', uuid) id: string,
    @Body() body: WriteCiTypeDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CiTypeDto> {
    const { type } = await withRestFieldNames(
      firstValueFrom(
        this.cmdb.updateCiType({
          id,
          type: toCiTypeDraft(body),
          expectedVersion: versionFromIfMatch(ifMatch) ?? 0,
        }),
      ),
      cmdbFieldName,
    );
    return typeWithETag(type, response);
  }
}
