import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class RateTicketDto {
  @ApiProperty({
    maxLength: 200,
    example: 'emp-1042',
    description:
      "The ticket's requester; nobody else rates it (until sign-in lands, given by the caller).",
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  requesterId!: string;

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
