import { Controller, Inject, UseFilters } from '@nestjs/common';
import {
  type AddAttachmentRequest,
  type AddAttachmentResponse,
  type GetAttachmentRequest,
  type GetAttachmentResponse,
  type ListAttachmentsRequest,
  type ListAttachmentsResponse,
  type GetPriorityMatrixResponse,
  type UpdatePriorityMatrixRequest,
  type UpdatePriorityMatrixResponse,
  type CreateViewRequest,
  type CreateViewResponse,
  type DeleteViewRequest,
  type DeleteViewResponse,
  type GetViewRequest,
  type GetViewResponse,
  type ListViewsRequest,
  type ListViewsResponse,
  type UpdateViewRequest,
  type UpdateViewResponse,
  type RateTicketRequest,
  type RateTicketResponse,
  type WatchTicketRequest,
  type WatchTicketResponse,
  type BulkUpdateTicketsRequest,
  type BulkUpdateTicketsResponse,
  type LinkTicketsRequest,
  type LinkTicketsResponse,
  type ListRelationsRequest,
  type ListRelationsResponse,
  type MergeTicketRequest,
  type MergeTicketResponse,
  type UnlinkTicketsRequest,
  type UnlinkTicketsResponse,
  type CastApprovalVoteRequest,
  type CastApprovalVoteResponse,
  type GetApprovalRequest,
  type GetApprovalResponse,
  type AddCommentRequest,
  type AddCommentResponse,
  type CountTicketsRequest,
  type CountTicketsResponse,
  type CreateTicketRequest,
  type ListCommentsRequest,
  type ListCommentsResponse,
  type CreateTicketResponse,
  type GetTicketRequest,
  type GetTicketResponse,
  type ListTicketHistoryRequest,
  type ListTicketHistoryResponse,
  type ListTicketsRequest,
  type ListTicketsResponse,
  toTimestamp,
  type TransitionTicketRequest,
  type TransitionTicketResponse,
  type UpdateTicketRequest,
  type UpdateTicketResponse,
  type TicketsServiceController,
  TicketsServiceControllerMethods,
} from '@itsm/contracts';
import type { BulkOperation } from '../application/bulk-update/bulk-update-tickets.command';
import { BulkUpdateTicketsUseCase } from '../application/bulk-update/bulk-update-tickets.use-case';
import { RateTicketUseCase } from '../application/satisfaction/rate-ticket.use-case';
import { WatchTicketUseCase } from '../application/watchers/watch-ticket.use-case';
import { LinkTicketsUseCase } from '../application/relations/link-tickets.use-case';
import { ListRelationsUseCase } from '../application/relations/list-relations.use-case';
import { MergeTicketUseCase } from '../application/relations/merge-ticket.use-case';
import { UnlinkTicketsUseCase } from '../application/relations/unlink-tickets.use-case';
import { CastApprovalVoteUseCase } from '../application/change-approval/cast-approval-vote.use-case';
import { GetApprovalUseCase } from '../application/change-approval/get-approval.use-case';
import { AddCommentUseCase } from '../application/comments/add-comment.use-case';
import { ListCommentsUseCase } from '../application/comments/list-comments.use-case';
import { CountTicketsUseCase } from '../application/count-tickets/count-tickets.use-case';
import { CreateTicketUseCase } from '../application/create-ticket/create-ticket.use-case';
import { GetTicketUseCase } from '../application/get-ticket/get-ticket.use-case';
import { ListTicketsUseCase } from '../application/list-tickets/list-tickets.use-case';
import { ListTicketHistoryUseCase } from '../application/ticket-history/list-ticket-history.use-case';
import { TransitionTicketUseCase } from '../application/transition-ticket/transition-ticket.use-case';
import { UpdateTicketUseCase } from '../application/update-ticket/update-ticket.use-case';
import {
  toAttachmentMessage,
  relationKindMessages,
  toRelationMessage,
  changeKindMessages,
  toApprovalMessage,
  voteDecisionMessages,
  channelMessages,
  commentVisibilityMessages,
  toCommentMessage,
  fromMessage,
  impactMessages,
  toFieldChangeMessages,
  ticketStatusMessages,
  ticketTypeMessages,
  toTicketMessage,
  urgencyMessages,
} from '../application/ticket-message.mapper';
import { TicketError, TicketErrorCode } from '../domain/ticket-error';
import { TicketErrorRpcFilter } from './ticket-error.grpc-mapper';
import { toTicketEdit } from './ticket-patch.mapper';
import { toTicketFilters } from './ticket-filters.mapper';
import { SavedViewsGrpcHandlers } from './saved-views.grpc-handlers';
import { fromPriorityMatrixCells, toPriorityMatrixMessage } from './priority-matrix.mapper';
import { PriorityMatrixUseCase } from '../application/priority-matrix/priority-matrix.use-case';
import { AttachmentsUseCase } from '../application/attachments/attachments.use-case';
import { parseJsonObject } from './json-object.mapper';
import { optionalDate, toTransitionCommand } from './transition-request.mapper';

