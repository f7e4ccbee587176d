import { Controller, type MessageEvent, Sse } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { filter, first, interval, map, merge, type Observable } from 'rxjs';
import type { Principal } from '@itsm/auth';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { mayReceive } from './ticket-change';
import { TicketChangeFeed } from './ticket-change.feed';

const HEARTBEAT_MS = 20_000;

@ApiTags('live')
@Controller('api/v1/events')
export class LiveEventsHttpController {
  constructor(private readonly feed: TicketChangeFeed) {}

  @Sse()
  @RequirePermission('tickets.read')
  @ApiOperation({
    summary: 'Server-sent events: changes of the tickets the caller may see',
    description:
      'A `text/event-stream`. First `ready` (changes from then on are delivered), then a ' +
      '`ticket` event per change of a ticket the caller may read — `{id, type, ticketId, ' +
      'number, version, occurredAt}`, no content; internal notes only to those who may read ' +
      'them — and a `heartbeat` every 20 s. Reconnect and reload after a disconnect.',
  })
  @ApiProduces('text/event-stream')
  @ApiProblemResponses(401, 403, 429)
  stream(@CurrentPrincipal() principal: Principal): Observable<MessageEvent> {
    const ready = this.feed.ready.pipe(
      first((isReady) => isReady),
      map((): MessageEvent => ({ type: 'ready', data: {} })),
    );
    const changes = this.feed.changes.pipe(
      filter((scoped) => mayReceive(principal, scoped)),
      map(({ change }): MessageEvent => ({ type: 'ticket', id: change.id, data: change })),
    );
    const heartbeats = interval(HEARTBEAT_MS).pipe(
      map((): MessageEvent => ({ type: 'heartbeat', data: {} })),
    );
    return merge(ready, changes, heartbeats);
  }
}
