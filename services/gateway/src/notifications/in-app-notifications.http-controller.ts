import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { firstValueFrom } from 'rxjs';
import type { Principal } from '@itsm/auth';
import type { NotificationsServiceClient } from '@itsm/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { withRestFieldNames } from '../problem/violation-fields';
import {
  InAppNotificationPageDto,
  ListInAppNotificationsQueryDto,
  MarkedNotificationsDto,
  MarkNotificationsReadDto,
} from './dto/in-app-notification.dto';
import { recipientOf } from './notification-recipient';
import { NOTIFICATIONS_CLIENT } from './notifications-client.provider';
import {
  notificationsFieldName,
  toInAppNotificationPageDto,
  toListNotificationsRequest,
  toMarkNotificationsReadRequest,
} from './notifications-dto.mapper';

export const NOTIFICATIONS_PATH = '/api/v1/notifications';

/** The caller's notifications in the app: the bell of the web app. */
@ApiTags('notifications')
@Controller(NOTIFICATIONS_PATH)
export class InAppNotificationsHttpController {
  constructor(
    @Inject(NOTIFICATIONS_CLIENT) private readonly notifications: NotificationsServiceClient,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Your notifications in the app, newest first, with how many are unread',
    description:
      'Always the caller’s own; service accounts have none (403). New ones also arrive as ' +
      '`notification` events on `GET /api/v1/events`.',
  })
  @ApiOkResponse({ type: InAppNotificationPageDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('notifications.read_own')
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListInAppNotificationsQueryDto,
  ): Promise<InAppNotificationPageDto> {
    const request = toListNotificationsRequest(recipientOf(principal), query);
    const page = await withRestFieldNames(
      firstValueFrom(this.notifications.listNotifications(request)),
      notificationsFieldName,
    );
    return toInAppNotificationPageDto(page);
  }

  @Post('read')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Mark your notifications read: the ones named, or all of them',
    description: 'Marking one that is read already, or not yours, changes nothing.',
  })
  @ApiOkResponse({ type: MarkedNotificationsDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('notifications.read_own')
  async markRead(
    @CurrentPrincipal() principal: Principal,
    @Body() body: MarkNotificationsReadDto,
  ): Promise<MarkedNotificationsDto> {
    const request = toMarkNotificationsReadRequest(recipientOf(principal), body);
    const { marked } = await withRestFieldNames(
      firstValueFrom(this.notifications.markNotificationsRead(request)),
      notificationsFieldName,
    );
    return { marked };
  }
}
