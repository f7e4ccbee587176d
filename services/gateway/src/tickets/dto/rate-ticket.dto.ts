import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ClaimedActor } from '../../auth/actor';

export class RateTicketDto {
  @ClaimedActor({
    who: "The ticket's requester; nobody else rates it.",
    example: 'emp-1042',
  })
  requesterId?: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 5,
    example: 4,
    description: '1 (very unhappy) to 5 (very happy).',
  })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @ApiPropertyOptional({ maxLength: 2000, example: 'Fixed within the hour, thank you.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
