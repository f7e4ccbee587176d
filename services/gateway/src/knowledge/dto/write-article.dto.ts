import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  ARTICLE_AUDIENCES,
  ARTICLE_LANGUAGES,
  type ArticleAudienceName,
  type ArticleLanguageName,
} from './knowledge-enums';
import { AreShortStrings, listSchema, MAX_RELATED_IDS, MAX_TAGS } from './list-values';
import { ClaimedActor } from '../../auth/actor';

const INSTANT = { strict: true, strictSeparator: true } as const;
export const BODY_MAX_LENGTH = 100_000;

export class CreateArticleDto {
  @ApiProperty({ enum: ARTICLE_LANGUAGES, example: 'ru' })
  @IsIn(ARTICLE_LANGUAGES)
  language!: ArticleLanguageName;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Не работает VPN: что проверить' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ maxLength: BODY_MAX_LENGTH, description: 'Markdown.' })
  @IsOptional()
  @IsString()
  @MaxLength(BODY_MAX_LENGTH)
  body?: string;

  @ApiProperty({
    enum: ARTICLE_AUDIENCES,
    example: 'public',
    description: 'public: requesters and agents read it; internal: agents only.',
  })
  @IsIn(ARTICLE_AUDIENCES)
  audience!: ArticleAudienceName;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional(listSchema(MAX_TAGS, 50, ['vpn']))
  @IsOptional()
  @AreShortStrings(MAX_TAGS, 50)
  tags?: string[];

  @ApiPropertyOptional(listSchema(MAX_RELATED_IDS, 200, ['svc-remote-access']))
  @IsOptional()
  @AreShortStrings(MAX_RELATED_IDS, 200)
  serviceIds?: string[];

  @ApiPropertyOptional(listSchema(MAX_RELATED_IDS, 200, ['ci-vpn-gateway-1']))
  @IsOptional()
  @AreShortStrings(MAX_RELATED_IDS, 200)
  configurationItemIds?: string[];

  @ClaimedActor({ who: 'Who writes the article.' })
  authorId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The article this one translates; it joins its translation group.',
  })
  @IsOptional()
  @IsUUID()
  translationOf?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When authors should review it.' })
  @IsOptional()
  @IsISO8601(INSTANT)
  reviewBy?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'After it, requesters no longer find it.',
  })
  @IsOptional()
  @IsISO8601(INSTANT)
  expiresAt?: string;
}

/** A partial update: only the fields present change; null clears a nullable one. */
export class UpdateArticleDto {
  @ClaimedActor({ who: 'Who edits.' })
  editorId?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: BODY_MAX_LENGTH, description: 'Markdown.' })
  @IsOptional()
  @IsString()
  @MaxLength(BODY_MAX_LENGTH)
  body?: string;

  @ApiPropertyOptional({ enum: ARTICLE_AUDIENCES })
  @IsOptional()
  @IsIn(ARTICLE_AUDIENCES)
  audience?: ArticleAudienceName;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional(listSchema(MAX_TAGS, 50, ['vpn']))
  @IsOptional()
  @AreShortStrings(MAX_TAGS, 50)
  tags?: string[];

  @ApiPropertyOptional(listSchema(MAX_RELATED_IDS, 200, ['svc-remote-access']))
  @IsOptional()
  @AreShortStrings(MAX_RELATED_IDS, 200)
  serviceIds?: string[];

  @ApiPropertyOptional(listSchema(MAX_RELATED_IDS, 200, ['ci-vpn-gateway-1']))
  @IsOptional()
  @AreShortStrings(MAX_RELATED_IDS, 200)
  configurationItemIds?: string[];

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Changes at once, without a review.',
  })
  @IsOptional()
  @IsISO8601(INSTANT)
  reviewBy?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Changes at once, without a review.',
  })
  @IsOptional()
  @IsISO8601(INSTANT)
  expiresAt?: string | null;

  @ApiPropertyOptional({ description: 'Flag the article outdated; changes at once.' })
  @IsOptional()
  @IsBoolean()
  outdated?: boolean;
}

/** The fields of UpdateArticleDto a request may name, in the order the contract lists them. */
export const UPDATABLE_ARTICLE_FIELDS = [
  'title',
  'body',
  'audience',
  'categoryId',
  'tags',
  'serviceIds',
  'configurationItemIds',
  'reviewBy',
  'expiresAt',
  'outdated',
] as const satisfies readonly (keyof UpdateArticleDto)[];

export class DeleteArticleQueryDto {
  @ClaimedActor({ who: 'Who deletes the draft.' })
  actorId?: string;
}