/** gRPC `itsm.tickets.v1.TicketsService`: request → command → use case → response. */
@Controller()
@TicketsServiceControllerMethods()
@UseFilters(TicketErrorRpcFilter)
export class TicketsGrpcController implements TicketsServiceController {
  constructor(
    @Inject(CreateTicketUseCase) private readonly createTicketUseCase: CreateTicketUseCase,
    @Inject(GetTicketUseCase) private readonly getTicketUseCase: GetTicketUseCase,
    @Inject(ListTicketsUseCase) private readonly listTicketsUseCase: ListTicketsUseCase,
    @Inject(TransitionTicketUseCase)
    private readonly transitionTicketUseCase: TransitionTicketUseCase,
    @Inject(ListTicketHistoryUseCase)
    private readonly listTicketHistoryUseCase: ListTicketHistoryUseCase,
    @Inject(AddCommentUseCase) private readonly addCommentUseCase: AddCommentUseCase,
    @Inject(ListCommentsUseCase) private readonly listCommentsUseCase: ListCommentsUseCase,
    @Inject(CountTicketsUseCase) private readonly countTicketsUseCase: CountTicketsUseCase,
    @Inject(UpdateTicketUseCase) private readonly updateTicketUseCase: UpdateTicketUseCase,
    @Inject(GetApprovalUseCase) private readonly getApprovalUseCase: GetApprovalUseCase,
    @Inject(CastApprovalVoteUseCase)
    private readonly castApprovalVoteUseCase: CastApprovalVoteUseCase,
    @Inject(LinkTicketsUseCase) private readonly linkTicketsUseCase: LinkTicketsUseCase,
    @Inject(UnlinkTicketsUseCase) private readonly unlinkTicketsUseCase: UnlinkTicketsUseCase,
    @Inject(ListRelationsUseCase) private readonly listRelationsUseCase: ListRelationsUseCase,
    @Inject(MergeTicketUseCase) private readonly mergeTicketUseCase: MergeTicketUseCase,
    @Inject(BulkUpdateTicketsUseCase)
    private readonly bulkUpdateTicketsUseCase: BulkUpdateTicketsUseCase,
    @Inject(WatchTicketUseCase) private readonly watchTicketUseCase: WatchTicketUseCase,
    @Inject(RateTicketUseCase) private readonly rateTicketUseCase: RateTicketUseCase,
    @Inject(SavedViewsGrpcHandlers) private readonly savedViews: SavedViewsGrpcHandlers,
    @Inject(PriorityMatrixUseCase) private readonly priorityMatrix: PriorityMatrixUseCase,
    @Inject(AttachmentsUseCase) private readonly attachments: AttachmentsUseCase,
  ) {}

  async updateTicket(request: UpdateTicketRequest): Promise<UpdateTicketResponse> {
    const ticket = await this.updateTicketUseCase.execute({
      ticketId: request.id,
      expectedVersion: request.expectedVersion || undefined,
      actorId: request.actorId,
      edit: toTicketEdit(request.patch, request.updatePaths),
    });
    return { ticket: toTicketMessage(ticket) };
  }

  async countTickets(request: CountTicketsRequest): Promise<CountTicketsResponse> {
    const { byStatus, total } = await this.countTicketsUseCase.execute(toTicketFilters(request));
    return {
      counts: Object.entries(byStatus).map(([status, count]) => ({
        status: ticketStatusMessages[status as keyof typeof byStatus],
        count,
      })),
      total,
    };
  }

