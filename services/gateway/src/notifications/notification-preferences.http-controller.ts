import { Body, Controller, Get, Headers, Inject, Put, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { firstValueFrom } from 'rxjs';
import type { Principal } from '@itsm/auth';
import type { NotificationPreferences, NotificationsServiceClient } from '@itsm/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { IF_MATCH_HEADER, versionFromIfMatch, withETag } from '../http/etag';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { withRestFieldNames } from '../problem/violation-fields';
import {
  NotificationPreferencesDto,
  WriteNotificationPreferencesDto,
} from './dto/notification-preferences.dto';
import { recipientOf } from './notification-recipient';
import { NOTIFICATIONS_CLIENT } from './notifications-client.provider';
import {
  notificationsFieldName,
  toNotificationPreferencesDto,
  toUpdatePreferencesRequest,
} from './notifications-dto.mapper';

/**
 * Defaults that were never saved have version 0, which no If-Match can name: they go without
 * an ETag, and the first PUT saves them unconditionally.
 */
function preferencesWithETag(
  preferences: NotificationPreferences | undefined,
  response: Response,
): NotificationPreferencesDto {
  if (!preferences) throw new Error('the notifications service answered without preferences');
  const dto = toNotificationPreferencesDto(preferences);
  return dto.version > 0 ? withETag(dto, dto.version, response) : dto;
}

/** How the caller wants to be told: channels, quiet hours, digest. */
@ApiTags('notifications')
@Controller('/api/v1/me/notification-preferences')
export class NotificationPreferencesHttpController {
  constructor(
    @Inject(NOTIFICATIONS_CLIENT) private readonly notifications: NotificationsServiceClient,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Your notification preferences; the defaults until you change them',
    description: 'Their version is the ETag once saved.',
  })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiProblemResponses(503)
  @RequirePermission('notifications.read_own')
  async get(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<NotificationPreferencesDto> {
    const { preferences } = await firstValueFrom(
      this.notifications.getPreferences({ userId: recipientOf(principal) }),
    );
    return preferencesWithETag(preferences, response);
  }

  @Put()
  @ApiOperation({
    summary: 'Replace your notification preferences',
    description:
      'Email held by quiet hours goes out when they end; in-app notifications are never held back.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiProblemResponses(400, 412, 503)
  @RequirePermission('notifications.read_own')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Body() body: WriteNotificationPreferencesDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<NotificationPreferencesDto> {
    const request = toUpdatePreferencesRequest(
      recipientOf(principal),
      body,
      versionFromIfMatch(ifMatch),
    );
    const { preferences } = await withRestFieldNames(
      firstValueFrom(this.notifications.updatePreferences(request)),
      notificationsFieldName,
    );
    return preferencesWithETag(preferences, response);
  }
}
