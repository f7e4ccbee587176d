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
import { ClassifierUseCase } from './application/classifier/classifier.use-case';
import { EscalateTicketUseCase } from './application/escalate-ticket/escalate-ticket.use-case';
import { ChangeAvailabilityUseCase } from './application/manage-organisation/change-availability.use-case';
import { ManageOrganisationUseCase } from './application/manage-organisation/manage-organisation.use-case';
import { ManageRulesUseCase } from './application/manage-rules/manage-rules.use-case';
import { CLASSIFIER_STORE, type ClassifierStore } from './application/ports/classifier-store';
import {
  CLOCK,
  type Clock,
  ID_GENERATOR,
  type IdGenerator,
  systemClock,
} from './application/ports/clock';
import { ORGANISATION_STORE, type OrganisationStore } from './application/ports/organisation-store';
import { ROUTING_TRANSACTIONS } from './application/ports/routing-ledger';
import { TicketRouter } from './application/route-tickets/ticket-router';
import { TrackTicketUseCase } from './application/route-tickets/track-ticket.use-case';
import { RoutingConfiguration } from './application/routing-configuration/routing-configuration';
import { GetTicketRoutingUseCase } from './application/ticket-routing/get-ticket-routing.use-case';
import { SqlClassifierStore } from './infrastructure/sql-classifier.store';
import { SqlOrganisationStore } from './infrastructure/sql-organisation.store';
import { SqlRoutingTransactions } from './infrastructure/sql-routing.ledger';
import { RoutingGrpcController } from './interface/routing.grpc-controller';
import { routingEventHandlers } from './interface/routing-events.consumer';

export interface RoutingSettings {
  kafka: KafkaSettings;
  consumerGroup: string;
  ticketEventsTopic: string;
  slaEventsTopic: string;
  configurationRefreshMs: number;
  classifierMinExamples: number;
}

const CONSUMER_RETRY_MS = 2_000;

/** Starts the event consumer once everything is wired, and stops it first. */
@Injectable()
class RoutingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly consumer: InboxSubscription) {}

  onApplicationBootstrap(): void {
    this.consumer.start();
  }

  // Before the database and the outbox relay shut down (onApplicationShutdown).
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}

/** Use cases wired to their ports; ticket and SLA events and gRPC are the ways in. */
@Module({})
export class RoutingModule {
  static register(settings: RoutingSettings): DynamicModule {
    return {
      module: RoutingModule,
      controllers: [RoutingGrpcController],
      providers: [
        { provide: CLOCK, useValue: systemClock },
        { provide: ID_GENERATOR, useValue: { newId: () => uuidv7() } satisfies IdGenerator },
        {
          provide: ORGANISATION_STORE,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new SqlOrganisationStore(dataSource),
        },
        {
          provide: CLASSIFIER_STORE,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new SqlClassifierStore(dataSource),
        },
        {
          provide: SqlRoutingTransactions,
          inject: [DataSource, OutboxWriter],
          useFactory: (dataSource: DataSource, outbox: OutboxWriter) =>
            new SqlRoutingTransactions(dataSource, outbox),
        },
        { provide: ROUTING_TRANSACTIONS, useExisting: SqlRoutingTransactions },
        {
          provide: RoutingConfiguration,
          inject: [ORGANISATION_STORE, CLASSIFIER_STORE, CLOCK],
          useFactory: (store: OrganisationStore, classifiers: ClassifierStore, clock: Clock) =>
            new RoutingConfiguration(store, classifiers, clock, settings.configurationRefreshMs),
        },
        {
          provide: TicketRouter,
          inject: [RoutingConfiguration, CLOCK, ID_GENERATOR],
          useFactory: (configuration: RoutingConfiguration, clock: Clock, ids: IdGenerator) =>
            new TicketRouter(configuration, clock, ids),
        },
        {
          provide: TrackTicketUseCase,
          inject: [TicketRouter, RoutingConfiguration, CLOCK],
          useFactory: (router: TicketRouter, configuration: RoutingConfiguration, clock: Clock) =>
            new TrackTicketUseCase(router, configuration, clock),
        },
        {
          provide: EscalateTicketUseCase,
          inject: [TicketRouter, RoutingConfiguration, CLOCK, ID_GENERATOR, SqlRoutingTransactions],
          useFactory: (
            router: TicketRouter,
            configuration: RoutingConfiguration,
            clock: Clock,
            ids: IdGenerator,
            transactions: SqlRoutingTransactions,
          ) => new EscalateTicketUseCase(router, configuration, clock, ids, transactions),
        },
        {
          provide: ManageOrganisationUseCase,
          inject: [
            ORGANISATION_STORE,
            RoutingConfiguration,
            ID_GENERATOR,
            CLOCK,
            SqlRoutingTransactions,
          ],
          useFactory: (
            store: OrganisationStore,
            configuration: RoutingConfiguration,
            ids: IdGenerator,
            clock: Clock,
            transactions: SqlRoutingTransactions,
          ) => new ManageOrganisationUseCase(store, configuration, ids, clock, transactions),
        },
        {
          provide: ChangeAvailabilityUseCase,
          inject: [ManageOrganisationUseCase, TrackTicketUseCase, SqlRoutingTransactions],
          useFactory: (
            organisation: ManageOrganisationUseCase,
            tracking: TrackTicketUseCase,
            transactions: SqlRoutingTransactions,
          ) => new ChangeAvailabilityUseCase(organisation, tracking, transactions),
        },
        {
          provide: ManageRulesUseCase,
          inject: [ORGANISATION_STORE, RoutingConfiguration, ID_GENERATOR, CLOCK],
          useFactory: (
            store: OrganisationStore,
            configuration: RoutingConfiguration,
            ids: IdGenerator,
            clock: Clock,
          ) => new ManageRulesUseCase(store, configuration, ids, clock),
        },
        {
          provide: ClassifierUseCase,
          inject: [CLASSIFIER_STORE, RoutingConfiguration, ID_GENERATOR, CLOCK],
          useFactory: (
            store: ClassifierStore,
            configuration: RoutingConfiguration,
            ids: IdGenerator,
            clock: Clock,
          ) =>
            new ClassifierUseCase(store, configuration, ids, clock, settings.classifierMinExamples),
        },
        {
          provide: GetTicketRoutingUseCase,
          inject: [SqlRoutingTransactions],
          useFactory: (transactions: SqlRoutingTransactions) =>
            new GetTicketRoutingUseCase(transactions),
        },
        {
          provide: InboxSubscription,
          inject: [
            DataSource,
            SqlRoutingTransactions,
            PinoLogger,
            TrackTicketUseCase,
            EscalateTicketUseCase,
          ],
          useFactory: (
            dataSource: DataSource,
            transactions: SqlRoutingTransactions,
            logger: PinoLogger,
            tracking: TrackTicketUseCase,
            escalations: EscalateTicketUseCase,
          ) => {
            logger.setContext('RoutingEventsConsumer');
            const handlers = routingEventHandlers({ tracking, escalations }, transactions, logger, {
              tickets: settings.ticketEventsTopic,
              sla: settings.slaEventsTopic,
            });
            return new InboxSubscription(
              createKafka(settings.kafka, logger),
              dataSource,
              logger,
              {
                groupId: settings.consumerGroup,
                retryMs: CONSUMER_RETRY_MS,
                describes: 'ticket and SLA events',
              },
              handlers,
            );
          },
        },
        RoutingLifecycle,
      ],
    };
  }
}
