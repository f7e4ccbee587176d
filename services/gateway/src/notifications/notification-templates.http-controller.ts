import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { firstValueFrom } from 'rxjs';
import type { Principal } from '@itsm/auth';
import type { NotificationTemplate, NotificationsServiceClient } from '@itsm/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { IF_MATCH_HEADER, versionFromIfMatch, withETag } from '../http/etag';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { withRestFieldNames } from '../problem/violation-fields';
import { TicketVisibilityCheck } from '../tickets/ticket-visibility-check';
import {
  NotificationTemplateDto,
  NotificationTemplateListDto,
  NotificationTemplatePathDto,
  PreviewNotificationTemplateDto,
  RenderedNotificationDto,
  WriteNotificationTemplateDto,
} from './dto/notification-template.dto';
import { NOTIFICATIONS_CLIENT } from './notifications-client.provider';
import {
  notificationsFieldName,
  toNotificationTemplateDto,
  toPreviewTemplateRequest,
  toUpdateTemplateRequest,
} from './notifications-dto.mapper';

function templateWithETag(
  template: NotificationTemplate | undefined,
  response: Response,
): NotificationTemplateDto {
  if (!template) throw new Error('the notifications service answered without a template');
  const dto = toNotificationTemplateDto(template);
  return withETag(dto, dto.version, response);
}

/** The messages notifications are written with, one per key and language (ru, en). */
@ApiTags('notifications')
@Controller('/api/v1/notification-templates')
export class NotificationTemplatesHttpController {
  constructor(
    @Inject(NOTIFICATIONS_CLIENT) private readonly notifications: NotificationsServiceClient,
    private readonly visibility: TicketVisibilityCheck,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every notification template in every language, by key then locale' })
  @ApiOkResponse({ type: NotificationTemplateListDto })
  @ApiProblemResponses(503)
  @RequirePermission('notifications.manage')
  async list(): Promise<NotificationTemplateListDto> {
    const { templates } = await firstValueFrom(this.notifications.listTemplates({}));
    return { items: templates.map(toNotificationTemplateDto) };
  }

  @Get(':key/:locale')
  @ApiOperation({ summary: 'One template in one language; its version is the ETag' })
  @ApiOkResponse({ type: NotificationTemplateDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('notifications.manage')
  async get(
    @Param() path: NotificationTemplatePathDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<NotificationTemplateDto> {
    const { template } = await firstValueFrom(
      this.notifications.getTemplate({ key: path.key, locale: path.locale }),
    );
    return templateWithETag(template, response);
  }

  @Put(':key/:locale')
  @ApiOperation({
    summary: 'Write a template in one language (replacing it, or adding the language)',
    description:
      'Unknown variables and unbalanced {{#if}} blocks are refused with 400, naming the field. ' +
      'Messages sent from then on use the new text.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: NotificationTemplateDto })
  @ApiProblemResponses(400, 412, 503)
  @RequirePermission('notifications.manage')
  async update(
    @Param() path: NotificationTemplatePathDto,
    @Body() body: WriteNotificationTemplateDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<NotificationTemplateDto> {
    const request = toUpdateTemplateRequest(path, body, versionFromIfMatch(ifMatch));
    const { template } = await withRestFieldNames(
      firstValueFrom(this.notifications.updateTemplate(request)),
      notificationsFieldName,
    );
    return templateWithETag(template, response);
  }

  @Post(':key/:locale/preview')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Render a template, or a draft of it, as it would be sent; nothing is sent',
    description:
      'With `ticketId` the variables take that ticket’s values (404 when the caller may not ' +
      'see it), else sample values. A draft (`subject`, `bodyText`, `bodyHtml`, all three) is ' +
      'rendered instead of the stored text, to try a change before saving it.',
  })
  @ApiOkResponse({ type: RenderedNotificationDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('notifications.manage')
  async preview(
    @CurrentPrincipal() principal: Principal,
    @Param() path: NotificationTemplatePathDto,
    @Body() body: PreviewNotificationTemplateDto,
  ): Promise<RenderedNotificationDto> {
    // A ticket's data is rendered only for a caller who may read the ticket.
    if (body.ticketId) await this.visibility.visibleTicket(principal, body.ticketId);
    const { subject, text, html } = await withRestFieldNames(
      firstValueFrom(this.notifications.previewTemplate(toPreviewTemplateRequest(path, body))),
      notificationsFieldName,
    );
    return { subject, text, html };
  }
}
