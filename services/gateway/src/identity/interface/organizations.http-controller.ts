import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
  UseFilters,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@itsm/auth';
import { CurrentPrincipal, RequirePermission } from '../../auth/access.decorators';
import { IF_MATCH_HEADER, versionFromIfMatch, withETag } from '../../http/etag';
import { ApiProblemResponses } from '../../problem/api-problem-responses.decorator';
import { ManageOrganizationsUseCase } from '../application/organizations/manage-organizations.use-case';
import type { RequestOrigin } from '../domain/audit-event';
import type { Organization } from '../domain/organization';
import {
  ListOrganizationsQueryDto,
  OrganizationDto,
  OrganizationPageDto,
  WriteOrganizationDto,
} from './dto/organization.dto';
import { toOrganizationDto } from './identity-dto.mapper';
import { IdentityErrorFilter } from './identity-error.http-mapper';
import { Origin } from './request-origin.decorator';

export const ORGANIZATIONS_PATH = '/api/v1/organizations';
const DEFAULT_PAGE_SIZE = 50;

function organizationWithETag(organization: Organization, response: Response): OrganizationDto {
  return withETag(toOrganizationDto(organization), organization.version, response);
}

/** Customer organisations whose people file tickets. */
@ApiTags('identity')
@UseFilters(IdentityErrorFilter)
@Controller(ORGANIZATIONS_PATH)
export class OrganizationsHttpController {
  constructor(private readonly organizations: ManageOrganizationsUseCase) {}

  @Get()
  @RequirePermission('identity.users.read')
  @ApiOperation({ summary: 'Organisations by name' })
  @ApiOkResponse({ type: OrganizationPageDto })
  @ApiProblemResponses(400, 401, 403)
  async list(@Query() query: ListOrganizationsQueryDto): Promise<OrganizationPageDto> {
    const page = await this.organizations.list(query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
    return { items: page.items.map(toOrganizationDto), nextCursor: page.nextCursor };
  }

  @Post()
  @RequirePermission('identity.organizations.manage')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Create an organisation; names are unique, case aside' })
  @ApiCreatedResponse({ type: OrganizationDto })
  @ApiProblemResponses(400, 401, 403, 409)
  async create(
    @CurrentPrincipal() actor: Principal,
    @Body() body: WriteOrganizationDto,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OrganizationDto> {
    const organization = await this.organizations.create({ actor, name: body.name, origin });
    response.setHeader('Location', `${ORGANIZATIONS_PATH}/${organization.id}`);
    return organizationWithETag(organization, response);
  }

  @Get(':id')
  @RequirePermission('identity.users.read')
  @ApiOperation({ summary: 'One organisation' })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async get(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OrganizationDto> {
    return organizationWithETag(await this.organizations.get(id), response);
  }

  @Patch(':id')
  @RequirePermission('identity.organizations.manage')
  @ApiOperation({ summary: 'Rename an organisation' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: OrganizationDto })
  @ApiProblemResponses(400, 401, 403, 404, 409, 412)
  async rename(
    @CurrentPrincipal() actor: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() body: WriteOrganizationDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OrganizationDto> {
    const organization = await this.organizations.rename({
      actor,
      id,
      name: body.name,
      expectedVersion: versionFromIfMatch(ifMatch),
      origin,
    });
    return organizationWithETag(organization, response);
  }
}
