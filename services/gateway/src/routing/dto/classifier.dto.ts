import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsPositive, IsString, Max, MaxLength } from 'class-validator';
import { ClaimedActor } from '../../auth/actor';

export class ClassifierAccuracyDto {
  @ApiProperty({
    example: 0.86,
    description: 'Share of the held-out tickets predicted right, 0 to 1.',
  })
  accuracy!: number;

  @ApiProperty({ example: 50, description: 'Held-out tickets predicted.' })
  evaluated!: number;

  @ApiProperty({ example: 43 })
  correct!: number;
}

/** The model that proposes a category and a group from a ticket's title and description. */
export class ClassifierModelDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  trainedAt!: string;

  @ApiProperty({ example: 'admin-1' })
  trainedBy!: string;

  @ApiProperty({ example: 200, description: 'Resolved tickets the model learned from.' })
  trainedOn!: number;

  @ApiProperty({ example: 50, description: 'Resolved tickets held out to measure it.' })
  heldOut!: number;

  @ApiProperty({ type: ClassifierAccuracyDto })
  categoryAccuracy!: ClassifierAccuracyDto;

  @ApiProperty({ type: ClassifierAccuracyDto })
  groupAccuracy!: ClassifierAccuracyDto;

  @ApiProperty({ example: 12, description: 'Categories the model knows.' })
  categories!: number;

  @ApiProperty({ example: 6, description: 'Groups the model knows.' })
  groups!: number;
}

export class TrainClassifierDto {
  @ClaimedActor({ who: 'Who trains the model.' })
  actorId?: string;

  @ApiPropertyOptional({
    minimum: 0,
    exclusiveMinimum: true,
    maximum: 0.9,
    exclusiveMaximum: true,
    default: 0.2,
    description: 'Share of the resolved tickets held out to measure accuracy.',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(0.9)
  holdoutShare?: number;
}

/** A ticket's text as a requester would write it; at least one of the two must say something. */
export class ClassifyTextDto {
  @ApiPropertyOptional({ maxLength: 200, example: 'VPN не подключается из дома' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 20_000 })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  description?: string;
}

export class ClassifierPredictionDto {
  @ApiProperty({
    example: '0193a7a0-0000-7000-8000-0000000000c1',
    description: 'The category id or the group id proposed.',
  })
  label!: string;

  @ApiProperty({ example: 0.82, description: '0 to 1.' })
  confidence!: number;
}

export class ClassificationResultDto {
  @ApiProperty({
    type: ClassifierPredictionDto,
    nullable: true,
    description: 'The category proposed; null when the model cannot tell.',
  })
  category!: ClassifierPredictionDto | null;

  @ApiProperty({
    type: ClassifierPredictionDto,
    nullable: true,
    description: 'The assignment group proposed; null when the model cannot tell.',
  })
  group!: ClassifierPredictionDto | null;

  @ApiProperty({
    example: 0.7,
    description: 'Routing applies a proposal from this confidence on (the settings’ threshold).',
  })
  threshold!: number;
}
