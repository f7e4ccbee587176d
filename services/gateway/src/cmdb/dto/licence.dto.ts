import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { toBoolean } from '../../knowledge/dto/list-articles.query.dto';

export class LicenceComplianceQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: 'Only over-deployed licences.',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  onlyNonCompliant?: boolean;
}

/** Seats owned against seats in use, for one licence. */
export class LicenceComplianceDto {
  @ApiProperty({ format: 'uuid', description: 'The licence’s configuration item.' })
  licenceId!: string;

  @ApiProperty({ example: 'Microsoft 365 E3' })
  name!: string;

  @ApiProperty({ example: 50, description: 'Seats owned.' })
  seats!: number;

  @ApiProperty({ example: 53, description: 'Items related to it by `uses_licence`.' })
  assigned!: number;

  @ApiProperty({ example: -3, description: '`seats - assigned`; negative when over-deployed.' })
  available!: number;

  @ApiProperty()
  compliant!: boolean;

  @ApiProperty({ type: String, nullable: true, example: '2027-12-31' })
  contractEnd!: string | null;
}

export class LicenceComplianceListDto {
  @ApiProperty({ type: [LicenceComplianceDto] })
  items!: LicenceComplianceDto[];
}
