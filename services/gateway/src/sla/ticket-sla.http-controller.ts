import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { firstValueFrom } from 'rxjs';
import type { Principal } from '@itsm/auth';
import type { SlaServiceClient } from '@itsm/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { TICKETS_PATH } from '../tickets/ticket-response';
import { TicketVisibilityCheck } from '../tickets/ticket-visibility-check';
import { TicketSlaDto } from './dto/ticket-sla.dto';
import { SLA_CLIENT } from './sla-client.provider';
import { toTicketSlaDto } from './sla-dto.mapper';

/** The SLA part of the ticket view: each target's due time, remaining time and state. */
@ApiTags('tickets')
@Controller(TICKETS_PATH)
export class TicketSlaHttpController {
  constructor(
    @Inject(SLA_CLIENT) private readonly sla: SlaServiceClient,
    private readonly visibility: TicketVisibilityCheck,
  ) {}

  @Get(':id/sla')
  @ApiOperation({
    summary: "A ticket's SLA clocks: due times (UTC and the calendar's zone), time left, state",
    description:
      'Remaining time is business time in the clock’s calendar, counted now; negative (overdue) ' +
      'once the target is exceeded. 404 when the ticket does not exist or the caller may not ' +
      'see it; no clocks for tickets without SLA.',
  })
  @ApiOkResponse({ type: TicketSlaDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('sla.read')
  async ticketSla(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
  ): Promise<TicketSlaDto> {
    // The clocks are asked for only once the caller may see the ticket.
    const ticket = await this.visibility.visibleTicket(principal, id);
    const sla = await firstValueFrom(this.sla.getTicketSla({ ticketId: id }));
    return toTicketSlaDto(sla, ticket.number);
  }
}
