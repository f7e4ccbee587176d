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
  Post,
  Put,
  Query,
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
import type { Principal } from '@itsm/auth';
import type { SavedView, TicketsServiceClient } from '@itsm/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { actorFor } from '../auth/actor';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { TicketCountsDto } from '../tickets/dto/ticket-counts.dto';
import { TicketPageDto } from '../tickets/dto/ticket.dto';
import { IF_MATCH_HEADER, versionFromIfMatch, withETag } from '../http/etag';
import { toTicketDto } from '../tickets/ticket-dto.mapper';
import { TICKETS_CLIENT } from '../tickets/tickets-client.provider';
import {
  CreateViewDto,
  UpdateViewDto,
  ViewDto,
  ViewListDto,
  ViewOwnerQueryDto,
  ViewTicketsQueryDto,
} from './dto/view.dto';
import {
  toCreateViewRequest,
  toUpdateViewRequest,
  toViewCounts,
  toViewCountsRequest,
  toViewDto,
  toViewTicketsRequest,
} from './view-dto.mapper';

export const VIEWS_PATH = '/api/v1/views';

/** The view of a service answer; throws when the service left it out. */
function requiredView(view: SavedView | undefined): SavedView {
  if (!view) throw new Error('the tickets service answered without a view');
  return view;
}

/** The view as REST, its version sent as the ETag. */
function viewWithETag(view: SavedView | undefined, response: Response): ViewDto {
  const dto = toViewDto(requiredView(view));
  return withETag(dto, dto.version, response);
}

/** The agent whose views these are: the caller, unless they may act for another. */
function ownerFor(principal: Principal, claimed: string | undefined): string {
  return actorFor(principal, claimed, 'tickets.act_on_behalf');
}

/** Saved views (queues): named ticket list queries, an agent's own or shared with every agent. */
@ApiTags('views')
@Controller(VIEWS_PATH)
export class ViewsHttpController {
  constructor(@Inject(TICKETS_CLIENT) private readonly tickets: TicketsServiceClient) {}

  @Get()
  @ApiOperation({ summary: "An agent's own views and every shared one, by name" })
  @ApiOkResponse({ type: ViewListDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('views.use')
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ViewOwnerQueryDto,
  ): Promise<ViewListDto> {
    const { views } = await firstValueFrom(
      this.tickets.listViews({ ownerId: ownerFor(principal, query.ownerId) }),
    );
    return { items: views.map(toViewDto) };
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Save a ticket list query as a view, for its owner alone or shared with every agent',
    description:
      'An agent keeps at most 50 views, each under a name of its own (case aside); a name taken is ' +
      'refused with 400 naming `name`.',
  })
  @ApiCreatedResponse({ type: ViewDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('views.use')
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateViewDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ViewDto> {
    const { view } = await firstValueFrom(
      this.tickets.createView(toCreateViewRequest(body, ownerFor(principal, body.ownerId))),
    );
    const dto = viewWithETag(view, response);
    response.setHeader('Location', `${VIEWS_PATH}/${dto.id}`);
    return dto;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One view by id' })
  @ApiOkResponse({ type: ViewDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('views.use')
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Query() viewer: ViewOwnerQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ViewDto> {
    return viewWithETag(await this.view(id, ownerFor(principal, viewer.ownerId)), response);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Rename, share or refilter a view; only its owner does' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: ViewDto })
  @ApiProblemResponses(400, 403, 404, 412, 503)
  @RequirePermission('views.use')
  async replace(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() body: UpdateViewDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ViewDto> {
    const ownerId = ownerFor(principal, body.ownerId);
    const request = toUpdateViewRequest(id, body, ownerId, versionFromIfMatch(ifMatch));
    const { view } = await firstValueFrom(this.tickets.updateView(request));
    return viewWithETag(view, response);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a view; only its owner does' })
  @ApiNoContentResponse({ description: 'The view is gone.' })
  @ApiProblemResponses(400, 403, 404, 503)
  @RequirePermission('views.use')
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Query() query: ViewOwnerQueryDto,
  ): Promise<void> {
    await firstValueFrom(
      this.tickets.deleteView({ id, ownerId: ownerFor(principal, query.ownerId) }),
    );
  }

  @Get(':id/tickets')
  @ApiOperation({
    summary: 'The tickets a view lists, a page at a time, as `GET /api/v1/tickets` would',
  })
  @ApiOkResponse({ type: TicketPageDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('views.use')
  async listTickets(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Query() page: ViewTicketsQueryDto,
  ): Promise<TicketPageDto> {
    const { query } = await this.view(id, ownerFor(principal, page.ownerId));
    const answer = await firstValueFrom(
      this.tickets.listTickets(toViewTicketsRequest(query, page)),
    );
    return { items: answer.tickets.map(toTicketDto), nextCursor: answer.nextPageToken || null };
  }

  @Get(':id/counts')
  @ApiOperation({
    summary: 'How many tickets are in each state under the filters of a view',
    description:
      'As `GET /api/v1/tickets/counts`; a view of one state counts that state only, so `total` is ' +
      'the number of tickets the view lists.',
  })
  @ApiOkResponse({ type: TicketCountsDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('views.use')
  async countTickets(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Query() viewer: ViewOwnerQueryDto,
  ): Promise<TicketCountsDto> {
    const { query } = await this.view(id, ownerFor(principal, viewer.ownerId));
    const answer = await firstValueFrom(this.tickets.countTickets(toViewCountsRequest(query)));
    return toViewCounts(query, answer);
  }

  /** A view the agent may see: shared, or their own (another's private view is a 404). */
  private async view(id: string, viewerId: string): Promise<SavedView> {
    const { view } = await firstValueFrom(this.tickets.getView({ id, viewerId }));
    return requiredView(view);
  }
}
