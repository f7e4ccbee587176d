import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { COMMENT_VISIBILITIES, type CommentVisibilityName } from './ticket-enums';
import { ClaimedActor } from '../../auth/actor';

export class CreateCommentDto {
  @ClaimedActor({ who: 'Who writes.' })
  authorId?: string;

  @ApiPropertyOptional({
    enum: COMMENT_VISIBILITIES,
    default: 'public',
    description: 'public replies reach the requester; internal notes stay among agents.',
  })
  @IsOptional()
  @IsIn(COMMENT_VISIBILITIES)
  visibility?: CommentVisibilityName;

  @ApiProperty({
    minLength: 1,
    maxLength: 20000,
    example: 'Please restart the VPN client and try again.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  body!: string;
}

export class CommentsQueryDto {
  @ApiPropertyOptional({
    enum: COMMENT_VISIBILITIES,
    description: 'Only this kind; both when absent.',
  })
  @IsOptional()
  @IsIn(COMMENT_VISIBILITIES)
  visibility?: CommentVisibilityName;
}

export class CommentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  ticketId!: string;

  @ApiProperty()
  authorId!: string;

  @ApiProperty({ enum: COMMENT_VISIBILITIES })
  visibility!: CommentVisibilityName;

  @ApiProperty()
  body!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class CommentListDto {
  @ApiProperty({ type: [CommentDto], description: 'Oldest first.' })
  items!: CommentDto[];
}
