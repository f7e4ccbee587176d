import { Module } from '@nestjs/common';
import { LiveEventsHttpController } from './live-events.http-controller';
import { TicketChangeFeed } from './ticket-change.feed';

/** Server-sent events for the web app, scoped to what each caller may see. */
@Module({
  controllers: [LiveEventsHttpController],
  providers: [TicketChangeFeed],
})
export class LiveModule {}
