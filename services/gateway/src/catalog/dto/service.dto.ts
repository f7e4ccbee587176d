import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** A business or IT service people request things from and report problems with. */
export class ServiceDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Workplace IT' })
  name!: string;

  @ApiProperty({ example: 'Laptops, phones and accounts for employees.' })
  description!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'workplace-support',
    description: 'The group that owns the service; null when none.',
  })
  ownerGroupId!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class ServiceListDto {
  @ApiProperty({ type: [ServiceDto], description: 'By name.' })
  items!: ServiceDto[];
}

export class CreateServiceDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    example: 'Workplace IT',
    description: 'Unique, whatever the case.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 20000, example: 'Laptops, phones and accounts for employees.' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200, example: 'workplace-support' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  ownerGroupId?: string;
}
