import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  Patch,
  ParseUUIDPipe,
  Post,
  Query,
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
import type { Ticket, TicketsServiceClient } from '@itsm/contracts';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { ApprovalVoteResultDto, CastVoteDto, ChangeApprovalDto } from './dto/change-approval.dto';
import { CommentDto, CommentListDto, CommentsQueryDto, CreateCommentDto } from './dto/comment.dto';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { CountTicketsQueryDto, TicketCountsDto } from './dto/ticket-counts.dto';
import { ListTicketsQueryDto } from './dto/list-tickets.query.dto';
import { TicketDto, TicketPageDto } from './dto/ticket.dto';
import { TicketHistoryDto } from './dto/ticket-history.dto';
import { TransitionTicketDto } from './dto/transition-ticket.dto';
import { UpdateTicketDto } from './dto/update-ticket.dto';
import { versionFromIfMatch } from './if-match';
import {
  commentVisibilityOf,
  toCastApprovalVoteRequest,
  toChangeApprovalDto,
  toCountTicketsRequest,
  toStatusCounts,
  toAddCommentRequest,
  toCommentDto,
  toCreateTicketRequest,
  toHistoryEntryDto,
  toListTicketsRequest,
  toTicketDto,
  toTransitionTicketRequest,
  toUpdateTicketRequest,
} from './ticket-dto.mapper';
import { TICKETS_CLIENT } from './tickets-client.provider';

const TICKETS_PATH = '/api/v1/tickets';

/** The ticket of a service answer as REST, its version sent as the ETag. */
function ticketWithETag(ticket: Ticket | undefined, response: Response): TicketDto {
  if (!ticket) throw new Error('the tickets service answered without a ticket');
  const dto = toTicketDto(ticket);
  response.setHeader('ETag', `"${dto.version}"`);
  return dto;
}

@ApiTags('tickets')
@Controller(TICKETS_PATH)
export class TicketsHttpController {
  constructor(@Inject(TICKETS_CLIENT) private readonly tickets: TicketsServiceClient) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Open a ticket (incident, service request, problem or change)' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Retrying with the same key returns the first result (header Idempotent-Replayed: true).',
  })
  @ApiCreatedResponse({ type: TicketDto })
  @ApiProblemResponses(400, 503)
  async create(
    @Body() body: CreateTicketDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketDto> {
    const { ticket, created } = await firstValueFrom(
      this.tickets.createTicket(toCreateTicketRequest(body, idempotencyKey)),
    );
    const dto = ticketWithETag(ticket, response);
    response.setHeader('Location', `${TICKETS_PATH}/${dto.id}`);
    if (!created) response.setHeader('Idempotent-Replayed', 'true');
    return dto;
  }

  // Declared before :id so "counts" is not taken for a ticket id.
  @Get('counts')
  @ApiOperation({ summary: 'How many tickets are in each state, under the list filters' })
  @ApiOkResponse({ type: TicketCountsDto })
  @ApiProblemResponses(400, 503)
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
  async list(@Query() query: ListTicketsQueryDto): Promise<TicketPageDto> {
    const page = await firstValueFrom(this.tickets.listTickets(toListTicketsRequest(query)));
    return { items: page.tickets.map(toTicketDto), nextCursor: page.nextPageToken || null };
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Edit title, description, impact, urgency or the priority (by hand, with a reason)',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag you last saw; a stale one is refused with 412 so no change is lost.',
  })
  @ApiOkResponse({ type: TicketDto })
  @ApiProblemResponses(400, 404, 409, 412, 503)
  async update(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() body: UpdateTicketDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketDto> {
    const request = toUpdateTicketRequest(id, body, versionFromIfMatch(ifMatch));
    const { ticket } = await firstValueFrom(this.tickets.updateTicket(request));
    return ticketWithETag(ticket, response);
  }

  @Post(':id/transitions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Move a ticket through the lifecycle of its type (incident, service request, problem or change)',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag you last saw; a stale one is refused with 412 so no change is lost.',
  })
  @ApiOkResponse({ type: TicketDto })
  @ApiProblemResponses(400, 404, 409, 412, 503)
  async transition(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() body: TransitionTicketDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketDto> {
    const request = toTransitionTicketRequest(id, body, versionFromIfMatch(ifMatch));
    const { ticket } = await firstValueFrom(this.tickets.transitionTicket(request));
    return ticketWithETag(ticket, response);
  }

  @Get(':id/approval')
  @ApiOperation({ summary: 'The current approval round of a change, with its votes' })
  @ApiOkResponse({ type: ChangeApprovalDto })
  @ApiProblemResponses(400, 404, 503)
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
  async vote(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() body: CastVoteDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ApprovalVoteResultDto> {
    const { approval, ticket } = await firstValueFrom(
      this.tickets.castApprovalVote(toCastApprovalVoteRequest(id, body)),
    );
    if (!approval) throw new Error('the tickets service answered without an approval');
    return { approval: toChangeApprovalDto(approval), ticket: ticketWithETag(ticket, response) };
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'The audit trail of a ticket: who changed what and when, oldest first' })
  @ApiOkResponse({ type: TicketHistoryDto })
  @ApiProblemResponses(400, 404, 503)
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
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Retrying with the same key returns the first comment (header Idempotent-Replayed: true).',
  })
  @ApiCreatedResponse({ type: CommentDto })
  @ApiProblemResponses(400, 404, 409, 422, 503)
  async comment(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Body() body: CreateCommentDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommentDto> {
    const { comment, ticket, created } = await firstValueFrom(
      this.tickets.addComment(toAddCommentRequest(id, body, idempotencyKey)),
    );
    if (!comment) throw new Error('the tickets service answered without a comment');
    response.setHeader('Location', `${TICKETS_PATH}/${id}/comments`);
    if (ticket) response.setHeader('ETag', `"${ticket.version}"`);
    if (!created) response.setHeader('Idempotent-Replayed', 'true');
    return toCommentDto(comment);
  }

  @Get(':id/comments')
  @ApiOperation({ summary: 'The conversation of a ticket, oldest first' })
  @ApiOkResponse({ type: CommentListDto })
  @ApiProblemResponses(400, 404, 503)
  async comments(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Query() query: CommentsQueryDto,
  ): Promise<CommentListDto> {
    const { comments } = await firstValueFrom(
      this.tickets.listComments({
        ticketId: id,
        visibility: commentVisibilityOf(query.visibility),
      }),
    );
    return { items: comments.map(toCommentDto) };
  }
}
