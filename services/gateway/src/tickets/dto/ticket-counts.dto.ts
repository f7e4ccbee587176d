import { ApiProperty, OmitType } from '@nestjs/swagger';
import { ListTicketsQueryDto } from './list-tickets.query.dto';
import { TICKET_STATUSES, type TicketStatusName } from './ticket-enums';

/** The list filters, without paging, state (counts are per state) and ticket ids. */
export class CountTicketsQueryDto extends OmitType(ListTicketsQueryDto, [
  'limit',
  'cursor',
  'status',
  'sort',
  'id',
] as const) {}

export class TicketCountsDto {
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(TICKET_STATUSES.map((status) => [status, { type: 'integer' }])),
    example: {
      new: 12,
      assigned: 4,
      in_progress: 9,
      pending: 2,
      resolved: 30,
      closed: 800,
      cancelled: 3,
      investigating: 2,
      known_error: 5,
      draft: 1,
      assessment: 2,
      approval: 3,
      scheduled: 4,
      implementing: 1,
      review: 0,
      rejected: 1,
    },
  })
  byStatus!: Record<TicketStatusName, number>;

  @ApiProperty({ example: 879 })
  total!: number;
}