  async addComment(request: AddCommentRequest): Promise<AddCommentResponse> {
    const { comment, ticket, created } = await this.addCommentUseCase.execute({
      ticketId: request.ticketId,
      authorId: request.authorId,
      visibility: fromMessage(commentVisibilityMessages, request.visibility) ?? 'public',
      body: request.body,
      idempotencyKey: request.idempotencyKey,
    });
    return { comment: toCommentMessage(comment), ticket: toTicketMessage(ticket), created };
  }

  async listComments(request: ListCommentsRequest): Promise<ListCommentsResponse> {
    const comments = await this.listCommentsUseCase.execute(
      request.ticketId,
      fromMessage(commentVisibilityMessages, request.visibility),
    );
    return { comments: comments.map(toCommentMessage) };
  }

  async transitionTicket(request: TransitionTicketRequest): Promise<TransitionTicketResponse> {
    const ticket = await this.transitionTicketUseCase.execute(toTransitionCommand(request));
    return { ticket: toTicketMessage(ticket) };
  }

  async bulkUpdateTickets(request: BulkUpdateTicketsRequest): Promise<BulkUpdateTicketsResponse> {
    const tickets = await this.bulkUpdateTicketsUseCase.execute({
      ticketIds: request.ids,
      actorId: request.actorId,
      operation: toBulkOperation(request),
    });
    return { tickets: tickets.map(toTicketMessage) };
  }

  async linkTickets(request: LinkTicketsRequest): Promise<LinkTicketsResponse> {
    const { relation, created } = await this.linkTicketsUseCase.execute({
      sourceId: request.sourceId,
      kind: fromMessage(relationKindMessages, request.kind),
      targetId: request.targetId,
      actorId: request.actorId,
    });
    return { relation: toRelationMessage(relation), created };
  }

  async unlinkTickets(request: UnlinkTicketsRequest): Promise<UnlinkTicketsResponse> {
    await this.unlinkTicketsUseCase.execute(request);
    return {};
  }

  async listRelations(request: ListRelationsRequest): Promise<ListRelationsResponse> {
    const relations = await this.listRelationsUseCase.execute(request.ticketId);
    return { relations: relations.map(toRelationMessage) };
  }

  async mergeTicket(request: MergeTicketRequest): Promise<MergeTicketResponse> {
    const { source, target, movedComments } = await this.mergeTicketUseCase.execute({
      sourceId: request.sourceId,
      targetId: request.targetId,
      actorId: request.actorId,
      expectedVersion: request.expectedVersion || undefined,
    });
    return {
      source: toTicketMessage(source),
      target: toTicketMessage(target),
      movedComments,
    };
  }

  async addAttachment(request: AddAttachmentRequest): Promise<AddAttachmentResponse> {
    const { attachment, created } = await this.attachments.add({
      ticketId: request.ticketId,
      fileName: request.fileName,
      contentType: request.contentType,
      content: Buffer.from(request.content),
      uploadedBy: request.uploadedBy,
    });
    return { attachment: toAttachmentMessage(attachment), created };
  }

  async listAttachments(request: ListAttachmentsRequest): Promise<ListAttachmentsResponse> {
    const attachments = await this.attachments.list(request.ticketId);
    return { attachments: attachments.map(toAttachmentMessage) };
  }

  async getAttachment(request: GetAttachmentRequest): Promise<GetAttachmentResponse> {
    const { attachment, content } = await this.attachments.get(
      request.ticketId,
      request.attachmentId,
    );
    return { attachment: toAttachmentMessage(attachment), content };
  }

  async getPriorityMatrix(): Promise<GetPriorityMatrixResponse> {
    return { matrix: toPriorityMatrixMessage(await this.priorityMatrix.current()) };
  }

  async updatePriorityMatrix(
    request: UpdatePriorityMatrixRequest,
  ): Promise<UpdatePriorityMatrixResponse> {
    const matrix = await this.priorityMatrix.replace(
      fromPriorityMatrixCells(request.cells),
      request.actorId,
      request.expectedVersion || undefined,
    );
    return { matrix: toPriorityMatrixMessage(matrix) };
  }

  createView(request: CreateViewRequest): Promise<CreateViewResponse> {
    return this.savedViews.createView(request);
  }

  listViews(request: ListViewsRequest): Promise<ListViewsResponse> {
    return this.savedViews.listViews(request);
  }

  getView(request: GetViewRequest): Promise<GetViewResponse> {
    return this.savedViews.getView(request);
  }

