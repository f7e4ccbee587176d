import { Controller, Get, Query, UseFilters } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../auth/access.decorators';
import { ApiProblemResponses } from '../../problem/api-problem-responses.decorator';
import { ListAuditEventsUseCase } from '../application/audit/list-audit-events.use-case';
import { AuditEventPageDto, ListAuditEventsQueryDto } from './dto/audit-event.dto';
import { toAuditEventDto } from './identity-dto.mapper';
import { IdentityErrorFilter } from './identity-error.http-mapper';

const DEFAULT_PAGE_SIZE = 50;

/** The security audit log: sign-ins, sessions, accounts, roles and keys. */
@ApiTags('identity')
@UseFilters(IdentityErrorFilter)
@Controller('/api/v1/audit-events')
export class AuditEventsHttpController {
  constructor(private readonly listAuditEvents: ListAuditEventsUseCase) {}

  @Get()
  @RequirePermission('identity.audit.read')
  @ApiOperation({
    summary: 'Audit events, newest first, filtered by actor, action, target or time',
  })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiProblemResponses(400, 401, 403)
  async list(@Query() query: ListAuditEventsQueryDto): Promise<AuditEventPageDto> {
    const page = await this.listAuditEvents.execute({
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      cursor: query.cursor,
      actorId: query.actorId,
      action: query.action,
      targetId: query.targetId,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
    });
    return { items: page.items.map(toAuditEventDto), nextCursor: page.nextCursor };
  }
}
