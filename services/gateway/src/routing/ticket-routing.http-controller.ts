import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
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
import type { RoutingServiceClient } from '@itsm/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { actorFor } from '../auth/actor';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { withRestFieldNames } from '../problem/violation-fields';
import { TICKETS_PATH } from '../tickets/ticket-response';
import { TicketVisibilityCheck } from '../tickets/ticket-visibility-check';
import { EscalateTicketDto, EscalationResultDto, TicketRoutingDto } from './dto/ticket-routing.dto';
import { ROUTING_CLIENT } from './routing-client.provider';
import {
  routingFieldName,
  toEscalateTicketRequest,
  toRoutingDecisionDto,
  toTicketEscalationDto,
  toTicketRoutingDto,
} from './routing-dto.mapper';

const uuid = new ParseUUIDPipe({ version: undefined });

/** The routing part of the ticket view: where routing put the ticket and why; escalation. */
@ApiTags('tickets')
@Controller(TICKETS_PATH)
export class TicketRoutingHttpController {
  constructor(
    @Inject(ROUTING_CLIENT) private readonly routing: RoutingServiceClient,
    private readonly visibility: TicketVisibilityCheck,
  ) {}

  @Get(':id/routing')
  @ApiOperation({
    summary: "A ticket's routing: every decision with its reasons, and every escalation",
    description:
      'Each decision lists its steps in order (classifier proposal, rule matched, group chosen, ' +
      'agent chosen among the candidates and why the others could not take it, or queued), each ' +
      'with a sentence in English and Russian. 404 when routing never saw the ticket, or the ' +
      'caller may not see it.',
  })
  @ApiOkResponse({ type: TicketRoutingDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('routing.read')
  async ticketRouting(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
  ): Promise<TicketRoutingDto> {
    await this.visibility.visibleTicket(principal, id);
    return toTicketRoutingDto(
      await firstValueFrom(this.routing.getTicketRouting({ ticketId: id })),
    );
  }

  @Post(':id/escalations')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Escalate a ticket to the next line of support (functional escalation)',
    description:
      'The ticket moves to its group’s escalation group and is routed there at once. A group ' +
      'without a next line is refused with 409; a ticket the caller may not see answers 404.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retrying with the same key returns the first escalation.',
  })
  @ApiCreatedResponse({ type: EscalationResultDto })
  @ApiProblemResponses(400, 404, 409, 503)
  @RequirePermission('tickets.escalate')
  async escalate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuid) id: string,
    @Body() body: EscalateTicketDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EscalationResultDto> {
    const actorId = actorFor(principal, body.actorId, 'tickets.act_on_behalf');
    await this.visibility.visibleTicket(principal, id);
    const { escalation, decision } = await withRestFieldNames(
      firstValueFrom(
        this.routing.escalateTicket(toEscalateTicketRequest(id, body, actorId, idempotencyKey)),
      ),
      routingFieldName(),
    );
    if (!escalation) throw new Error('the routing service answered without an escalation');
    response.setHeader('Location', `${TICKETS_PATH}/${id}/routing`);
    return {
      escalation: toTicketEscalationDto(escalation),
      decision: decision ? toRoutingDecisionDto(decision) : null,
    };
  }
}
