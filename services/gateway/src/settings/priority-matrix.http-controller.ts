import { Body, Controller, Get, Headers, Inject, Put, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { firstValueFrom } from 'rxjs';
import type { Principal } from '@itsm/auth';
import type { TicketsServiceClient } from '@itsm/contracts';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { actorFor } from '../auth/actor';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { IF_MATCH_HEADER, versionFromIfMatch, withETag } from '../http/etag';
import { TICKETS_CLIENT } from '../tickets/tickets-client.provider';
import { PriorityMatrixDto, UpdatePriorityMatrixDto } from './dto/priority-matrix.dto';
import { toPriorityMatrixCells, toPriorityMatrixDto } from './priority-matrix.mapper';

function matrixWithETag(dto: PriorityMatrixDto, response: Response): PriorityMatrixDto {
  return withETag(dto, dto.version, response);
}

@ApiTags('settings')
@Controller('api/v1/settings/priority-matrix')
export class PriorityMatrixHttpController {
  constructor(@Inject(TICKETS_CLIENT) private readonly tickets: TicketsServiceClient) {}

  @Get()
  @ApiOperation({ summary: 'The impact × urgency matrix that sets the priority of tickets' })
  @ApiOkResponse({ type: PriorityMatrixDto })
  @ApiProblemResponses(503)
  @RequirePermission('settings.read')
  async get(@Res({ passthrough: true }) response: Response): Promise<PriorityMatrixDto> {
    const { matrix } = await firstValueFrom(this.tickets.getPriorityMatrix({}));
    return matrixWithETag(toPriorityMatrixDto(matrix), response);
  }

  @Put()
  @ApiOperation({
    summary: 'Replace the matrix (all nine cells)',
    description:
      'New tickets and later impact or urgency edits follow it; open tickets keep their priority ' +
      'until then. Every missing or unknown cell is named in one 400.',
  })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: PriorityMatrixDto })
  @ApiProblemResponses(400, 412, 503)
  @RequirePermission('settings.manage')
  async replace(
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpdatePriorityMatrixDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PriorityMatrixDto> {
    const { matrix } = await firstValueFrom(
      this.tickets.updatePriorityMatrix({
        cells: toPriorityMatrixCells(body.matrix),
        actorId: actorFor(principal, body.actorId, 'tickets.act_on_behalf'),
        expectedVersion: versionFromIfMatch(ifMatch) ?? 0,
      }),
    );
    return matrixWithETag(toPriorityMatrixDto(matrix), response);
  }
}
