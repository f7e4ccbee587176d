import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { firstValueFrom } from 'rxjs';
import type { NotificationsServiceClient } from '@itsm/contracts';
import { RequirePermission } from '../auth/access.decorators';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { withRestFieldNames } from '../problem/violation-fields';
import { InboundEmailPageDto, ListInboundEmailsQueryDto } from './dto/inbound-email.dto';
import { NOTIFICATIONS_CLIENT } from './notifications-client.provider';
import {
  notificationsFieldName,
  toInboundEmailDto,
  toListInboundEmailsRequest,
} from './notifications-dto.mapper';

/** Email the service desk received: which became tickets or comments, which were dropped. */
@ApiTags('notifications')
@Controller('/api/v1/inbound-emails')
export class InboundEmailsHttpController {
  constructor(
    @Inject(NOTIFICATIONS_CLIENT) private readonly notifications: NotificationsServiceClient,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The inbound email log, newest first: what became of each message and why',
  })
  @ApiOkResponse({ type: InboundEmailPageDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('notifications.read_log')
  async list(@Query() query: ListInboundEmailsQueryDto): Promise<InboundEmailPageDto> {
    const page = await withRestFieldNames(
      firstValueFrom(this.notifications.listInboundEmails(toListInboundEmailsRequest(query))),
      notificationsFieldName,
    );
    return { items: page.emails.map(toInboundEmailDto), nextCursor: page.nextPageToken || null };
  }
}
