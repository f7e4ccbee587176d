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
  Put,
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
import type { Calendar, SlaPolicy, SlaServiceClient } from '@itsm/contracts';
import { RequirePermission } from '../auth/access.decorators';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { IF_MATCH_HEADER, versionFromIfMatch, withETag } from '../http/etag';
import { CalendarDto, CalendarListDto, WriteCalendarDto } from './dto/calendar.dto';
import { ComplianceReportDto, ComplianceReportQueryDto } from './dto/compliance-report.dto';
import { ListPoliciesQueryDto, PolicyDto, PolicyListDto, WritePolicyDto } from './dto/policy.dto';
import { SlaClockListDto, SlaClockListQueryDto } from './dto/sla-clock-list.dto';
import { SLA_CLIENT } from './sla-client.provider';
import {
  calendarFieldName,
  policyFieldName,
  toCalendarDefinition,
  toCalendarDto,
  toComplianceReportDto,
  toComplianceReportRequest,
  toListClocksRequest,
  toPolicyDraft,
  toPolicyDto,
  toSlaClockListDto,
} from './sla-dto.mapper';
import { withRestFieldNames } from '../problem/violation-fields';

export const SLA_PATH = '/api/v1/sla';

const uuid = new ParseUUIDPipe({ version: undefined });

function calendarWithETag(calendar: Calendar | undefined, response: Response): CalendarDto {
  if (!calendar) throw new Error('the SLA service answered without a calendar');
  const dto = toCalendarDto(calendar);
  return withETag(dto, dto.version, response);
}

function policyWithETag(policy: SlaPolicy | undefined, response: Response): PolicyDto {
  if (!policy) throw new Error('the SLA service answered without a policy');
  const dto = toPolicyDto(policy);
  return withETag(dto, dto.version, response);
}

/** Business calendars, SLA/OLA policies and compliance reports of the SLA service. */
@ApiTags('sla')
@Controller(SLA_PATH)
export class SlaHttpController {
  constructor(@Inject(SLA_CLIENT) private readonly sla: SlaServiceClient) {}

  @Get('calendars')
  @ApiOperation({ summary: 'The business calendars, by name' })
  @ApiOkResponse({ type: CalendarListDto })
  @ApiProblemResponses(503)
  @RequirePermission('sla.read')
  async calendars(): Promise<CalendarListDto> {
    const { calendars } = await firstValueFrom(this.sla.listCalendars({}));
    return { items: calendars.map(toCalendarDto) };
  }

