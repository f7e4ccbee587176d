import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Put,
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
import { CreateUserUseCase } from '../application/users/create-user.use-case';
import { ListUsersUseCase } from '../application/users/list-users.use-case';
import { SetUserRolesUseCase } from '../application/users/set-user-roles.use-case';
import { UnlockUserUseCase } from '../application/users/unlock-user.use-case';
import { UpdateUserUseCase } from '../application/users/update-user.use-case';
import type { RequestOrigin } from '../domain/audit-event';
import { DEFAULT_LANGUAGE, DEFAULT_TIME_ZONE, type User } from '../domain/user';
import {
  CreateUserDto,
  ListUsersQueryDto,
  SetUserRolesDto,
  UpdateUserDto,
  UserDto,
  UserPageDto,
} from './dto/user.dto';
import { toUserDto } from './identity-dto.mapper';
import { IdentityErrorFilter } from './identity-error.http-mapper';
import { ParseUserIdPipe } from './parse-user-id.pipe';
import { Origin } from './request-origin.decorator';

export const USERS_PATH = '/api/v1/users';
const DEFAULT_PAGE_SIZE = 25;

function userWithETag(user: User, response: Response): UserDto {
  return withETag(toUserDto(user), user.version, response);
}

/** User administration: accounts, profiles, status, roles, sign-in locks. */
@ApiTags('identity')
@UseFilters(IdentityErrorFilter)
@Controller(USERS_PATH)
export class UsersHttpController {
  constructor(
    private readonly listUsers: ListUsersUseCase,
    private readonly createUser: CreateUserUseCase,
    private readonly updateUser: UpdateUserUseCase,
    private readonly setUserRoles: SetUserRolesUseCase,
    private readonly unlockUser: UnlockUserUseCase,
  ) {}

  @Get()
  @RequirePermission('identity.users.read')
  @ApiOperation({ summary: 'Users by email, filtered by role, organisation, status or text' })
  @ApiOkResponse({ type: UserPageDto })
  @ApiProblemResponses(400, 401, 403)
  async list(@Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    const page = await this.listUsers.execute({
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      cursor: query.cursor,
      role: query.role,
      organizationId: query.organizationId,
      status: query.status,
      text: query.query,
    });
    return { items: page.items.map(toUserDto), nextCursor: page.nextCursor };
  }

  @Post()
  @RequirePermission('identity.users.manage')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Create a user',
    description:
      'A service desk manager creates requesters and staff up to supervisor; only an ' +
      'administrator (identity.roles.assign) creates service desk managers and administrators. ' +
      'A directory import may keep the id other systems know the person by (`id`).',
  })
  @ApiCreatedResponse({ type: UserDto })
  @ApiProblemResponses(400, 401, 403, 409)
  async create(
    @CurrentPrincipal() actor: Principal,
    @Body() body: CreateUserDto,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) response: Response,
  ): Promise<UserDto> {
    const user = await this.createUser.execute({
      actor,
      id: body.id ?? null,
      email: body.email,
      displayName: body.displayName,
      password: body.password ?? null,
      roles: body.roles,
      organizationId: body.organizationId ?? null,
      organizationWide: body.organizationWide ?? false,
      language: body.language ?? DEFAULT_LANGUAGE,
      timeZone: body.timeZone ?? DEFAULT_TIME_ZONE,
      origin,
    });
    response.setHeader('Location', `${USERS_PATH}/${encodeURIComponent(user.id)}`);
    return userWithETag(user, response);
  }

  @Get(':id')
  @RequirePermission('identity.users.read')
  @ApiOperation({ summary: 'One user' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async get(
    @Param('id', ParseUserIdPipe) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<UserDto> {
    return userWithETag(await this.listUsers.get(id), response);
  }

  @Patch(':id')
  @RequirePermission('identity.users.manage')
  @ApiOperation({
    summary: 'Change a user’s name, language, time zone, status or organisation',
    description: 'Disabling a user ends all their sessions at once.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: UserDto })
  @ApiProblemResponses(400, 401, 403, 404, 412)
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('id', ParseUserIdPipe) id: string,
    @Body() body: UpdateUserDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) response: Response,
  ): Promise<UserDto> {
    const user = await this.updateUser.execute({
      actor,
      userId: id,
      expectedVersion: versionFromIfMatch(ifMatch),
      changes: {
        displayName: body.displayName,
        language: body.language,
        timeZone: body.timeZone,
        status: body.status,
        organizationId: body.organizationId,
        organizationWide: body.organizationWide,
      },
      origin,
    });
    return userWithETag(user, response);
  }

  @Put(':id/roles')
  @RequirePermission('identity.users.manage')
  @ApiOperation({
    summary: 'Replace a user’s roles',
    description:
      'Giving or taking service_desk_manager or administrator, or changing a user who holds ' +
      'one, needs identity.roles.assign. Nobody changes their own roles.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: UserDto })
  @ApiProblemResponses(400, 401, 403, 404, 412)
  async setRoles(
    @CurrentPrincipal() actor: Principal,
    @Param('id', ParseUserIdPipe) id: string,
    @Body() body: SetUserRolesDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) response: Response,
  ): Promise<UserDto> {
    const user = await this.setUserRoles.execute({
      actor,
      userId: id,
      roles: body.roles,
      expectedVersion: versionFromIfMatch(ifMatch),
      origin,
    });
    return userWithETag(user, response);
  }

  @Post(':id/unlock')
  @RequirePermission('identity.users.manage')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Lift a sign-in lock and forget the failures counted so far' })
  @ApiOkResponse({ type: UserDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async unlock(
    @CurrentPrincipal() actor: Principal,
    @Param('id', ParseUserIdPipe) id: string,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) response: Response,
  ): Promise<UserDto> {
    return userWithETag(await this.unlockUser.execute({ actor, userId: id, origin }), response);
  }
}
