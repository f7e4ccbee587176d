import { Module } from '@nestjs/common';
import { LiveEventFeed } from './live-event.feed';
import { LiveEventsHttpController } from './live-events.http-controller';

/** Server-sent events for the web app, scoped to what each caller may see. */
@Module({
  controllers: [LiveEventsHttpController],
  providers: [LiveEventFeed],
})
export class LiveModule {}
