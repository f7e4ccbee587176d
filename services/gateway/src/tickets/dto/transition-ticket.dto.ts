import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import {
  PENDING_REASONS,
  type PendingReasonName,
  TICKET_ACTIONS,
  type TicketActionName,
} from './ticket-enums';

export class TransitionTicketDto {
  @ApiProperty({
    enum: TICKET_ACTIONS,
    description:
      'new → assign → assigned → start → in_progress ⇄ pend/resume ⇄ pending → resolve → resolved → close → closed; ' +
      'reopen from resolved within the reopen window; cancel before resolution.',
  })
  @IsIn(TICKET_ACTIONS)
  action!: TicketActionName;

  @ApiProperty({
    maxLength: 200,
    example: 'agent-17',
    description: 'Who acts (until sign-in lands, given by the caller).',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  actorId!: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'assign: the agent.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  assigneeId?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'assign: the group.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  assignmentGroupId?: string;

  @ApiPropertyOptional({ enum: PENDING_REASONS, description: 'pend: why the ticket waits.' })
  @IsOptional()
  @IsIn(PENDING_REASONS)
  pendingReason?: PendingReasonName;

  @ApiPropertyOptional({
    maxLength: 100,
    example: 'fixed',
    description: 'resolve: how it was resolved.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  resolutionCode?: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  resolutionNotes?: string;
}
