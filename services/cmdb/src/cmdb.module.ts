import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Injectable,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { createKafka, InboxSubscription, type KafkaSettings, OutboxWriter } from '@itsm/messaging';
import { AnalyzeImpactUseCase } from './application/analyze-impact/analyze-impact.use-case';
import { ChangeAssetUseCase } from './application/change-asset/change-asset.use-case';
import { CreateItemUseCase } from './application/create-item/create-item.use-case';
import { ExportItemsUseCase } from './application/export-items/export-items.use-case';
import { GetItemUseCase } from './application/get-item/get-item.use-case';
import { ImportItemsUseCase } from './application/import-items/import-items.use-case';
import { InventoryUseCase } from './application/inventory/inventory.use-case';
import { ListItemHistoryUseCase } from './application/item-history/list-item-history.use-case';
import { ItemTicketsUseCase } from './application/item-tickets/item-tickets.use-case';
import { LicenceComplianceUseCase } from './application/licence-compliance/licence-compliance.use-case';
import { ListItemsUseCase } from './application/list-items/list-items.use-case';
import { ListMovementsUseCase } from './application/list-movements/list-movements.use-case';
import { ManageCiTypesUseCase } from './application/manage-ci-types/manage-ci-types.use-case';
import { ManageLocationsUseCase } from './application/manage-locations/manage-locations.use-case';
import { ManageRelationshipsUseCase } from './application/manage-relationships/manage-relationships.use-case';
import {
  CLOCK,
  type Clock,
  ID_GENERATOR,
  type IdGenerator,
  systemClock,
} from './application/ports/clock';
import { CMDB_TRANSACTIONS, type CmdbTransactions } from './application/ports/cmdb-store';
import { UpdateItemUseCase } from './application/update-item/update-item.use-case';
import { AttributeValidator } from './domain/ci-type';
import { SqlCmdbTransactions } from './infrastructure/sql-cmdb.store';
import { CmdbGrpcController } from './interface/cmdb.grpc-controller';
import { ticketEventHandlers } from './interface/ticket-events.consumer';

export interface CmdbSettings {
  kafka: KafkaSettings;
  consumerGroup: string;
  ticketEventsTopic: string;
  /** Largest import (and export) in rows. */
  importMaxRows: number;
}

const CONSUMER_RETRY_MS = 2_000;

/** Starts the ticket-event consumer once everything is wired, and stops it first. */
@Injectable()
class CmdbLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly consumer: InboxSubscription) {}

  onApplicationBootstrap(): void {
    this.consumer.start();
  }

  // Before the database and the outbox relay shut down (onApplicationShutdown).
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}

type Deps = [CmdbTransactions, AttributeValidator, IdGenerator, Clock];
const DEPS = [CMDB_TRANSACTIONS, AttributeValidator, ID_GENERATOR, CLOCK];

/** Use cases wired to their ports; gRPC and ticket events are the ways in. */
@Module({})
export class CmdbModule {
  static register(settings: CmdbSettings): DynamicModule {
    /** A use case built from the usual ports, in the order its constructor takes them. */
    const useCase = <T>(
      token: abstract new (...args: never[]) => T,
      build: (...deps: Deps) => T,
    ) => ({
      provide: token,
      inject: DEPS,
      useFactory: (...deps: Deps) => build(...deps),
    });
    return {
      module: CmdbModule,
      controllers: [CmdbGrpcController],
      providers: [
        { provide: CLOCK, useValue: systemClock },
        { provide: ID_GENERATOR, useValue: { newId: () => uuidv7() } satisfies IdGenerator },
        // One validator: compiled schemas are cached per type version.
        { provide: AttributeValidator, useValue: new AttributeValidator() },
        {
          provide: SqlCmdbTransactions,
          inject: [DataSource, OutboxWriter],
          useFactory: (dataSource: DataSource, outbox: OutboxWriter) =>
            new SqlCmdbTransactions(dataSource, outbox),
        },
        { provide: CMDB_TRANSACTIONS, useExisting: SqlCmdbTransactions },
        useCase(
          ManageCiTypesUseCase,
          (tx, validator, ids, clock) => new ManageCiTypesUseCase(tx, validator, ids, clock),
        ),
        useCase(
          CreateItemUseCase,
          (tx, validator, ids, clock) => new CreateItemUseCase(tx, validator, ids, clock),
        ),
        useCase(GetItemUseCase, (tx) => new GetItemUseCase(tx)),
        useCase(ListItemsUseCase, (tx) => new ListItemsUseCase(tx)),
        useCase(
          UpdateItemUseCase,
          (tx, validator, _ids, clock) => new UpdateItemUseCase(tx, validator, clock),
        ),
        useCase(ListItemHistoryUseCase, (tx) => new ListItemHistoryUseCase(tx)),
        useCase(
          ManageRelationshipsUseCase,
          (tx, _validator, ids, clock) => new ManageRelationshipsUseCase(tx, ids, clock),
        ),
        useCase(AnalyzeImpactUseCase, (tx) => new AnalyzeImpactUseCase(tx)),
        useCase(
          ManageLocationsUseCase,
          (tx, _validator, ids, clock) => new ManageLocationsUseCase(tx, ids, clock),
        ),
        useCase(
          ChangeAssetUseCase,
          (tx, _validator, ids, clock) => new ChangeAssetUseCase(tx, ids, clock),
        ),
        useCase(ListMovementsUseCase, (tx) => new ListMovementsUseCase(tx)),
        useCase(
          InventoryUseCase,
          (tx, _validator, ids, clock) => new InventoryUseCase(tx, ids, clock),
        ),
        useCase(LicenceComplianceUseCase, (tx) => new LicenceComplianceUseCase(tx)),
        useCase(
          ImportItemsUseCase,
          (tx, validator, ids, clock) =>
            new ImportItemsUseCase(tx, validator, ids, clock, settings.importMaxRows),
        ),
        useCase(ExportItemsUseCase, (tx) => new ExportItemsUseCase(tx, settings.importMaxRows)),
        useCase(ItemTicketsUseCase, (tx) => new ItemTicketsUseCase(tx)),
        {
          provide: InboxSubscription,
          inject: [DataSource, SqlCmdbTransactions, PinoLogger, ItemTicketsUseCase],
          useFactory: (
            dataSource: DataSource,
            transactions: SqlCmdbTransactions,
            logger: PinoLogger,
            tickets: ItemTicketsUseCase,
          ) => {
            logger.setContext('CmdbTicketEventsConsumer');
            return new InboxSubscription(
              createKafka(settings.kafka, logger),
              dataSource,
              logger,
              {
                groupId: settings.consumerGroup,
                retryMs: CONSUMER_RETRY_MS,
                describes: 'ticket events',
              },
              ticketEventHandlers(tickets, transactions, logger, settings.ticketEventsTopic),
            );
          },
        },
        CmdbLifecycle,
      ],
    };
  }
}
