import { Controller, Get, Inject, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { firstValueFrom } from 'rxjs';
import type { Principal } from '@itsm/auth';
import type { CmdbServiceClient } from '@itsm/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { withRestFieldNames } from '../problem/violation-fields';
import { TICKETS_PATH } from '../tickets/ticket-response';
import { TicketVisibilityCheck } from '../tickets/ticket-visibility-check';
import { CMDB_CLIENT } from './cmdb-client.provider';
import {
  noImpact,
  ticketImpactFieldName,
  toAnalyzeImpactRequest,
  toImpactAnalysisDto,
  toTicketImpactDto,
} from './cmdb-dto.mapper';
import { ImpactQueryDto, TicketImpactDto } from './dto/impact.dto';

/** The CMDB part of the ticket view: what the ticket's configuration items affect. */
@ApiTags('tickets')
@Controller(TICKETS_PATH)
export class TicketImpactHttpController {
  constructor(
    @Inject(CMDB_CLIENT) private readonly cmdb: CmdbServiceClient,
    private readonly visibility: TicketVisibilityCheck,
  ) {}

  @Get(':id/impact')
  @ApiOperation({
    summary: "The impact of a ticket's configuration items, e.g. of a change before approval",
    description:
      'Upstream (the default): what fails with the items, and the business services among it. ' +
      'A ticket that names no configuration item has no impact. 404 when the ticket does not ' +
      'exist or the caller may not see it.',
  })
  @ApiOkResponse({ type: TicketImpactDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('cmdb.read')
  async ticketImpact(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ version: undefined })) id: string,
    @Query() query: ImpactQueryDto,
  ): Promise<TicketImpactDto> {
    const ticket = await this.visibility.visibleTicket(principal, id);
    const itemIds = ticket.configurationItemIds;
    if (itemIds.length === 0) return toTicketImpactDto(id, itemIds, noImpact(query));
    const answer = await withRestFieldNames(
      firstValueFrom(this.cmdb.analyzeImpact(toAnalyzeImpactRequest(itemIds, query))),
      ticketImpactFieldName,
    );
    return toTicketImpactDto(id, itemIds, toImpactAnalysisDto(answer));
  }
}
