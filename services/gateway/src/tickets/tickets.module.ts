import { Module } from '@nestjs/common';
import {
  TICKETS_CLIENT,
  TICKETS_GRPC,
  ticketsClientProvider,
  ticketsGrpcProvider,
} from './tickets-client.provider';
import { TicketAttachmentsHttpController } from './ticket-attachments.http-controller';
import { TicketsHttpController } from './tickets.http-controller';
import { TicketVisibilityCheck } from './ticket-visibility-check';

@Module({
  controllers: [TicketsHttpController, TicketAttachmentsHttpController],
  providers: [ticketsGrpcProvider, ticketsClientProvider, TicketVisibilityCheck],
  // The catalog is served by the same process, over the same connection; saved views by the
  // same service; the other services' routes under a ticket check it is visible first.
  exports: [TICKETS_GRPC, TICKETS_CLIENT, TicketVisibilityCheck],
})
export class TicketsModule {}
