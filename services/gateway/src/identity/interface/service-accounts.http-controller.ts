import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  UseFilters,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@itsm/auth';
import { CurrentPrincipal, RequirePermission } from '../../auth/access.decorators';
import { ApiProblemResponses } from '../../problem/api-problem-responses.decorator';
import { ManageServiceAccountsUseCase } from '../application/service-accounts/manage-service-accounts.use-case';
import { API_KEY_ID_PATTERN } from '../domain/api-key';
import type { RequestOrigin } from '../domain/audit-event';
import { invalidField } from '../domain/identity-error';
import {
  ApiKeyListDto,
  CreateApiKeyDto,
  CreatedApiKeyDto,
  CreateServiceAccountDto,
  ServiceAccountDto,
  ServiceAccountListDto,
} from './dto/service-account.dto';
import { toApiKeyDto, toServiceAccountDto } from './identity-dto.mapper';
import { IdentityErrorFilter } from './identity-error.http-mapper';
import { Origin } from './request-origin.decorator';

export const SERVICE_ACCOUNTS_PATH = '/api/v1/service-accounts';

/** Integrations and their API keys; a key's secret is shown once, when it is created. */
@ApiTags('identity')
@UseFilters(IdentityErrorFilter)
@RequirePermission('identity.api_keys.manage')
@Controller(SERVICE_ACCOUNTS_PATH)
export class ServiceAccountsHttpController {
  constructor(private readonly serviceAccounts: ManageServiceAccountsUseCase) {}

  @Get()
  @ApiOperation({ summary: 'Service accounts by name' })
  @ApiOkResponse({ type: ServiceAccountListDto })
  @ApiProblemResponses(401, 403)
  async list(): Promise<ServiceAccountListDto> {
    return { items: (await this.serviceAccounts.list()).map(toServiceAccountDto) };
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Create a service account for an integration' })
  @ApiCreatedResponse({ type: ServiceAccountDto })
  @ApiProblemResponses(400, 401, 403, 409)
  async create(
    @CurrentPrincipal() actor: Principal,
    @Body() body: CreateServiceAccountDto,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ServiceAccountDto> {
    const account = await this.serviceAccounts.create({
      actor,
      name: body.name,
      description: body.description ?? '',
      origin,
    });
    response.setHeader('Location', `${SERVICE_ACCOUNTS_PATH}/${account.id}`);
    return toServiceAccountDto(account);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One service account' })
  @ApiOkResponse({ type: ServiceAccountDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async get(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
  ): Promise<ServiceAccountDto> {
    return toServiceAccountDto(await this.serviceAccounts.get(id));
  }

  @Get(':id/api-keys')
  @ApiOperation({ summary: 'The API keys of a service account (never their secrets)' })
  @ApiOkResponse({ type: ApiKeyListDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async listKeys(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
  ): Promise<ApiKeyListDto> {
    return { items: (await this.serviceAccounts.listKeys(id)).map(toApiKeyDto) };
  }

  @Post(':id/api-keys')
  @HttpCode(HttpStatus.CREATED)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Create an API key; the answer is the only time its secret is shown',
    description:
      'The key authenticates as the service account with the given scopes and no roles. ' +
      'Send it as `Authorization: ApiKey itsm_…` or `X-API-Key: itsm_…`.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiProblemResponses(400, 401, 403, 404)
  async createKey(
    @CurrentPrincipal() actor: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() body: CreateApiKeyDto,
    @Origin() origin: RequestOrigin,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CreatedApiKeyDto> {
    const { key, plaintext } = await this.serviceAccounts.createKey({
      actor,
      serviceAccountId: id,
      name: body.name,
      scopes: body.scopes,
      expiresAt: body.expiresAt === undefined ? null : new Date(body.expiresAt),
      origin,
    });
    response.setHeader('Location', `${SERVICE_ACCOUNTS_PATH}/${id}/api-keys/${key.id}`);
    return { ...toApiKeyDto(key), key: plaintext };
  }

  @Delete(':id/api-keys/:keyId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke an API key; it is refused from now on' })
  @ApiNoContentResponse({ description: 'Revoked (also when it was already).' })
  @ApiProblemResponses(400, 401, 403, 404)
  async revokeKey(
    @CurrentPrincipal() actor: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Param('keyId') keyId: string,
    @Origin() origin: RequestOrigin,
  ): Promise<void> {
    if (!API_KEY_ID_PATTERN.test(keyId))
      throw invalidField('keyId', 'keyId must be the 16 hex characters of a key id');
    await this.serviceAccounts.revokeKey({ actor, serviceAccountId: id, keyId, origin });
  }
}
