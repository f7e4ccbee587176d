import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { AssetsHttpController } from './assets.http-controller';
import { CiTypesHttpController } from './ci-types.http-controller';
import { cmdbClientProvider } from './cmdb-client.provider';
import { ConfigurationItemsHttpController } from './configuration-items.http-controller';
import { InventoriesHttpController } from './inventories.http-controller';
import { ItemExchangeHttpController } from './item-exchange.http-controller';
import { RelationshipsHttpController } from './relationships.http-controller';
import { TicketImpactHttpController } from './ticket-impact.http-controller';

/** Configuration items, their relationships and impact, and asset accounting of the CMDB service. */
@Module({
  // A ticket's impact reads the ticket's configuration items over the tickets connection.
  imports: [TicketsModule],
  controllers: [
    CiTypesHttpController,
    ConfigurationItemsHttpController,
    RelationshipsHttpController,
    AssetsHttpController,
    InventoriesHttpController,
    ItemExchangeHttpController,
    TicketImpactHttpController,
  ],
  providers: [cmdbClientProvider],
})
export class CmdbModule {}
