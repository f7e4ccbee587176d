import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { catalogClientProvider } from './catalog-client.provider';
import { CatalogHttpController } from './catalog.http-controller';

@Module({
  imports: [TicketsModule],
  controllers: [CatalogHttpController],
  providers: [catalogClientProvider],
})
export class CatalogModule {}
