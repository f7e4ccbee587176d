import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { TicketsModule } from '../tickets/tickets.module';
import { ServiceDeskReportHttpController } from './service-desk-report.http-controller';

/** Reports across the service desk, computed by the services that own the records. */
@Module({
  // The tickets service counts; the caller's profile says which time zone the days are in.
  imports: [TicketsModule, IdentityModule],
  controllers: [ServiceDeskReportHttpController],
})
export class ReportsModule {}
