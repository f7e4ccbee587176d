import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';

const THRESHOLD_DESCRIPTION =
  'The classifier’s proposals (category, group) apply from this confidence on, 0 to 1.';

export class RoutingSettingsDto {
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.7, description: THRESHOLD_DESCRIPTION })
  classificationThreshold!: number;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Where tickets go that no rule and no proposal sends anywhere; null: unassigned.',
  })
  defaultGroupId!: string | null;

  @ApiProperty({ example: 1, description: 'Also sent as the ETag; name it in If-Match to update.' })
  version!: number;
}

export class UpdateRoutingSettingsDto {
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.7, description: THRESHOLD_DESCRIPTION })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  classificationThreshold!: number;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The assignment group of last resort; absent or null: none.',
  })
  @IsOptional()
  @IsUUID()
  defaultGroupId?: string | null;
}
