import { Module } from '@nestjs/common';
import { ticketsClientProvider } from './tickets-client.provider';
import { TicketsHttpController } from './tickets.http-controller';

@Module({
  controllers: [TicketsHttpController],
  providers: [ticketsClientProvider],
})
export class TicketsModule {}
