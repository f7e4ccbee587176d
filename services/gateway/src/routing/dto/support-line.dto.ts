import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

/** A line of support as written by POST and PUT. */
export class WriteSupportLineDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: '2nd line: specialists' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    minimum: 1,
    maximum: 9,
    example: 2,
    description:
      '1st (service desk), 2nd (specialists), 3rd (experts, vendors)…; escalation goes up.',
  })
  @IsInt()
  @Min(1)
  @Max(9)
  level!: number;
}

export class SupportLineDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '2nd line: specialists' })
  name!: string;

  @ApiProperty({ example: 2 })
  level!: number;

  @ApiProperty({ example: 1, description: 'Also sent as the ETag; name it in If-Match to update.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class SupportLineListDto {
  @ApiProperty({ type: [SupportLineDto], description: 'By level, then name.' })
  items!: SupportLineDto[];
}
