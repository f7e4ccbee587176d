import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { VIEW_SOURCES, VIEWS, type ViewName, type ViewSourceName } from './knowledge-enums';
import { ClaimedActor } from '../../auth/actor';

export class VoteArticleDto {
  @ClaimedActor({ who: 'Who votes.', example: 'emp-1001' })
  voterId?: string;

  @ApiProperty({ description: 'The answer to "was this helpful?".' })
  @IsBoolean()
  helpful!: boolean;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;

  @ApiPropertyOptional({
    enum: VIEWS,
    default: 'requester',
    description: 'agent needs the `knowledge.write` permission (else 403).',
  })
  @IsOptional()
  @IsIn(VIEWS)
  view?: ViewName;
}

export class RecordViewDto {
  @ClaimedActor({ who: 'Who read it.', example: 'emp-1001' })
  viewerId?: string;

  @ApiPropertyOptional({ enum: VIEW_SOURCES, default: 'direct' })
  @IsOptional()
  @IsIn(VIEW_SOURCES)
  source?: ViewSourceName;

  @ApiPropertyOptional({ format: 'uuid', description: 'The suggestions it was opened from.' })
  @IsOptional()
  @IsUUID()
  suggestionId?: string;

  @ApiPropertyOptional({
    enum: VIEWS,
    default: 'requester',
    description: 'agent needs the `knowledge.write` permission (else 403).',
  })
  @IsOptional()
  @IsIn(VIEWS)
  view?: ViewName;
}

export class RecordDeflectionDto {
  @ApiProperty({ format: 'uuid', description: 'The article that answered the question.' })
  @IsUUID()
  articleId!: string;

  @ClaimedActor({ who: 'The requester who did not file the ticket.', example: 'emp-1001' })
  requesterId?: string;
}

export class ArticleFeedbackDto {
  @ApiProperty({ format: 'uuid' })
  articleId!: string;

  @ApiProperty()
  views!: number;

  @ApiProperty()
  helpfulVotes!: number;

  @ApiProperty()
  notHelpfulVotes!: number;

  @ApiProperty({ description: 'Tickets agents marked as solved with the article.' })
  solvedTickets!: number;

  @ApiProperty({
    description: 'Requesters who read it from a suggestion and did not file their ticket.',
  })
  deflections!: number;
}

export class DeflectionResultDto {
  @ApiProperty({ type: ArticleFeedbackDto })
  feedback!: ArticleFeedbackDto;

  @ApiProperty({ description: 'False when the suggestion had its deflection recorded already.' })
  recorded!: boolean;
}

export class LinkArticleToTicketDto {
  @ApiProperty({
    format: 'uuid',
    example: '0193a7a0-0000-7000-8000-000000000001',
    description: 'A ticket the caller may see.',
  })
  @IsUUID()
  ticketId!: string;

  @ClaimedActor({ who: 'Who links them.' })
  actorId?: string;
}

export class TicketArticleLinkDto {
  @ApiProperty({ format: 'uuid' })
  articleId!: string;

  @ApiProperty()
  ticketId!: string;

  @ApiProperty()
  linkedBy!: string;

  @ApiProperty({ format: 'date-time' })
  linkedAt!: string;

  @ApiProperty({ description: 'The article title when it was linked.' })
  articleTitle!: string;
}

export class TicketArticleLinkListDto {
  @ApiProperty({ type: [TicketArticleLinkDto], description: 'Oldest first.' })
  items!: TicketArticleLinkDto[];
}

export class UnansweredSearchesQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class UnansweredSearchDto {
  @ApiProperty({ example: 'сброс пароля 1с' })
  query!: string;

  @ApiProperty({ type: String, nullable: true, enum: ['ru', 'en'] })
  language!: 'ru' | 'en' | null;

  @ApiProperty()
  searches!: number;

  @ApiProperty({ format: 'date-time' })
  lastSearchedAt!: string;
}

export class UnansweredSearchListDto {
  @ApiProperty({ type: [UnansweredSearchDto], description: 'Most frequent first.' })
  items!: UnansweredSearchDto[];
}
