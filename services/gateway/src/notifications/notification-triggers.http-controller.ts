import {
  Body,
  Controller,
  Get,
  Headers,
  HttpStatus,
  Inject,
  Param,
  Patch,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { firstValueFrom } from 'rxjs';
import type { NotificationTrigger, NotificationsServiceClient } from '@itsm/contracts';
import { RequirePermission } from '../auth/access.decorators';
import { IF_MATCH_HEADER, versionFromIfMatch, withETag } from '../http/etag';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { HttpProblemException } from '../problem/http-problem.exception';
import { ProblemType } from '../problem/problem-details';
import { withRestFieldNames } from '../problem/violation-fields';
import {
  NotificationTriggerDto,
  NotificationTriggerListDto,
  NotificationTriggerPathDto,
  UpdateNotificationTriggerDto,
} from './dto/notification-trigger.dto';
import { NOTIFICATIONS_CLIENT } from './notifications-client.provider';
import {
  notificationsFieldName,
  toNotificationTriggerDto,
  toUpdateTriggerRequest,
} from './notifications-dto.mapper';
import { readModifyWrite } from './read-modify-write';

/** Who is told what of which event: seeded with defaults, changed as data. */
@ApiTags('notifications')
@Controller('/api/v1/notification-triggers')
export class NotificationTriggersHttpController {
  constructor(
    @Inject(NOTIFICATIONS_CLIENT) private readonly notifications: NotificationsServiceClient,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The notification triggers, by key: audiences, channels, template' })
  @ApiOkResponse({ type: NotificationTriggerListDto })
  @ApiProblemResponses(503)
  @RequirePermission('notifications.manage')
  async list(): Promise<NotificationTriggerListDto> {
    const { triggers } = await firstValueFrom(this.notifications.listTriggers({}));
    return { items: triggers.map(toNotificationTriggerDto) };
  }

  @Patch(':key')
  @ApiOperation({
    summary: 'Change a trigger’s audiences, channels, template, importance or whether it is on',
    description:
      'Fields left out keep their value. Events from then on are notified by the new trigger.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: NotificationTriggerDto })
  @ApiProblemResponses(400, 404, 412, 503)
  @RequirePermission('notifications.manage')
  async update(
    @Param() path: NotificationTriggerPathDto,
    @Body() body: UpdateNotificationTriggerDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<NotificationTriggerDto> {
    const ifMatchVersion = versionFromIfMatch(ifMatch);
    const trigger = await readModifyWrite(ifMatchVersion, async () => {
      const current = await this.trigger(path.key);
      const request = toUpdateTriggerRequest(current, body, ifMatchVersion ?? current.version);
      const answer = await withRestFieldNames(
        firstValueFrom(this.notifications.updateTrigger(request)),
        notificationsFieldName,
      );
      return answer.trigger;
    });
    if (!trigger) throw new Error('the notifications service answered without a trigger');
    const dto = toNotificationTriggerDto(trigger);
    return withETag(dto, dto.version, response);
  }

  /** The service lists triggers but does not get one: there are a few dozen at most. */
  private async trigger(key: string): Promise<NotificationTrigger> {
    const { triggers } = await firstValueFrom(this.notifications.listTriggers({}));
    const found = triggers.find((trigger) => trigger.key === key);
    if (!found)
      throw new HttpProblemException(
        HttpStatus.NOT_FOUND,
        ProblemType.notFound,
        `notification trigger ${key} does not exist`,
      );
    return found;
  }
}
