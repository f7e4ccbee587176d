import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ClaimedActor } from '../../auth/actor';

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

/** The actor of a watcher change: in the query or in the body, as the client finds easier. */
export class WatchTicketActorDto {
  @ClaimedActor({ who: 'Who changes the watchers; give it in the query or in the body.' })
  actorId?: string;
}
