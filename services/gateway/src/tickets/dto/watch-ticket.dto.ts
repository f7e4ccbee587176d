import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

const ACTOR_DESCRIPTION = 'Who changes the watchers (until sign-in lands, given by the caller).';

export class TicketWatcherPathDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    example: 'emp-2001',
    description: 'The person told of every public change of the ticket.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  watcherId!: string;
}

/** The actor of adding a watcher: in the query or in the body, as the client finds easier. */
export class WatchTicketActorDto {
  @ApiPropertyOptional({
    maxLength: 200,
    example: 'agent-17',
    description: `${ACTOR_DESCRIPTION} Give it in the query or in the body.`,
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  actorId?: string;
}

export class UnwatchTicketQueryDto {
  @ApiProperty({ maxLength: 200, example: 'agent-17', description: ACTOR_DESCRIPTION })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  actorId!: string;
}
