import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  ARTICLE_AUDIENCES,
  ARTICLE_LANGUAGES,
  type ArticleAudienceName,
  type ArticleLanguageName,
} from './knowledge-enums';
import { AreShortStrings, MAX_TAGS, toStringList } from './list-values';
import { ViewQueryDto } from './list-articles.query.dto';

const AUDIENCE_DESCRIPTION =
  'Narrows the audience. `internal` is an agent search (as `view=agent`, which needs `knowledge.write`); requesters only ever get public articles.';

export class SearchArticlesQueryDto extends ViewQueryDto {
  @ApiPropertyOptional({
    maxLength: 200,
    example: 'не работает впн',
    description:
      'Words in any form, Russian or English, typos forgiven; the words as a phrase rank first. ' +
      'Absent: the filtered articles, newest first.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ARTICLE_AUDIENCES, description: AUDIENCE_DESCRIPTION })
  @IsOptional()
  @IsIn(ARTICLE_AUDIENCES)
  audience?: ArticleAudienceName;

  @ApiPropertyOptional({ enum: ARTICLE_LANGUAGES })
  @IsOptional()
  @IsIn(ARTICLE_LANGUAGES)
  language?: ArticleLanguageName;

  @ApiPropertyOptional({ format: 'uuid', description: 'The category or any below it.' })
  @IsOptional()
  @IsUUID()
  category?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Articles with every one of these tags: `tags=vpn&tags=mac` or `tags=vpn,mac`.',
  })
  @IsOptional()
  @Transform(toStringList)
  @AreShortStrings(MAX_TAGS, 50)
  tags?: string[];

  @ApiPropertyOptional({ maxLength: 200, description: 'Articles about this business service.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  service?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  pageSize?: number;
}

export class SuggestionsQueryDto extends ViewQueryDto {
  @ApiPropertyOptional({ maxLength: 200, example: 'Не работает впн из дома' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({
    maxLength: 20000,
    description: 'The ticket description; what goes beyond 4000 characters is not used.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({ enum: ARTICLE_LANGUAGES })
  @IsOptional()
  @IsIn(ARTICLE_LANGUAGES)
  language?: ArticleLanguageName;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  service?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  limit?: number;
}

export class SearchHitDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ARTICLE_LANGUAGES })
  language!: ArticleLanguageName;

  @ApiProperty({ enum: ARTICLE_AUDIENCES })
  audience!: ArticleAudienceName;

  @ApiProperty()
  title!: string;

  @ApiProperty({ description: 'The start of the body as plain text.' })
  excerpt!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  categoryId!: string | null;

  @ApiProperty({ type: [String] })
  tags!: string[];

  @ApiProperty({ description: 'The live version.' })
  version!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;

  @ApiProperty()
  outdated!: boolean;

  @ApiProperty({ description: 'Relevance; comparable within one answer only.' })
  score!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Не <mark>работает</mark> <mark>VPN</mark>',
    description:
      'The title with matches in <mark>, HTML-escaped; null when the title did not match.',
  })
  titleHighlight!: string | null;

  @ApiProperty({
    type: [String],
    description: 'Body fragments with matches in <mark>, HTML-escaped.',
  })
  highlights!: string[];
}

export class SearchResultDto {
  @ApiProperty({ type: [SearchHitDto] })
  items!: SearchHitDto[];

  @ApiProperty({ description: 'Articles found (at least this many when totalExact is false).' })
  total!: number;

  @ApiProperty()
  totalExact!: boolean;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}

export class SuggestionsDto {
  @ApiProperty({
    format: 'uuid',
    description: 'Quote it when recording a view or a deflection from these suggestions.',
  })
  suggestionId!: string;

  @ApiProperty({ type: [SearchHitDto] })
  items!: SearchHitDto[];
}
