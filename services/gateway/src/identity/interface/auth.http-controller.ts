import {
  Body,
  Controller,
  Header,
  HttpCode,
  HttpStatus,
  Post,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@itsm/auth';
import {
  Authenticated,
  CurrentPrincipal,
  CurrentSessionId,
  Public,
} from '../../auth/access.decorators';
import { ApiProblemResponses } from '../../problem/api-problem-responses.decorator';
import { RefreshSessionUseCase } from '../application/sessions/refresh-session.use-case';
import { SignInUseCase } from '../application/sessions/sign-in.use-case';
import { SignOutUseCase } from '../application/sessions/sign-out.use-case';
import type { RequestOrigin } from '../domain/audit-event';
import { AnonymousRateLimitGuard } from './anonymous-rate-limit.guard';
import { RefreshSessionDto, SessionTokensDto, SignInDto } from './dto/session.dto';
import { toSessionTokensDto } from './identity-dto.mapper';
import { IdentityErrorFilter } from './identity-error.http-mapper';
import { Origin } from './request-origin.decorator';

export const AUTH_PATH = '/api/v1/auth';

/** Sign-in with email and password, refresh token rotation, sign-out. */
@ApiTags('identity')
@UseFilters(IdentityErrorFilter)
@Controller(AUTH_PATH)
export class AuthHttpController {
  constructor(
    private readonly signIn: SignInUseCase,
    private readonly refreshSession: RefreshSessionUseCase,
    private readonly signOut: SignOutUseCase,
  ) {}

  @Post('sign-in')
  @Public()
  @UseGuards(AnonymousRateLimitGuard)
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Sign in with email and password',
    description:
      'A wrong email and a wrong password are answered alike (401). After too many failures in a ' +
      'row the account is locked for a while: 401 with type `/problems/account-locked`. Limited ' +
      'per client address (429 with Retry-After).',
  })
  @ApiOkResponse({ type: SessionTokensDto })
  @ApiProblemResponses(400, 401, 429)
  async startSession(
    @Body() body: SignInDto,
    @Origin() origin: RequestOrigin,
  ): Promise<SessionTokensDto> {
    return toSessionTokensDto(
      await this.signIn.execute({ email: body.email, password: body.password, origin }),
    );
  }

  @Post('refresh')
  @Public()
  @UseGuards(AnonymousRateLimitGuard)
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Exchange a refresh token for new tokens',
    description:
      'Each refresh token works once and is replaced by the one answered. Presenting a used one ' +
      'ends its session (it may have been stolen): sign in again.',
  })
  @ApiOkResponse({ type: SessionTokensDto })
  @ApiProblemResponses(400, 401, 429)
  async refresh(
    @Body() body: RefreshSessionDto,
    @Origin() origin: RequestOrigin,
  ): Promise<SessionTokensDto> {
    return toSessionTokensDto(
      await this.refreshSession.execute({ refreshToken: body.refreshToken, origin }),
    );
  }

  @Post('sign-out')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'End the current session',
    description: 'Its refresh token stops working and its access tokens are refused.',
  })
  @ApiNoContentResponse({ description: 'Signed out.' })
  @ApiProblemResponses(401)
  async endSession(
    @CurrentPrincipal() principal: Principal,
    @CurrentSessionId() sessionId: string | undefined,
    @Origin() origin: RequestOrigin,
  ): Promise<void> {
    await this.signOut.execute({ principal, sessionId, origin });
  }
}
