import { ApiProperty } from '@nestjs/swagger';

export class FieldChangeDto {
  @ApiProperty({ example: 'status' })
  field!: string;

  @ApiProperty({ type: String, nullable: true, example: 'new' })
  from!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'assigned' })
  to!: string | null;
}

export class TicketHistoryEntryDto {
  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty()
  actorId!: string;

  @ApiProperty({ example: 'assign', description: '`created` or the lifecycle action.' })
  action!: string;

  @ApiProperty({ type: [FieldChangeDto] })
  changes!: FieldChangeDto[];
}

export class TicketHistoryDto {
  @ApiProperty({ type: [TicketHistoryEntryDto], description: 'Oldest first.' })
  items!: TicketHistoryEntryDto[];
}
