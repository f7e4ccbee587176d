import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  APPROVAL_OUTCOMES,
  APPROVAL_QUORUMS,
  type ApprovalOutcomeName,
  type ApprovalQuorumName,
  VOTE_DECISIONS,
  type VoteDecisionName,
} from './ticket-enums';
import { TicketDto } from './ticket.dto';
import { ClaimedActor } from '../../auth/actor';

export class ApprovalVoteDto {
  @ApiProperty()
  approverId!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The CAB whose seat the vote fills; null for a named approver.',
  })
  viaGroupId!: string | null;

  @ApiProperty({ enum: VOTE_DECISIONS })
  decision!: VoteDecisionName;

  @ApiProperty({ description: 'Empty when an approval came without one.' })
  comment!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

/** One approval round of a change; a revised change gets a new round. */
export class ChangeApprovalDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: "The change's ticket id." })
  changeId!: string;

  @ApiProperty({ type: [String], description: 'Who approves by name.' })
  approverIds!: string[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The change advisory board whose members vote as one seat; null without one.',
  })
  cabGroupId!: string | null;

  @ApiProperty({
    enum: APPROVAL_QUORUMS,
    description:
      'any: the first approval decides; all: every named approver and one CAB member. Any rejection rejects.',
  })
  quorum!: ApprovalQuorumName;

  @ApiProperty({ enum: APPROVAL_OUTCOMES })
  outcome!: ApprovalOutcomeName;

  @ApiProperty({ type: [ApprovalVoteDto], description: 'Oldest first.' })
  votes!: ApprovalVoteDto[];

  @ApiProperty({ format: 'date-time' })
  openedAt!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the outcome was decided; null while pending.',
  })
  decidedAt!: string | null;
}

export class CastVoteDto {
  @ClaimedActor({
    who: 'Who votes: a named approver or a member of the CAB.',
    example: 'mgr-3',
  })
  approverId?: string;

  @ApiProperty({
    enum: VOTE_DECISIONS,
    description: 'A rejection rejects the change at once. A vote cannot be changed.',
  })
  @IsIn(VOTE_DECISIONS)
  decision!: VoteDecisionName;

  @ApiPropertyOptional({
    maxLength: 2000,
    example: 'Backout plan does not cover the replica.',
    description: 'Needed with a rejection: the change owner learns what to revise.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'cab-infrastructure',
    description: "Set when voting as a member of the round's CAB.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cabGroupId?: string;
}

export class ApprovalVoteResultDto {
  @ApiProperty({ type: ChangeApprovalDto })
  approval!: ChangeApprovalDto;

  @ApiProperty({
    type: TicketDto,
    description: 'The change after the vote: rejected when the vote rejected it.',
  })
  ticket!: TicketDto;
}
