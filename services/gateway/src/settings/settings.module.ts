import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { PriorityMatrixHttpController } from './priority-matrix.http-controller';

/** Settings of the service desk kept by the tickets service (the priority matrix). */
@Module({
  imports: [TicketsModule],
  controllers: [PriorityMatrixHttpController],
})
export class SettingsModule {}
