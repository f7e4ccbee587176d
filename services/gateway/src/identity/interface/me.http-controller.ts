import { Body, Controller, Get, HttpCode, HttpStatus, Put, UseFilters } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@itsm/auth';
import { Authenticated, CurrentPrincipal, CurrentSessionId } from '../../auth/access.decorators';
import { ApiProblemResponses } from '../../problem/api-problem-responses.decorator';
import { DescribeCallerUseCase } from '../application/me/describe-caller.use-case';
import { ChangePasswordUseCase } from '../application/users/change-password.use-case';
import type { RequestOrigin } from '../domain/audit-event';
import { MeDto } from './dto/me.dto';
import { ChangePasswordDto } from './dto/user.dto';
import { toMeDto } from './identity-dto.mapper';
import { IdentityErrorFilter } from './identity-error.http-mapper';
import { Origin } from './request-origin.decorator';

/** The caller themselves. */
@ApiTags('identity')
@UseFilters(IdentityErrorFilter)
@Controller('/api/v1/me')
export class MeHttpController {
  constructor(
    private readonly describeCaller: DescribeCallerUseCase,
    private readonly changePassword: ChangePasswordUseCase,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary:
      'Who is calling: the user or service account, roles, permissions, organisation, groups',
  })
  @ApiOkResponse({ type: MeDto })
  @ApiProblemResponses(401)
  async me(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    return toMeDto(await this.describeCaller.execute(principal));
  }

  @Put('password')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Change your password',
    description:
      'Needs the current password; every other session of yours ends. Wrong current passwords ' +
      'count towards the sign-in lock.',
  })
  @ApiNoContentResponse({ description: 'Changed.' })
  @ApiProblemResponses(400, 401, 403)
  async setPassword(
    @CurrentPrincipal() principal: Principal,
    @CurrentSessionId() sessionId: string | undefined,
    @Body() body: ChangePasswordDto,
    @Origin() origin: RequestOrigin,
  ): Promise<void> {
    await this.changePassword.execute({
      principal,
      sessionId,
      currentPassword: body.currentPassword,
      newPassword: body.newPassword,
      origin,
    });
  }
}
