import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { firstValueFrom } from 'rxjs';
import type { NotificationsServiceClient, WebhookSubscription } from '@itsm/contracts';
import { RequirePermission } from '../auth/access.decorators';
import { IF_MATCH_HEADER, versionFromIfMatch, withETag } from '../http/etag';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { HttpProblemException } from '../problem/http-problem.exception';
import { ProblemType } from '../problem/problem-details';
import { withRestFieldNames } from '../problem/violation-fields';
import {
  CreatedWebhookSubscriptionDto,
  CreateWebhookSubscriptionDto,
  UpdateWebhookSubscriptionDto,
  WebhookSubscriptionDto,
  WebhookSubscriptionListDto,
} from './dto/webhook-subscription.dto';
import { NOTIFICATIONS_CLIENT } from './notifications-client.provider';
import {
  notificationsFieldName,
  toCreatedWebhookSubscriptionDto,
  toCreateWebhookSubscriptionRequest,
  toUpdateWebhookSubscriptionRequest,
  toWebhookSubscriptionDto,
} from './notifications-dto.mapper';
import { readModifyWrite } from './read-modify-write';

export const WEBHOOK_SUBSCRIPTIONS_PATH = '/api/v1/webhook-subscriptions';

const uuid = new ParseUUIDPipe({ version: undefined });

/** Outside systems that receive the platform's events, signed, over HTTP. */
@ApiTags('notifications')
@Controller(WEBHOOK_SUBSCRIPTIONS_PATH)
export class WebhookSubscriptionsHttpController {
  constructor(
    @Inject(NOTIFICATIONS_CLIENT) private readonly notifications: NotificationsServiceClient,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The webhook subscriptions (without their secrets)' })
  @ApiOkResponse({ type: WebhookSubscriptionListDto })
  @ApiProblemResponses(503)
  @RequirePermission('webhooks.manage')
  async list(): Promise<WebhookSubscriptionListDto> {
    const { subscriptions } = await firstValueFrom(this.notifications.listWebhookSubscriptions({}));
    return { items: subscriptions.map(toWebhookSubscriptionDto) };
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Subscribe a URL to events; the answer holds the signing secret, shown this once',
    description:
      'Each event is posted with X-ITSM-Signature (HMAC-SHA256 with the secret); failed posts ' +
      'are retried, and every try is in `/notification-deliveries`.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Retrying with the same key returns the first subscription (header Idempotent-Replayed: ' +
      'true), with `secret: null`.',
  })
  @ApiCreatedResponse({ type: CreatedWebhookSubscriptionDto })
  @ApiProblemResponses(400, 422, 503)
  @RequirePermission('webhooks.manage')
  async create(
    @Body() body: CreateWebhookSubscriptionDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CreatedWebhookSubscriptionDto> {
    const answer = await withRestFieldNames(
      firstValueFrom(
        this.notifications.createWebhookSubscription(
          toCreateWebhookSubscriptionRequest(body, idempotencyKey),
        ),
      ),
      notificationsFieldName,
    );
    const dto = toCreatedWebhookSubscriptionDto(answer);
    withETag(dto, dto.version, response);
    response.setHeader('Location', `${WEBHOOK_SUBSCRIPTIONS_PATH}/${dto.id}`);
    if (!answer.created) response.setHeader('Idempotent-Replayed', 'true');
    return dto;
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a subscription’s name, URL or event types, or pause it (`active: false`)',
    description: 'Fields left out keep their value. The secret stays as it is.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: WebhookSubscriptionDto })
  @ApiProblemResponses(400, 404, 412, 503)
  @RequirePermission('webhooks.manage')
  async update(
    @Param('id', uuid) id: string,
    @Body() body: UpdateWebhookSubscriptionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebhookSubscriptionDto> {
    const ifMatchVersion = versionFromIfMatch(ifMatch);
    const subscription = await readModifyWrite(ifMatchVersion, async () => {
      const current = await this.subscription(id);
      const request = toUpdateWebhookSubscriptionRequest(
        current,
        body,
        ifMatchVersion ?? current.version,
      );
      const answer = await withRestFieldNames(
        firstValueFrom(this.notifications.updateWebhookSubscription(request)),
        notificationsFieldName,
      );
      return answer.subscription;
    });
    if (!subscription) throw new Error('the notifications service answered without a subscription');
    const dto = toWebhookSubscriptionDto(subscription);
    return withETag(dto, dto.version, response);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End a subscription: nothing more is posted to its URL' })
  @ApiNoContentResponse({ description: 'The subscription is gone.' })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('webhooks.manage')
  async delete(@Param('id', uuid) id: string): Promise<void> {
    await firstValueFrom(this.notifications.deleteWebhookSubscription({ id }));
  }

  /** The service lists subscriptions but does not get one. */
  private async subscription(id: string): Promise<WebhookSubscription> {
    const { subscriptions } = await firstValueFrom(this.notifications.listWebhookSubscriptions({}));
    const found = subscriptions.find((subscription) => subscription.id === id);
    if (!found)
      throw new HttpProblemException(
        HttpStatus.NOT_FOUND,
        ProblemType.notFound,
        `webhook subscription ${id} does not exist`,
      );
    return found;
  }
}