  @Post('calendars')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary:
      'Add a business calendar: working hours per weekday in a time zone, holidays, moved days',
    description:
      'Every problem is reported at once (400 naming each field): an unknown time zone, a bad ' +
      'or overlapping interval, a date listed twice, a date both a holiday and a working day.',
  })
  @ApiCreatedResponse({ type: CalendarDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('sla.manage')
  async createCalendar(
    @Body() body: WriteCalendarDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CalendarDto> {
    const { calendar } = await withRestFieldNames(
      firstValueFrom(
        this.sla.createCalendar({ name: body.name, definition: toCalendarDefinition(body) }),
      ),
      calendarFieldName,
    );
    const dto = calendarWithETag(calendar, response);
    response.setHeader('Location', `${SLA_PATH}/calendars/${dto.id}`);
    return dto;
  }

  @Get('calendars/:id')
  @ApiOperation({ summary: 'One business calendar; its version is the ETag' })
  @ApiOkResponse({ type: CalendarDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('sla.read')
  async calendar(
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CalendarDto> {
    const { calendar } = await firstValueFrom(this.sla.getCalendar({ id }));
    return calendarWithETag(calendar, response);
  }

  @Put('calendars/:id')
  @ApiOperation({
    summary: 'Replace a business calendar',
    description: 'Running clocks count in the new definition from their next change.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: CalendarDto })
  @ApiProblemResponses(400, 404, 412, 503)
  @RequirePermission('sla.manage')
  async updateCalendar(
    @Param('id', uuid) id: string,
    @Body() body: WriteCalendarDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CalendarDto> {
    const { calendar } = await withRestFieldNames(
      firstValueFrom(
        this.sla.updateCalendar({
          id,
          name: body.name,
          definition: toCalendarDefinition(body),
          expectedVersion: versionFromIfMatch(ifMatch) ?? 0,
        }),
      ),
      calendarFieldName,
    );
    return calendarWithETag(calendar, response);
  }

  @Get('policies')
  @ApiOperation({ summary: 'The SLA and OLA policies, in the order they are tried' })
  @ApiOkResponse({ type: PolicyListDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('sla.read')
  async policies(@Query() query: ListPoliciesQueryDto): Promise<PolicyListDto> {
    const { policies } = await firstValueFrom(
      this.sla.listPolicies({ includeInactive: query.includeInactive ?? false }),
    );
    return { items: policies.map(toPolicyDto) };
  }

  @Post('policies')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Add a policy: conditions, targets on calendars, warnings and pause rules',
    description:
      'The first active policy in order whose conditions all match a new ticket applies to it; ' +
      'it applies to tickets opened from now on.',
  })
  @ApiCreatedResponse({ type: PolicyDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('sla.manage')
  async createPolicy(
    @Body() body: WritePolicyDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PolicyDto> {
    const { policy } = await withRestFieldNames(
      firstValueFrom(this.sla.createPolicy({ policy: toPolicyDraft(body) })),
      policyFieldName(body),
    );
    const dto = policyWithETag(policy, response);
    response.setHeader('Location', `${SLA_PATH}/policies/${dto.id}`);
    return dto;
  }

  @Get('policies/:id')
  @ApiOperation({ summary: 'One policy; its version is the ETag' })
  @ApiOkResponse({ type: PolicyDto })
  @ApiProblemResponses(400, 404, 503)
  @RequirePermission('sla.read')
  async policy(
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PolicyDto> {
    const { policy } = await firstValueFrom(this.sla.getPolicy({ id }));
    return policyWithETag(policy, response);
  }

  @Put('policies/:id')
  @ApiOperation({
    summary: 'Replace a policy: reorder it with `order`, deactivate it with `active: false`',
    description:
      'New tickets get the policy as written at once; running clocks keep their targets until ' +
      'their ticket’s policy changes (e.g. its priority).',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: PolicyDto })
  @ApiProblemResponses(400, 404, 412, 503)
  @RequirePermission('sla.manage')
  async updatePolicy(
    @Param('id', uuid) id: string,
    @Body() body: WritePolicyDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PolicyDto> {
    const { policy } = await withRestFieldNames(
      firstValueFrom(
        this.sla.updatePolicy({
          id,
          policy: toPolicyDraft(body),
          expectedVersion: versionFromIfMatch(ifMatch) ?? 0,
        }),
      ),
      policyFieldName(body),
    );
    return policyWithETag(policy, response);
  }

  @Get('reports/compliance')
  @ApiOperation({
    summary: 'SLA compliance per policy, service or group for a period',
    description:
      'A breach counts in the period it happened in (even while its clock still runs), a met ' +
      'target in the period it was met in.',
  })
  @ApiOkResponse({ type: ComplianceReportDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('sla.report')
  async compliance(@Query() query: ComplianceReportQueryDto): Promise<ComplianceReportDto> {
    const answer = await firstValueFrom(
      this.sla.complianceReport(toComplianceReportRequest(query)),
    );
    return toComplianceReportDto(answer, query);
  }

  @Get('clocks')
  @ApiOperation({
    summary: 'Clocks at risk (warned, not breached yet) or breached today, most urgent first',
    description:
      'Ordered by due instant, earliest first, a page at a time; `counts` gives how many clocks ' +
      'are at risk now and breached in the period. The period defaults to today in `timeZone`.',
  })
  @ApiOkResponse({ type: SlaClockListDto })
  @ApiProblemResponses(400, 503)
  @RequirePermission('sla.report')
  async clocks(@Query() query: SlaClockListQueryDto): Promise<SlaClockListDto> {
    const answer = await firstValueFrom(this.sla.listClocks(toListClocksRequest(query)));
    return toSlaClockListDto(answer, query);
  }
}
