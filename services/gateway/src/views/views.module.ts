import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { ViewsHttpController } from './views.http-controller';

/** Saved views are served by the tickets service, over its client. */
@Module({
  imports: [TicketsModule],
  controllers: [ViewsHttpController],
})
export class ViewsModule {}
