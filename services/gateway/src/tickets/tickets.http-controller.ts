import { BulkUpdateResultDto, BulkUpdateTicketsDto } from './dto/bulk-update.dto';
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
  Patch,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { firstValueFrom } from 'rxjs';
import { can, type Principal, ticketAccessOf } from '@itsm/auth';
import type { TicketsServiceClient } from '@itsm/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { actorFor, requesterFor } from '../auth/actor';
import { forbidden } from '../auth/auth.guard';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { ApprovalVoteResultDto, CastVoteDto, ChangeApprovalDto } from './dto/change-approval.dto';
import { CommentDto, CommentListDto, CommentsQueryDto, CreateCommentDto } from './dto/comment.dto';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { CountTicketsQueryDto, TicketCountsDto } from './dto/ticket-counts.dto';
import { ListTicketsQueryDto } from './dto/list-tickets.query.dto';
import { MergeResultDto, MergeTicketDto } from './dto/merge-ticket.dto';
import { RateTicketDto } from './dto/rate-ticket.dto';
import { TicketDto, TicketPageDto } from './dto/ticket.dto';
import { TicketHistoryDto } from './dto/ticket-history.dto';
import {
  LinkTicketDto,
  TicketRelationDto,
  TicketRelationListDto,
  UnlinkTicketQueryDto,
} from './dto/ticket-relation.dto';
import { TransitionTicketDto } from './dto/transition-ticket.dto';
import { UpdateTicketDto } from './dto/update-ticket.dto';
import { TicketWatcherPathDto, WatchTicketActorDto } from './dto/watch-ticket.dto';
import { IF_MATCH_HEADER, versionFromIfMatch } from '../http/etag';
import {
  claimedBulkActor,
  claimedWatchActor,
  commentVisibilityOf,
  toRateTicketRequest,
  toCastApprovalVoteRequest,
  toChangeApprovalDto,
  toCountTicketsRequest,
  toStatusCounts,
  toAddCommentRequest,
  toCommentDto,
  toCreateTicketRequest,
  toHistoryEntryDto,
  toLinkTicketsRequest,
  toListTicketsRequest,
  toMergeTicketRequest,
  toTicketDto,
  toTicketRelationDto,
  toBulkUpdateTicketsRequest,
  toTransitionTicketRequest,
  toUpdateTicketRequest,
  toVisibleCommentDtos,
  toWatchTicketRequest,
} from './ticket-dto.mapper';
import { openedTicket, requiredTicketDto, TICKETS_PATH, ticketWithETag } from './ticket-response';
import { TICKETS_CLIENT } from './tickets-client.provider';

const ACT_ON_BEHALF = 'tickets.act_on_behalf';

