import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { INSTANT } from './instant';
import {
  APPROVAL_QUORUMS,
  type ApprovalQuorumName,
  CHANGE_RISKS,
  type ChangeRiskName,
  IMPACTS,
  type ImpactName,
  IMPLEMENTATION_OUTCOMES,
  type ImplementationOutcomeName,
  PENDING_REASONS,
  type PendingReasonName,
  TICKET_ACTIONS,
  type TicketActionName,
} from './ticket-enums';
import { ClaimedActor } from '../../auth/actor';

export class TransitionTicketDto {
  @ApiProperty({
    enum: TICKET_ACTIONS,
    description:
      'Incidents and requests: new → assign → assigned → start → in_progress ⇄ pend/resume ⇄ pending → resolve → resolved → close → closed; ' +
      'reopen from resolved within the reopen window; cancel before resolution. ' +
      'Problems: new → investigate → investigating → record_known_error → known_error → resolve → resolved → close → closed; ' +
      'resolve also from investigating; assign without moving on; reopen from resolved back to investigating; cancel before resolution. ' +
      'Changes: draft → submit → assessment → request_approval → approval → schedule (once approved) → scheduled → ' +
      'start_implementation → implementing → complete → review → close → closed; reject (once rejected) → rejected → revise → draft; ' +
      'a standard change goes from submit straight to scheduled, an emergency one submitted with its approvers straight to approval; ' +
      'cancel before implementation.',
  })
  @IsIn(TICKET_ACTIONS)
  action!: TicketActionName;

  @ClaimedActor({ who: 'Who acts.' })
  actorId?: string;

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

  @ApiPropertyOptional({
    maxLength: 20000,
    description: 'record_known_error, resolve (problems): what causes the incidents.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  rootCause?: string;

  @ApiPropertyOptional({
    maxLength: 20000,
    description: 'record_known_error (problems): how users get around the problem meanwhile.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  workaround?: string;

  @ApiPropertyOptional({
    default: false,
    description: 'resolve (problems): also resolve the open incidents caused by the problem.',
  })
  @IsOptional()
  @IsBoolean()
  resolveLinkedIncidents?: boolean;

  @ApiPropertyOptional({ enum: CHANGE_RISKS, description: 'submit (changes).' })
  @IsOptional()
  @IsIn(CHANGE_RISKS)
  risk?: ChangeRiskName;

  @ApiPropertyOptional({
    enum: IMPACTS,
    description:
      'submit (changes): how widely the change is felt; recomputes the priority unless it was set by hand.',
  })
  @IsOptional()
  @IsIn(IMPACTS)
  impact?: ImpactName;

  @ApiPropertyOptional({
    maxLength: 20000,
    description: 'submit (changes): how the change is undone.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  backoutPlan?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-05T22:00:00+03:00',
    description:
      'submit, schedule (changes): the planned window, unless the change already carries it; a standard change needs it on submit.',
  })
  @IsOptional()
  @IsISO8601(INSTANT)
  plannedStart?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-12-06T02:00:00+03:00',
    description: 'submit, schedule (changes): the end of the planned window.',
  })
  @IsOptional()
  @IsISO8601(INSTANT)
  plannedEnd?: string;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', minLength: 1, maxLength: 200 },
    maxItems: 20,
    example: ['mgr-3', 'sec-officer-1'],
    description:
      'request_approval, or submit of an emergency change: who approves by name (with or instead of a CAB).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  approverIds?: string[];

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'cab-infrastructure',
    description:
      'request_approval, or submit of an emergency change: the change advisory board; one member approves for it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cabGroupId?: string;

  @ApiPropertyOptional({
    enum: APPROVAL_QUORUMS,
    description:
      'request_approval, or submit of an emergency change: any — the first approval decides; all — every named approver and one CAB member. Any rejection rejects.',
  })
  @IsOptional()
  @IsIn(APPROVAL_QUORUMS)
  quorum?: ApprovalQuorumName;

  @ApiPropertyOptional({
    enum: IMPLEMENTATION_OUTCOMES,
    description: 'complete (changes): how the implementation went.',
  })
  @IsOptional()
  @IsIn(IMPLEMENTATION_OUTCOMES)
  implementationOutcome?: ImplementationOutcomeName;

  @ApiPropertyOptional({
    maxLength: 20000,
    description: 'complete (changes): what went wrong, for the review; needed unless successful.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  implementationNotes?: string;
}
