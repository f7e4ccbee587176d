import { Controller, type MessageEvent, Sse } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import type { Principal } from '@itsm/auth';
import { CurrentPrincipal, RequirePermission } from '../auth/access.decorators';
import { ApiProblemResponses } from '../problem/api-problem-responses.decorator';
import { LiveEventFeed } from './live-event.feed';
import { liveStreamFor } from './live-stream';

@ApiTags('live')
@Controller('api/v1/events')
export class LiveEventsHttpController {
  constructor(private readonly feed: LiveEventFeed) {}

  @Sse()
  @RequirePermission('tickets.read')
  @ApiOperation({
    summary:
      'Server-sent events: changes of the tickets the caller may see, their notifications, SLA clocks',
    description:
      'A `text/event-stream`. First `ready` (events from then on are delivered), then a ' +
      '`ticket` event per change of a ticket the caller may read — `{id, type, ticketId, ' +
      'number, version, occurredAt}`, no content; internal notes only to those who may read ' +
      'them — a `notification` event per new in-app notification of the caller — `{id, title, ' +
      'body, ticketId, ticketNumber, createdAt}` — to callers with `sla.report` an `sla` event ' +
      'when a clock warns, breaches or is met — `{id, type: clock.warning|clock.breached|' +
      'clock.met, ticketId, number, target, dueAt, occurredAt}` — and a `heartbeat` every 20 s. ' +
      'Reconnect and reload after a disconnect.',
  })
  @ApiProduces('text/event-stream')
  @ApiProblemResponses(401, 403, 429)
  stream(@CurrentPrincipal() principal: Principal): Observable<MessageEvent> {
    return liveStreamFor(principal, this.feed);
  }
}