@ApiTags('tickets')
@Controller(TICKETS_PATH)
export class TicketsHttpController {
  constructor(@Inject(TICKETS_CLIENT) private readonly tickets: TicketsServiceClient) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Open a ticket (incident, service request, problem or change)',
    description:
      'Requesters open incidents and service requests for themselves, in their organisation; ' +
      'problems and changes are the service desk’s (`tickets.work`).',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Retrying with the same key returns the first result (header Idempotent-Replayed: true); ' +
      'the same key with a different body is refused with 422.',
  })
  @ApiCreatedResponse({ type: TicketDto })
  @ApiProblemResponses(400, 422, 503)
  @RequirePermission('tickets.create')
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateTicketDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketDto> {
    const requester = requesterFor(principal, body);
    const answer = await firstValueFrom(
      this.tickets.createTicket(toCreateTicketRequest(body, requester, idempotencyKey)),
    );
    return openedTicket(answer, response);
  }

  // Declared before :id so "counts" is not taken for a ticket id.
  @Get('counts')
  @ApiOperation({ summary: 'How many tickets are in each state, under the list filters' })
  @ApiOkResponse({ type: TicketCountsDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('tickets.read')
  async counts(@Query() query: CountTicketsQueryDto): Promise<TicketCountsDto> {
    const { counts, total } = await firstValueFrom(
      this.tickets.countTickets(toCountTicketsRequest(query)),
    );
    return { byStatus: toStatusCounts(counts), total };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One ticket by id' })
  @ApiOkResponse({ type: TicketDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('tickets.read')
  async get(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketDto> {
    const { ticket } = await firstValueFrom(this.tickets.getTicket({ id }));
    return ticketWithETag(ticket, response);
  }

  @Get()
  @ApiOperation({ summary: 'Tickets, newest first, with cursor pagination and filters' })
  @ApiOkResponse({ type: TicketPageDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('tickets.read')
  async list(@Query() query: ListTicketsQueryDto): Promise<TicketPageDto> {
    const page = await firstValueFrom(this.tickets.listTickets(toListTicketsRequest(query)));
    return { items: page.tickets.map(toTicketDto), nextCursor: page.nextPageToken || null };
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Edit title, description, impact, urgency, the priority (by hand, with a reason) or the tags',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: TicketDto })
  @ApiProblemResponses(400, 404, 409, 412, 503)
  @RequirePermission('tickets.work')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() body: UpdateTicketDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketDto> {
    const actorId = actorFor(principal, body.actorId, ACT_ON_BEHALF);
    const request = toUpdateTicketRequest(id, body, actorId, versionFromIfMatch(ifMatch));
    const { ticket } = await firstValueFrom(this.tickets.updateTicket(request));
    return ticketWithETag(ticket, response);
  }

  @Post('bulk')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'The same lifecycle action or edit on up to 100 tickets, all or nothing',
    description:
      'Every ticket is checked and changed as if one by one; when one is refused, none changes and ' +
      'the problem names it (`ticketNumber`). Each change keeps its own history entry and event.',
  })
  @ApiOkResponse({ type: BulkUpdateResultDto })
  @ApiProblemResponses(400, 404, 409, 503)
  @RequirePermission('tickets.bulk')
  async bulkUpdate(
    @CurrentPrincipal() principal: Principal,
    @Body() body: BulkUpdateTicketsDto,
  ): Promise<BulkUpdateResultDto> {
    const actorId = actorFor(principal, claimedBulkActor(body), ACT_ON_BEHALF);
    const { tickets } = await firstValueFrom(
      this.tickets.bulkUpdateTickets(toBulkUpdateTicketsRequest(body, actorId)),
    );
    return { items: tickets.map(toTicketDto) };
  }

  @Post(':id/transitions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Move a ticket through the lifecycle of its type (incident, service request, problem or change)',
    description:
      'The service desk (`tickets.work`) takes any action the lifecycle allows. A requester ' +
      'moves only their own incidents and requests: cancel while new, close or reopen once ' +
      'resolved; anything else is refused with 403.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: TicketDto })
  @ApiProblemResponses(400, 404, 409, 412, 503)
  // Requesters' own few actions (cancel, close, reopen) come through; the tickets service
  // refuses the rest unless the caller works tickets.
  @RequirePermission('tickets.transition_own')
  async transition(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() body: TransitionTicketDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketDto> {
    const actorId = actorFor(principal, body.actorId, ACT_ON_BEHALF);
    const request = toTransitionTicketRequest(id, body, actorId, versionFromIfMatch(ifMatch));
    const { ticket } = await firstValueFrom(this.tickets.transitionTicket(request));
    return ticketWithETag(ticket, response);
  }

  @Get(':id/approval')
  @ApiOperation({ summary: 'The current approval round of a change, with its votes' })
  @ApiOkResponse({ type: ChangeApprovalDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('tickets.read')
  async approval(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
  ): Promise<ChangeApprovalDto> {
    const { approval } = await firstValueFrom(this.tickets.getApproval({ ticketId: id }));
    if (!approval) throw new Error('the tickets service answered without an approval');
    return toChangeApprovalDto(approval);
  }

  @Post(':id/approval/votes')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Approve or reject a change as a named approver or CAB member; a rejection rejects the change at once',
  })
  @ApiOkResponse({ type: ApprovalVoteResultDto })
  @ApiProblemResponses(400, 404, 409, 503)
  @RequirePermission('tickets.approve')
  async vote(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() body: CastVoteDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ApprovalVoteResultDto> {
    const approverId = actorFor(principal, body.approverId, ACT_ON_BEHALF);
    const { approval, ticket } = await firstValueFrom(
      this.tickets.castApprovalVote(toCastApprovalVoteRequest(id, body, approverId)),
    );
    if (!approval) throw new Error('the tickets service answered without an approval');
    return { approval: toChangeApprovalDto(approval), ticket: ticketWithETag(ticket, response) };
  }

  @Post(':id/relations')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'Relate a ticket to another: child of a major incident, duplicate, caused by a problem, or related; the same relation again answers the existing one with 200',
  })
  @ApiCreatedResponse({ type: TicketRelationDto })
  @ApiOkResponse({ type: TicketRelationDto, description: 'The relation existed already.' })
  @ApiProblemResponses(400, 404, 409, 503)
  @RequirePermission('tickets.work')
  async link(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() body: LinkTicketDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketRelationDto> {
    const actorId = actorFor(principal, body.actorId, ACT_ON_BEHALF);
    const { relation, created } = await firstValueFrom(
      this.tickets.linkTickets(toLinkTicketsRequest(id, body, actorId)),
    );
    if (!relation) throw new Error('the tickets service answered without a relation');
    const dto = toTicketRelationDto(relation);
    response.setHeader('Location', `${TICKETS_PATH}/${id}/relations/${dto.id}`);
    if (!created) response.status(HttpStatus.OK);
    return dto;
  }

  @Get(':id/relations')
  @ApiOperation({
    summary: 'The relations of a ticket in both directions, oldest first',
  })
  @ApiOkResponse({ type: TicketRelationListDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('tickets.read')
  async relations(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
  ): Promise<TicketRelationListDto> {
    const { relations } = await firstValueFrom(this.tickets.listRelations({ ticketId: id }));
    return { items: relations.map(toTicketRelationDto) };
  }

  @Delete(':id/relations/:relationId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a relation of a ticket' })
  @ApiNoContentResponse({ description: 'The relation is gone.' })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('tickets.work')
  async unlink(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Param('relationId', new ParseUUIDPipe({ version: undefined })) relationId: string,
    @Query() query: UnlinkTicketQueryDto,
  ): Promise<void> {
    const actorId = actorFor(principal, query.actorId, ACT_ON_BEHALF);
    await firstValueFrom(this.tickets.unlinkTickets({ ticketId: id, relationId, actorId }));
  }

  @Post(':id/merge')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Merge a duplicate into the ticket that stays: its conversation moves over and it is cancelled as a duplicate; nothing is deleted',
  })
  @ApiHeader({
    ...IF_MATCH_HEADER,
    description:
      'The ETag of the duplicate you last saw; a stale one is refused with 412 so no change is lost.',
  })
  @ApiOkResponse({
    type: MergeResultDto,
    description: 'The ETag is the version of the duplicate (the source).',
  })
  @ApiProblemResponses(400, 404, 409, 412, 503)
  @RequirePermission('tickets.work')
  async merge(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() body: MergeTicketDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MergeResultDto> {
    const actorId = actorFor(principal, body.actorId, ACT_ON_BEHALF);
    const request = toMergeTicketRequest(id, body, actorId, versionFromIfMatch(ifMatch));
    const { source, target, movedComments } = await firstValueFrom(
      this.tickets.mergeTicket(request),
    );
    return {
      source: ticketWithETag(source, response),
      target: requiredTicketDto(target),
      movedComments,
    };
  }

  @Put(':id/watchers/:watcherId')
  @ApiOperation({
    summary:
      'Add a watcher, told of every public change of the ticket; adding one again changes nothing',
    description:
      'Requesters add only themselves; the service desk (`tickets.work`) adds anyone (else 403).',
  })
  @ApiBody({
    type: WatchTicketActorDto,
    required: false,
    description: 'The actor, unless given in the query.',
  })
  @ApiOkResponse({ type: TicketDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('tickets.comment')
  async watch(
    @CurrentPrincipal() principal: Principal,
    @Param() path: TicketWatcherPathDto,
    @Query() query: WatchTicketActorDto,
    @Body() body: WatchTicketActorDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketDto> {
    const actorId = actorFor(principal, claimedWatchActor(query, body), ACT_ON_BEHALF);
    const { ticket } = await firstValueFrom(
      this.tickets.watchTicket(toWatchTicketRequest(path, actorId, true)),
    );
    return ticketWithETag(ticket, response);
  }

  @Delete(':id/watchers/:watcherId')
  @ApiOperation({
    summary: 'Remove a watcher; removing one who is not there changes nothing',
    description:
      'Requesters remove only themselves; the service desk (`tickets.work`) removes anyone (else 403).',
  })
  @ApiOkResponse({ type: TicketDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('tickets.comment')
  async unwatch(
    @CurrentPrincipal() principal: Principal,
    @Param() path: TicketWatcherPathDto,
    @Query() query: WatchTicketActorDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketDto> {
    const actorId = actorFor(principal, claimedWatchActor(query, undefined), ACT_ON_BEHALF);
    const { ticket } = await firstValueFrom(
      this.tickets.watchTicket(toWatchTicketRequest(path, actorId, false)),
    );
    return ticketWithETag(ticket, response);
  }

  @Post(':id/satisfaction')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'The requester rates a resolved or closed ticket, once; the same rating again is a retry',
    description:
      'Only the requester rates (else 400 naming `requesterId`); a ticket not yet resolved, or ' +
      'already rated differently, is refused with 409.',
  })
  @ApiOkResponse({ type: TicketDto })
  @ApiProblemResponses(400, 404, 409, 503)
  @RequirePermission('tickets.rate')
  async rate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() body: RateTicketDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketDto> {
    const requesterId = actorFor(principal, body.requesterId, ACT_ON_BEHALF);
    const { ticket } = await firstValueFrom(
      this.tickets.rateTicket(toRateTicketRequest(id, body, requesterId)),
    );
    return ticketWithETag(ticket, response);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'The audit trail of a ticket: who changed what and when, oldest first' })
  @ApiOkResponse({ type: TicketHistoryDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('tickets.read')
  async history(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
  ): Promise<TicketHistoryDto> {
    const { entries } = await firstValueFrom(this.tickets.listTicketHistory({ id }));
    return { items: entries.map(toHistoryEntryDto) };
  }

  @Post(':id/comments')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Reply publicly or add an internal note; the first agent reply is the first response',
    description:
      'Internal notes are the service desk’s: writing one needs `tickets.note` (else 403).',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Retrying with the same key returns the first comment (header Idempotent-Replayed: true); ' +
      'the same key with a different body is refused with 422.',
  })
  @ApiCreatedResponse({ type: CommentDto })
  @ApiProblemResponses(400, 404, 409, 422, 503)
  @RequirePermission('tickets.comment')
  async comment(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() body: CreateCommentDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommentDto> {
    if (body.visibility === 'internal' && !can(principal, 'tickets.note'))
      throw forbidden('internal notes are the service desk’s (tickets.note is needed)');
    const authorId = actorFor(principal, body.authorId, ACT_ON_BEHALF);
    const { comment, ticket, created } = await firstValueFrom(
      this.tickets.addComment(toAddCommentRequest(id, body, authorId, idempotencyKey)),
    );
    if (!comment) throw new Error('the tickets service answered without a comment');
    response.setHeader('Location', `${TICKETS_PATH}/${id}/comments`);
    if (ticket) response.setHeader('ETag', `"${ticket.version}"`);
    if (!created) response.setHeader('Idempotent-Replayed', 'true');
    return toCommentDto(comment);
  }

  @Get(':id/comments')
  @ApiOperation({
    summary: 'The conversation of a ticket, oldest first',
    description: 'Internal notes only reach callers who may read them (`tickets.read_internal`).',
  })
  @ApiOkResponse({ type: CommentListDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('tickets.read')
  async comments(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Query() query: CommentsQueryDto,
  ): Promise<CommentListDto> {
    const { comments } = await firstValueFrom(
      this.tickets.listComments({
        ticketId: id,
        visibility: commentVisibilityOf(query.visibility),
      }),
    );
    return { items: toVisibleCommentDtos(comments, ticketAccessOf(principal).seesInternalNotes) };
  }
}
