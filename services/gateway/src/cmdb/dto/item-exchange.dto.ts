import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { toBoolean } from '../../knowledge/dto/list-articles.query.dto';
import { ClaimedActor } from '../../auth/actor';
import { DATA_FORMATS, type DataFormatName } from './cmdb-enums';

export const CSV_CONTENT_TYPE = 'text/csv';

export const IMPORT_FORMAT_DESCRIPTION =
  'CSV: a header row naming `type`, `name`, `external_id`, `status`, `owner_id`, ' +
  '`support_group_id`, `location_id`, `inventory_number`, `serial_number`, `holder_id`, ' +
  '`warranty_end`, `contract_end`, `seats` and `attr.<name>` columns. JSON: an array of item ' +
  'objects.';

const DRY_RUN_DESCRIPTION = 'Check every row and report, writing nothing.';
const TYPE_DESCRIPTION = 'The type key of rows without a `type`.';
const IMPORT_ACTOR = 'Who imports.';

/** An import sent as JSON: the file's text with its format and options. */
export class ImportItemsDto {
  @ApiProperty({ enum: DATA_FORMATS, example: 'csv' })
  @IsIn(DATA_FORMATS)
  format!: DataFormatName;

  @ApiProperty({
    minLength: 1,
    example: 'type,name,external_id,attr.os\nserver,db-prod-01,1C-000451,Ubuntu 24.04\n',
    description: `The file's text. ${IMPORT_FORMAT_DESCRIPTION}`,
  })
  @IsString()
  @MinLength(1)
  content!: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'server', description: TYPE_DESCRIPTION })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  defaultType?: string;

  @ApiPropertyOptional({ default: false, description: DRY_RUN_DESCRIPTION })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  @ClaimedActor({ who: IMPORT_ACTOR })
  actorId?: string;
}

/** The options of an import sent as raw `text/csv`, in its query. */
export class ImportCsvQueryDto {
  @ApiPropertyOptional({ maxLength: 100, example: 'laptop', description: TYPE_DESCRIPTION })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  type?: string;

  @ApiPropertyOptional({ type: Boolean, default: false, description: DRY_RUN_DESCRIPTION })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  dryRun?: boolean;

  @ClaimedActor({ who: IMPORT_ACTOR })
  actorId?: string;
}

/** A row refused whole; the other rows applied. */
export class RejectedRowDto {
  @ApiProperty({ example: 7, description: '1-based, the header not counted.' })
  row!: number;

  @ApiProperty({ type: String, nullable: true, example: '1C-000457' })
  externalId!: string | null;

  @ApiProperty({ type: [String], example: ['attr.cpu: must be an integer'] })
  errors!: string[];
}

export class ImportResultDto {
  @ApiProperty({ example: 120, description: 'Rows read.' })
  rows!: number;

  @ApiProperty({ example: 100 })
  created!: number;

  @ApiProperty({ example: 15 })
  updated!: number;

  @ApiProperty({ example: 4, description: 'Rows that matched an item as it was.' })
  unchanged!: number;

  @ApiProperty({ type: [RejectedRowDto] })
  rejected!: RejectedRowDto[];
}

export class ExportItemsQueryDto {
  @ApiPropertyOptional({
    maxLength: 100,
    example: 'laptop',
    description: 'Only items of this type.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  type?: string;

  @ApiPropertyOptional({ enum: DATA_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(DATA_FORMATS)
  format?: DataFormatName;
}
