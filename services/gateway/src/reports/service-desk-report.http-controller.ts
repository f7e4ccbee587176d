import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { firstValueFrom } from 'rxjs';
import type { Principal } from '@itsm/auth';
import type { TicketsServiceClient } from '@itsm/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { DescribeCallerUseCase } from '../identity/application/me/describe-caller.use-case';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { TICKETS_CLIENT } from '../tickets/tickets-client.provider';
import { ServiceDeskReportDto, ServiceDeskReportQueryDto } from './dto/service-desk-report.dto';
import {
  reportPeriodOf,
  toServiceDeskReportDto,
  toServiceDeskStatsRequest,
} from './service-desk-report-dto.mapper';

export const REPORTS_PATH = '/api/v1/reports';

/** How the service desk performs: the supervisor's trends. */
@ApiTags('reports')
@Controller(REPORTS_PATH)
export class ServiceDeskReportHttpController {
  constructor(
    @Inject(TICKETS_CLIENT) private readonly tickets: TicketsServiceClient,
    @Inject(DescribeCallerUseCase) private readonly describeCaller: DescribeCallerUseCase,
  ) {}

  @Get('service-desk')
  @ApiOperation({
    summary: 'Tickets created and resolved, MTTA, MTTR and CSAT per day of a period',
    description:
      'Each ticket counts on the local day its event happened: creation, first response (MTTA), ' +
      'resolution (MTTR), rating (CSAT). Durations run from creation, in minutes. Defaults: the ' +
      '30 days up to now, in the time zone of your profile or UTC; a period covers at most 92 days.',
  })
  @ApiOkResponse({ type: ServiceDeskReportDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('tickets.report')
  async serviceDesk(
    @Query() query: ServiceDeskReportQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ServiceDeskReportDto> {
    const callerTimeZone = query.timeZone === undefined ? await this.timeZoneOf(principal) : null;
    const period = reportPeriodOf(query, new Date(), callerTimeZone);
    const answer = await firstValueFrom(
      this.tickets.getServiceDeskStats(toServiceDeskStatsRequest(query, period)),
    );
    return toServiceDeskReportDto(answer, query, period);
  }

  private async timeZoneOf(principal: Principal): Promise<string | null> {
    if (principal.kind !== 'user') return null;
    return (await this.describeCaller.execute(principal)).user?.timeZone ?? null;
  }
}
