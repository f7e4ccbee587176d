import type { Metadata } from '@grpc/grpc-js';
import { Controller, Inject, UseFilters } from '@nestjs/common';
import {
  type AddAttachmentRequest,
  type AddAttachmentResponse,
  type GetAttachmentRequest,
  type GetAttachmentResponse,
  type ListAttachmentsRequest,
  type ListAttachmentsResponse,
  type GetPriorityMatrixRequest,
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
  type GetServiceDeskStatsRequest,
  type GetServiceDeskStatsResponse,
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
import { GetServiceDeskStatsUseCase } from '../application/service-desk-stats/get-service-desk-stats.use-case';
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
import { callerOf } from './grpc-caller';
import { toTicketEdit } from './ticket-patch.mapper';
import { toTicketFilters } from './ticket-filters.mapper';
import { SavedViewsGrpcHandlers } from './saved-views.grpc-handlers';
import { fromPriorityMatrixCells, toPriorityMatrixMessage } from './priority-matrix.mapper';
import { PriorityMatrixUseCase } from '../application/priority-matrix/priority-matrix.use-case';
import { AttachmentsUseCase } from '../application/attachments/attachments.use-case';
import { parseJsonObject } from './json-object.mapper';
import { optionalDate, toTransitionCommand } from './transition-request.mapper';
import { toServiceDeskStatsRequest, toServiceDeskStatsResponse } from './service-desk-stats.mapper';

/**
 * gRPC `itsm.tickets.v1.TicketsService`: request → command → use case → response. Each call
 * names its caller (`callerOf` the metadata), whom the use cases scope and check it by.
 */
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
    @Inject(GetServiceDeskStatsUseCase)
    private readonly serviceDeskStats: GetServiceDeskStatsUseCase,
  ) {}

  async updateTicket(
    request: UpdateTicketRequest,
    metadata: Metadata,
  ): Promise<UpdateTicketResponse> {
    const caller = callerOf(metadata);
    const ticket = await this.updateTicketUseCase.execute({
      caller,
      ticketId: request.id,
      expectedVersion: request.expectedVersion || undefined,
      actorId: request.actorId,
      edit: toTicketEdit(request.patch, request.updatePaths),
    });
    return { ticket: toTicketMessage(ticket) };
  }

  async countTickets(
    request: CountTicketsRequest,
    metadata: Metadata,
  ): Promise<CountTicketsResponse> {
    const caller = callerOf(metadata);
    const { byStatus, total } = await this.countTicketsUseCase.execute(
      toTicketFilters(request),
      caller,
    );
    return {
      counts: Object.entries(byStatus).map(([status, count]) => ({
        status: ticketStatusMessages[status as keyof typeof byStatus],
        count,
      })),
      total,
    };
  }

  async getServiceDeskStats(
    request: GetServiceDeskStatsRequest,
    metadata: Metadata,
  ): Promise<GetServiceDeskStatsResponse> {
    const caller = callerOf(metadata);
    const stats = await this.serviceDeskStats.execute(toServiceDeskStatsRequest(request), caller);
    return toServiceDeskStatsResponse(stats);
  }

  async addComment(request: AddCommentRequest, metadata: Metadata): Promise<AddCommentResponse> {
    const caller = callerOf(metadata);
    const { comment, ticket, created } = await this.addCommentUseCase.execute({
      caller,
      ticketId: request.ticketId,
      authorId: request.authorId,
      visibility: fromMessage(commentVisibilityMessages, request.visibility) ?? 'public',
      body: request.body,
      idempotencyKey: request.idempotencyKey,
    });
    return { comment: toCommentMessage(comment), ticket: toTicketMessage(ticket), created };
  }

  async listComments(
    request: ListCommentsRequest,
    metadata: Metadata,
  ): Promise<ListCommentsResponse> {
    const caller = callerOf(metadata);
    const comments = await this.listCommentsUseCase.execute(
      request.ticketId,
      fromMessage(commentVisibilityMessages, request.visibility),
      caller,
    );
    return { comments: comments.map(toCommentMessage) };
  }

  async transitionTicket(
    request: TransitionTicketRequest,
    metadata: Metadata,
  ): Promise<TransitionTicketResponse> {
    const caller = callerOf(metadata);
    const ticket = await this.transitionTicketUseCase.execute({
      ...toTransitionCommand(request),
      caller,
    });
    return { ticket: toTicketMessage(ticket) };
  }

  async bulkUpdateTickets(
    request: BulkUpdateTicketsRequest,
    metadata: Metadata,
  ): Promise<BulkUpdateTicketsResponse> {
    const caller = callerOf(metadata);
    const tickets = await this.bulkUpdateTicketsUseCase.execute({
      caller,
      ticketIds: request.ids,
      actorId: request.actorId,
      operation: toBulkOperation(request),
    });
    return { tickets: tickets.map(toTicketMessage) };
  }

  async linkTickets(request: LinkTicketsRequest, metadata: Metadata): Promise<LinkTicketsResponse> {
    const caller = callerOf(metadata);
    const { relation, created } = await this.linkTicketsUseCase.execute({
      caller,
      sourceId: request.sourceId,
      kind: fromMessage(relationKindMessages, request.kind),
      targetId: request.targetId,
      actorId: request.actorId,
    });
    return { relation: toRelationMessage(relation), created };
  }

  async unlinkTickets(
    request: UnlinkTicketsRequest,
    metadata: Metadata,
  ): Promise<UnlinkTicketsResponse> {
    const caller = callerOf(metadata);
    await this.unlinkTicketsUseCase.execute({
      caller,
      ticketId: request.ticketId,
      relationId: request.relationId,
      actorId: request.actorId,
    });
    return {};
  }

  async listRelations(
    request: ListRelationsRequest,
    metadata: Metadata,
  ): Promise<ListRelationsResponse> {
    const caller = callerOf(metadata);
    const relations = await this.listRelationsUseCase.execute(request.ticketId, caller);
    return { relations: relations.map(toRelationMessage) };
  }

  async mergeTicket(request: MergeTicketRequest, metadata: Metadata): Promise<MergeTicketResponse> {
    const caller = callerOf(metadata);
    const { source, target, movedComments } = await this.mergeTicketUseCase.execute({
      caller,
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

  async addAttachment(
    request: AddAttachmentRequest,
    metadata: Metadata,
  ): Promise<AddAttachmentResponse> {
    const caller = callerOf(metadata);
    const { attachment, created } = await this.attachments.add({
      caller,
      ticketId: request.ticketId,
      fileName: request.fileName,
      contentType: request.contentType,
      content: Buffer.from(request.content),
      uploadedBy: request.uploadedBy,
    });
    return { attachment: toAttachmentMessage(attachment), created };
  }

  async listAttachments(
    request: ListAttachmentsRequest,
    metadata: Metadata,
  ): Promise<ListAttachmentsResponse> {
    const caller = callerOf(metadata);
    const attachments = await this.attachments.list(request.ticketId, caller);
    return { attachments: attachments.map(toAttachmentMessage) };
  }

  async getAttachment(
    request: GetAttachmentRequest,
    metadata: Metadata,
  ): Promise<GetAttachmentResponse> {
    const caller = callerOf(metadata);
    const { attachment, content } = await this.attachments.get(
      request.ticketId,
      request.attachmentId,
      caller,
    );
    return { attachment: toAttachmentMessage(attachment), content };
  }

  async getPriorityMatrix(
    _request: GetPriorityMatrixRequest,
    metadata: Metadata,
  ): Promise<GetPriorityMatrixResponse> {
    // Anyone identified may read it: it explains the priority of every ticket they see.
    callerOf(metadata);
    return { matrix: toPriorityMatrixMessage(await this.priorityMatrix.current()) };
  }

  async updatePriorityMatrix(
    request: UpdatePriorityMatrixRequest,
    metadata: Metadata,
  ): Promise<UpdatePriorityMatrixResponse> {
    const caller = callerOf(metadata);
    const matrix = await this.priorityMatrix.replace(
      fromPriorityMatrixCells(request.cells),
      request.actorId,
      request.expectedVersion || undefined,
      caller,
    );
    return { matrix: toPriorityMatrixMessage(matrix) };
  }

  async createView(request: CreateViewRequest, metadata: Metadata): Promise<CreateViewResponse> {
    const caller = callerOf(metadata);
    return this.savedViews.createView(request, caller);
  }

  async listViews(request: ListViewsRequest, metadata: Metadata): Promise<ListViewsResponse> {
    const caller = callerOf(metadata);
    return this.savedViews.listViews(request, caller);
  }

  async getView(request: GetViewRequest, metadata: Metadata): Promise<GetViewResponse> {
    const caller = callerOf(metadata);
    return this.savedViews.getView(request, caller);
  }

  async updateView(request: UpdateViewRequest, metadata: Metadata): Promise<UpdateViewResponse> {
    const caller = callerOf(metadata);
    return this.savedViews.updateView(request, caller);
  }

  async deleteView(request: DeleteViewRequest, metadata: Metadata): Promise<DeleteViewResponse> {
    const caller = callerOf(metadata);
    return this.savedViews.deleteView(request, caller);
  }

  async watchTicket(request: WatchTicketRequest, metadata: Metadata): Promise<WatchTicketResponse> {
    const caller = callerOf(metadata);
    const ticket = await this.watchTicketUseCase.execute({
      caller,
      ticketId: request.ticketId,
      watcherId: request.watcherId,
      actorId: request.actorId,
      watch: request.watch,
    });
    return { ticket: toTicketMessage(ticket) };
  }

  async rateTicket(request: RateTicketRequest, metadata: Metadata): Promise<RateTicketResponse> {
    const caller = callerOf(metadata);
    const ticket = await this.rateTicketUseCase.execute({
      caller,
      ticketId: request.ticketId,
      requesterId: request.requesterId,
      rating: request.rating,
      comment: request.comment,
    });
    return { ticket: toTicketMessage(ticket) };
  }

  async getApproval(request: GetApprovalRequest, metadata: Metadata): Promise<GetApprovalResponse> {
    const caller = callerOf(metadata);
    const approval = await this.getApprovalUseCase.execute(request.ticketId, caller);
    return { approval: toApprovalMessage(approval) };
  }

  async castApprovalVote(
    request: CastApprovalVoteRequest,
    metadata: Metadata,
  ): Promise<CastApprovalVoteResponse> {
    const caller = callerOf(metadata);
    const { approval, ticket } = await this.castApprovalVoteUseCase.execute({
      caller,
      ticketId: request.ticketId,
      approverId: request.approverId,
      decision: fromMessage(voteDecisionMessages, request.decision),
      comment: request.comment,
      cabGroupId: request.cabGroupId || undefined,
    });
    return { approval: toApprovalMessage(approval), ticket: toTicketMessage(ticket) };
  }

  async listTicketHistory(
    request: ListTicketHistoryRequest,
    metadata: Metadata,
  ): Promise<ListTicketHistoryResponse> {
    const caller = callerOf(metadata);
    const entries = await this.listTicketHistoryUseCase.execute(request.id, caller);
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

  async createTicket(
    request: CreateTicketRequest,
    metadata: Metadata,
  ): Promise<CreateTicketResponse> {
    const caller = callerOf(metadata);
    const { ticket, created } = await this.createTicketUseCase.execute({
      caller,
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

  async getTicket(request: GetTicketRequest, metadata: Metadata): Promise<GetTicketResponse> {
    const caller = callerOf(metadata);
    const ticket = await this.getTicketUseCase.execute(request.id, caller);
    return { ticket: toTicketMessage(ticket) };
  }

  async listTickets(request: ListTicketsRequest, metadata: Metadata): Promise<ListTicketsResponse> {
    const caller = callerOf(metadata);
    const page = await this.listTicketsUseCase.execute(
      {
        pageSize: request.pageSize,
        pageToken: request.pageToken,
        order: request.sort,
        ...toTicketFilters(request),
      },
      caller,
    );
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
