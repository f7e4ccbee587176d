import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { firstValueFrom } from 'rxjs';
import type { Principal } from '@itsm/auth';
import type { ClassifierModel, RoutingServiceClient, RoutingSettings } from '@itsm/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { actorFor } from '../auth/actor';
import { IF_MATCH_HEADER, versionFromIfMatch, withETag } from '../http/etag';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { withRestFieldNames } from '../problem/violation-fields';
import {
  ClassificationResultDto,
  ClassifierModelDto,
  ClassifyTextDto,
  TrainClassifierDto,
} from './dto/classifier.dto';
import { RoutingSettingsDto, UpdateRoutingSettingsDto } from './dto/routing-settings.dto';
import { ROUTING_CLIENT } from './routing-client.provider';
import {
  routingFieldName,
  toClassificationResultDto,
  toClassifierModelDto,
  toRoutingSettingsDto,
  toUpdateSettingsRequest,
} from './routing-dto.mapper';
import { ROUTING_PATH } from './support.http-controller';

function settingsWithETag(
  settings: RoutingSettings | undefined,
  response: Response,
): RoutingSettingsDto {
  if (!settings) throw new Error('the routing service answered without settings');
  const dto = toRoutingSettingsDto(settings);
  return withETag(dto, dto.version, response);
}

function requiredModel(model: ClassifierModel | undefined): ClassifierModelDto {
  if (!model) throw new Error('the routing service answered without a model');
  return toClassifierModelDto(model);
}

/** The settings of routing and the classifier that proposes category and group. */
@ApiTags('routing')
@Controller(ROUTING_PATH)
export class RoutingHttpController {
  constructor(@Inject(ROUTING_CLIENT) private readonly routing: RoutingServiceClient) {}

  @Get('settings')
  @ApiOperation({
    summary: 'The classifier’s threshold and the default group; version is the ETag',
  })
  @ApiOkResponse({ type: RoutingSettingsDto })
  @ApiProblemResponses(503)
  @RequirePermission('routing.read')
  async settings(@Res({ passthrough: true }) response: Response): Promise<RoutingSettingsDto> {
    const { settings } = await firstValueFrom(this.routing.getSettings({}));
    return settingsWithETag(settings, response);
  }

  @Put('settings')
  @ApiOperation({
    summary: 'Replace the settings of routing',
    description: 'Tickets routed from now on follow them.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: RoutingSettingsDto })
  @ApiProblemResponses(400, 412, 503)
  @RequirePermission('routing.manage')
  async updateSettings(
    @Body() body: UpdateRoutingSettingsDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RoutingSettingsDto> {
    const { settings } = await withRestFieldNames(
      firstValueFrom(
        this.routing.updateSettings(toUpdateSettingsRequest(body, versionFromIfMatch(ifMatch))),
      ),
      routingFieldName(),
    );
    return settingsWithETag(settings, response);
  }

  @Get('classifier')
  @ApiOperation({
    summary: 'The classifier in use: when it was trained, on how much, and how accurate it is',
    description: '404 until it is first trained.',
  })
  @ApiOkResponse({ type: ClassifierModelDto })
  @ApiProblemResponses(404, 503)
  @RequirePermission('routing.read')
  async classifier(): Promise<ClassifierModelDto> {
    const { model } = await firstValueFrom(this.routing.getClassifier({}));
    return requiredModel(model);
  }

  @Post('classifier/training')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Train the classifier on the resolved tickets routing has seen; it is used at once',
    description:
      'Learns category and group from ticket titles and descriptions and measures itself on a ' +
      'held-out share. Too little history is refused with 409.',
  })
  @ApiCreatedResponse({ type: ClassifierModelDto })
  @ApiProblemResponses(400, 409, 503)
  @RequirePermission('routing.manage')
  async train(
    @CurrentPrincipal() principal: Principal,
    @Body() body: TrainClassifierDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ClassifierModelDto> {
    const { model } = await withRestFieldNames(
      firstValueFrom(
        this.routing.trainClassifier({
          actorId: actorFor(principal, body.actorId, 'tickets.act_on_behalf'),
          holdoutShare: body.holdoutShare ?? 0,
        }),
      ),
      routingFieldName(),
    );
    response.setHeader('Location', `${ROUTING_PATH}/classifier`);
    return requiredModel(model);
  }

  @Post('classifier/predictions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'What the classifier proposes for a title and description, without routing anything',
    description: '404 until the classifier is first trained.',
  })
  @ApiOkResponse({ type: ClassificationResultDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('routing.classify')
  async predict(@Body() body: ClassifyTextDto): Promise<ClassificationResultDto> {
    const answer = await withRestFieldNames(
      firstValueFrom(
        this.routing.classifyText({ title: body.title ?? '', description: body.description ?? '' }),
      ),
      routingFieldName(),
    );
    return toClassificationResultDto(answer);
  }
}
