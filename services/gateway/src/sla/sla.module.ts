import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { slaClientProvider } from './sla-client.provider';
import { SlaHttpController } from './sla.http-controller';
import { TicketSlaHttpController } from './ticket-sla.http-controller';

@Module({
  // The ticket view's SLA checks the caller may see the ticket over the tickets connection.
  imports: [TicketsModule],
  controllers: [SlaHttpController, TicketSlaHttpController],
  providers: [slaClientProvider],
})
export class SlaModule {}
