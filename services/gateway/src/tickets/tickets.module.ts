import { Module } from '@nestjs/common';
import {
  TICKETS_CLIENT,
  TICKETS_GRPC,
  ticketsClientProvider,
  ticketsGrpcProvider,
} from './tickets-client.provider';
import { TicketAttachmentsHttpController } from './ticket-attachments.http-controller';
import { TicketsHttpController } from './tickets.http-controller';

@Module({
  controllers: [TicketsHttpController, TicketAttachmentsHttpController],
  providers: [ticketsGrpcProvider, ticketsClientProvider],
  // The catalog is served by the same process, over the same connection; saved views by the same service.
  exports: [TICKETS_GRPC, TICKETS_CLIENT],
})
export class TicketsModule {}