  updateView(request: UpdateViewRequest): Promise<UpdateViewResponse> {
    return this.savedViews.updateView(request);
  }

  deleteView(request: DeleteViewRequest): Promise<DeleteViewResponse> {
    return this.savedViews.deleteView(request);
  }

  async watchTicket(request: WatchTicketRequest): Promise<WatchTicketResponse> {
    return { ticket: toTicketMessage(await this.watchTicketUseCase.execute(request)) };
  }

  async rateTicket(request: RateTicketRequest): Promise<RateTicketResponse> {
    const ticket = await this.rateTicketUseCase.execute({
      ticketId: request.ticketId,
      requesterId: request.requesterId,
      rating: request.rating,
      comment: request.comment,
    });
    return { ticket: toTicketMessage(ticket) };
  }

  async getApproval(request: GetApprovalRequest): Promise<GetApprovalResponse> {
    return { approval: toApprovalMessage(await this.getApprovalUseCase.execute(request.ticketId)) };
  }

  async castApprovalVote(request: CastApprovalVoteRequest): Promise<CastApprovalVoteResponse> {
    const { approval, ticket } = await this.castApprovalVoteUseCase.execute({
      ticketId: request.ticketId,
      approverId: request.approverId,
      decision: fromMessage(voteDecisionMessages, request.decision),
      comment: request.comment,
      cabGroupId: request.cabGroupId || undefined,
    });
    return { approval: toApprovalMessage(approval), ticket: toTicketMessage(ticket) };
  }

  async listTicketHistory(request: ListTicketHistoryRequest): Promise<ListTicketHistoryResponse> {
    const entries = await this.listTicketHistoryUseCase.execute(request.id);
    return {
      entries: entries.map((entry) => ({
        id: Number(entry.id),
        occurredAt: toTimestamp(entry.occurredAt),
        actorId: entry.actorId,
        action: entry.action,
        changes: toFieldChangeMessages(entry.changes),
      })),
    };
  }

  async createTicket(request: CreateTicketRequest): Promise<CreateTicketResponse> {
    const { ticket, created } = await this.createTicketUseCase.execute({
      idempotencyKey: request.idempotencyKey,
      type: fromMessage(ticketTypeMessages, request.type),
      title: request.title,
      description: request.description,
      impact: fromMessage(impactMessages, request.impact),
      urgency: fromMessage(urgencyMessages, request.urgency),
      channel: fromMessage(channelMessages, request.channel),
      requesterId: request.requesterId,
      organizationId: request.organizationId || undefined,
      changeKind: fromMessage(changeKindMessages, request.changeKind),
      configurationItemIds: request.configurationItemIds,
      plannedStart: optionalDate(request.plannedStart),
      plannedEnd: optionalDate(request.plannedEnd),
      tags: request.tags,
      serviceId: request.serviceId || undefined,
      categoryId: request.categoryId || undefined,
      customFields: parseJsonObject('customFields', request.customFieldsJson),
      reportedAt: optionalDate(request.reportedAt),
    });
    return { ticket: toTicketMessage(ticket), created };
  }

  async getTicket(request: GetTicketRequest): Promise<GetTicketResponse> {
    return { ticket: toTicketMessage(await this.getTicketUseCase.execute(request.id)) };
  }

  async listTickets(request: ListTicketsRequest): Promise<ListTicketsResponse> {
    const page = await this.listTicketsUseCase.execute({
      pageSize: request.pageSize,
      pageToken: request.pageToken,
      order: request.sort,
      ...toTicketFilters(request),
    });
    return { tickets: page.tickets.map(toTicketMessage), nextPageToken: page.nextPageToken };
  }
}

/** Exactly one of transition and update; both or neither is refused. */
function toBulkOperation(request: BulkUpdateTicketsRequest): BulkOperation | undefined {
  if (request.transition && request.update) {
    throw new TicketError(TicketErrorCode.ValidationFailed, 'a bulk update does one thing', [
      { field: 'operation', message: 'give a transition or an update, not both' },
    ]);
  }
  if (request.transition) {
    const {
      ticketId: _id,
      expectedVersion: _version,
      actorId: _actor,
      ...transition
    } = toTransitionCommand(request.transition);
    return { kind: 'transition', transition };
  }
  if (request.update) {
    return { kind: 'edit', edit: toTicketEdit(request.update.patch, request.update.updatePaths) };
  }
  return undefined;
}
