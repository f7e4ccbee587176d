import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { firstValueFrom } from 'rxjs';
import type { NotificationsServiceClient } from '@itsm/contracts';
import { RequirePermission } from '../auth/access.decorators';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { withRestFieldNames } from '../problem/violation-fields';
import {
  DeliveryDetailDto,
  DeliveryDto,
  DeliveryPageDto,
  ListDeliveriesQueryDto,
} from './dto/delivery.dto';
import { NOTIFICATIONS_CLIENT } from './notifications-client.provider';
import {
  notificationsFieldName,
  toDeliveryDetailDto,
  toDeliveryDto,
  toListDeliveriesRequest,
} from './notifications-dto.mapper';

const uuid = new ParseUUIDPipe({ version: undefined });

/** Every email, webhook post and in-app notification sent, with its tries. */
@ApiTags('notifications')
@Controller('/api/v1/notification-deliveries')
export class NotificationDeliveriesHttpController {
  constructor(
    @Inject(NOTIFICATIONS_CLIENT) private readonly notifications: NotificationsServiceClient,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The delivery log, newest first: what was sent to whom, through which channel',
  })
  @ApiOkResponse({ type: DeliveryPageDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('notifications.read_log')
  async list(@Query() query: ListDeliveriesQueryDto): Promise<DeliveryPageDto> {
    const page = await withRestFieldNames(
      firstValueFrom(this.notifications.listDeliveries(toListDeliveriesRequest(query))),
      notificationsFieldName,
    );
    return { items: page.deliveries.map(toDeliveryDto), nextCursor: page.nextPageToken || null };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One delivery with every try: when, the outcome, the receiver’s reply' })
  @ApiOkResponse({ type: DeliveryDetailDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('notifications.read_log')
  async get(@Param('id', uuid) id: string): Promise<DeliveryDetailDto> {
    return toDeliveryDetailDto(await firstValueFrom(this.notifications.getDelivery({ id })));
  }

  @Post(':id/redeliver')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Send a failed or dead delivery again, with fresh tries',
    description:
      'For when the receiver is fixed. Any other delivery (pending, delivered, …) is refused ' +
      'with 409.',
  })
  @ApiOkResponse({ type: DeliveryDto })
  @ApiProblemResponses(400, 404, 409, 503)
  @RequirePermission('webhooks.manage')
  async redeliver(@Param('id', uuid) id: string): Promise<DeliveryDto> {
    const { delivery } = await firstValueFrom(this.notifications.redeliverDelivery({ id }));
    if (!delivery) throw new Error('the notifications service answered without a delivery');
    return toDeliveryDto(delivery);
  }
}
