import { Module } from '@nestjs/common';
import {
  TICKETS_GRPC,
  ticketsClientProvider,
  ticketsGrpcProvider,
} from './tickets-client.provider';
import { TicketsHttpController } from './tickets.http-controller';

@Module({
  controllers: [TicketsHttpController],
  providers: [ticketsGrpcProvider, ticketsClientProvider],
  // The catalog is served by the same process, over the same connection.
  exports: [TICKETS_GRPC],
})
export class TicketsModule {}
