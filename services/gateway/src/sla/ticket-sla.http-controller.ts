import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ClientGrpc } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import {
  type SlaServiceClient,
  TICKETS_SERVICE_NAME,
  type TicketsServiceClient,
} from '@itsm/contracts';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { TICKETS_PATH } from '../tickets/ticket-response';
import { TICKETS_GRPC } from '../tickets/tickets-client.provider';
import { TicketSlaDto } from './dto/ticket-sla.dto';
import { SLA_CLIENT } from './sla-client.provider';
import { toTicketSlaDto } from './sla-dto.mapper';

/** The SLA part of the ticket view: each target's due time, remaining time and state. */
@ApiTags('tickets')
@Controller(TICKETS_PATH)
export class TicketSlaHttpController {
  private readonly tickets: TicketsServiceClient;

  constructor(
    @Inject(SLA_CLIENT) private readonly sla: SlaServiceClient,
    @Inject(TICKETS_GRPC) grpc: ClientGrpc,
  ) {
    this.tickets = grpc.getService<TicketsServiceClient>(TICKETS_SERVICE_NAME);
  }

  @Get(':id/sla')
  @ApiOperation({
    summary: "A ticket's SLA clocks: due times (UTC and the calendar's zone), time left, state",
    description:
      'Remaining time is business time in the clock’s calendar, counted now; negative (overdue) ' +
      'once the target is exceeded. 404 when the ticket does not exist; no clocks for tickets ' +
      'without SLA.',
  })
  @ApiOkResponse({ type: TicketSlaDto })
  @ApiProblemResponses(400, 404, 503)
  async ticketSla(
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
  ): Promise<TicketSlaDto> {
    const [{ ticket }, sla] = await Promise.all([
      firstValueFrom(this.tickets.getTicket({ id })),
      firstValueFrom(this.sla.getTicketSla({ ticketId: id })),
    ]);
    if (!ticket) throw new Error('the tickets service answered without a ticket');
    return toTicketSlaDto(sla, ticket.number);
  }
}
