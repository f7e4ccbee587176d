import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import {
  INBOUND_EMAIL_MATCHES,
  INBOUND_EMAIL_OUTCOMES,
  type InboundEmailMatchName,
  type InboundEmailOutcomeName,
} from './notification-enums';

/** An email the service desk received and what became of it. */
export class InboundEmailDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '<CAF=abc@mail.example.com>' })
  messageId!: string;

  @ApiProperty({ example: 'anna.petrova@example.com' })
  fromAddress!: string;

  @ApiProperty({ example: 'Printer on the 3rd floor' })
  subject!: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  @ApiProperty({
    enum: INBOUND_EMAIL_OUTCOMES,
    description: '`dropped`: ignored on purpose (see `reason`); `rejected`: refused.',
  })
  outcome!: InboundEmailOutcomeName;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'auto_reply',
    description: 'Why it was dropped or rejected: auto_reply, loop, bounce, unknown_sender, …',
  })
  reason!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ticketId!: string | null;

  @ApiProperty({
    enum: INBOUND_EMAIL_MATCHES,
    nullable: true,
    description: 'How a reply found its ticket; null for a new ticket or none.',
  })
  matchedBy!: InboundEmailMatchName | null;

  @ApiProperty({ example: 1 })
  attachmentCount!: number;
}

export class InboundEmailPageDto {
  @ApiProperty({ type: [InboundEmailDto], description: 'Newest first.' })
  items!: InboundEmailDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page.' })
  nextCursor!: string | null;
}

export class ListInboundEmailsQueryDto {
  @ApiPropertyOptional({ enum: INBOUND_EMAIL_OUTCOMES })
  @IsOptional()
  @IsIn(INBOUND_EMAIL_OUTCOMES)
  outcome?: InboundEmailOutcomeName;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  ticketId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
