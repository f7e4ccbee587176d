import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { INSTANT } from '../../tickets/dto/instant';
import {
  COMPLIANCE_GROUPINGS,
  type ComplianceGroupingName,
  SLA_TARGETS,
  type SlaTargetName,
} from './sla-enums';

export class ComplianceReportQueryDto {
  @ApiProperty({
    enum: COMPLIANCE_GROUPINGS,
    description: 'Per policy, business service, or the assignment group that held the ticket.',
  })
  @IsIn(COMPLIANCE_GROUPINGS)
  groupBy!: ComplianceGroupingName;

  @ApiProperty({ format: 'date-time', example: '2026-11-01T00:00:00+03:00' })
  @IsISO8601(INSTANT)
  from!: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-12-01T00:00:00+03:00',
    description: 'Exclusive; at most 400 days after `from`.',
  })
  @IsISO8601(INSTANT)
  to!: string;

  @ApiPropertyOptional({ enum: SLA_TARGETS, description: 'Only this target; absent: all.' })
  @IsOptional()
  @IsIn(SLA_TARGETS)
  target?: SlaTargetName;
}

export class ComplianceRowDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Policy id, service id or group; null for tickets without a service or group.',
  })
  key!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The policy’s name (by policy).' })
  label!: string | null;

  @ApiProperty({ example: 42, description: 'Targets met in the period.' })
  met!: number;

  @ApiProperty({
    example: 3,
    description: 'Targets breached in the period (when the breach happened).',
  })
  breached!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 93.33,
    description: 'met / (met + breached) × 100; null when nothing was decided.',
  })
  compliancePercent!: number | null;
}

export class ComplianceReportDto {
  @ApiProperty({ enum: COMPLIANCE_GROUPINGS })
  groupBy!: ComplianceGroupingName;

  @ApiProperty({ format: 'date-time' })
  from!: string;

  @ApiProperty({ format: 'date-time' })
  to!: string;

  @ApiProperty({ enum: SLA_TARGETS, nullable: true })
  target!: SlaTargetName | null;

  @ApiProperty({ type: [ComplianceRowDto], description: 'Most outcomes first.' })
  rows!: ComplianceRowDto[];

  @ApiProperty({ type: ComplianceRowDto })
  total!: ComplianceRowDto;
}
