import { Controller, Inject, UseFilters } from '@nestjs/common';
import {
  type CreateTicketRequest,
  type CreateTicketResponse,
  type GetTicketRequest,
  type GetTicketResponse,
  type ListTicketsRequest,
  type ListTicketsResponse,
  type TicketsServiceController,
  TicketsServiceControllerMethods,
} from '@itsm/contracts';
import { CreateTicketUseCase } from '../application/create-ticket/create-ticket.use-case';
import { GetTicketUseCase } from '../application/get-ticket/get-ticket.use-case';
import { ListTicketsUseCase } from '../application/list-tickets/list-tickets.use-case';
import {
  channelMessages,
  fromMessage,
  impactMessages,
  ticketStatusMessages,
  ticketTypeMessages,
  toTicketMessage,
  urgencyMessages,
} from '../application/ticket-message.mapper';
import { TicketErrorRpcFilter } from './ticket-error.grpc-mapper';

/** gRPC `itsm.tickets.v1.TicketsService`: request → command → use case → response. */
@Controller()
@TicketsServiceControllerMethods()
@UseFilters(TicketErrorRpcFilter)
export class TicketsGrpcController implements TicketsServiceController {
  constructor(
    @Inject(CreateTicketUseCase) private readonly createTicketUseCase: CreateTicketUseCase,
    @Inject(GetTicketUseCase) private readonly getTicketUseCase: GetTicketUseCase,
    @Inject(ListTicketsUseCase) private readonly listTicketsUseCase: ListTicketsUseCase,
  ) {}

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
      type: fromMessage(ticketTypeMessages, request.type),
      status: fromMessage(ticketStatusMessages, request.status),
      requesterId: request.requesterId || undefined,
    });
    return { tickets: page.tickets.map(toTicketMessage), nextPageToken: page.nextPageToken };
  }
}
