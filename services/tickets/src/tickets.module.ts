import { AttachmentsUseCase } from './application/attachments/attachments.use-case';
import { PostgresAttachmentContentStore } from './infrastructure/postgres-attachment-content.store';
import { PriorityMatrixUseCase } from './application/priority-matrix/priority-matrix.use-case';
import { SAVED_VIEW_STORE, type SavedViewStore } from './application/ports/saved-view-store';
import { SavedViewsUseCase } from './application/saved-views/saved-views.use-case';
import { SqlSavedViewStore } from './infrastructure/sql-saved-view.store';
import { SavedViewsGrpcHandlers } from './interface/saved-views.grpc-handlers';
import { CatalogQueries } from './application/catalog/catalog-queries';
import { CatalogReferences } from './application/catalog/catalog-references';
import { ManageCatalogUseCase } from './application/catalog/manage-catalog.use-case';
import { RequestCatalogItemUseCase } from './application/catalog/request-catalog-item.use-case';
import {
  CATALOG_STORE,
  type CatalogStore,
  FORM_VALIDATOR,
} from './application/ports/catalog-store';
import type { FormValidator } from './domain/service-catalog';
import { AjvFormValidator } from './infrastructure/ajv-form.validator';
import { SqlCatalogStore } from './infrastructure/sql-catalog.store';
import { CatalogGrpcController } from './interface/catalog.grpc-controller';
import { RateTicketUseCase } from './application/satisfaction/rate-ticket.use-case';
import { WatchTicketUseCase } from './application/watchers/watch-ticket.use-case';
import { BulkUpdateTicketsUseCase } from './application/bulk-update/bulk-update-tickets.use-case';
import { LinkTicketsUseCase } from './application/relations/link-tickets.use-case';
import { ListRelationsUseCase } from './application/relations/list-relations.use-case';
import { MergeTicketUseCase } from './application/relations/merge-ticket.use-case';
import { UnlinkTicketsUseCase } from './application/relations/unlink-tickets.use-case';
import { CastApprovalVoteUseCase } from './application/change-approval/cast-approval-vote.use-case';
import { GetApprovalUseCase } from './application/change-approval/get-approval.use-case';
import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Injectable,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import { createKafka, InboxSubscription, type KafkaSettings, OutboxWriter } from '@itsm/messaging';
import { ApplyRoutingDecisionUseCase } from './application/apply-routing-decision/apply-routing-decision.use-case';
import { RecordEscalationUseCase } from './application/record-escalation/record-escalation.use-case';
import { routingEventHandlers } from './interface/routing-events.consumer';
import { AddCommentUseCase } from './application/comments/add-comment.use-case';
import { ListCommentsUseCase } from './application/comments/list-comments.use-case';
import { CountTicketsUseCase } from './application/count-tickets/count-tickets.use-case';
import { GetServiceDeskStatsUseCase } from './application/service-desk-stats/get-service-desk-stats.use-case';
import { SqlServiceDeskStatsStore } from './infrastructure/sql-service-desk-stats.store';
import { CreateTicketUseCase } from './application/create-ticket/create-ticket.use-case';
import { GetTicketUseCase } from './application/get-ticket/get-ticket.use-case';
import { ListTicketsUseCase } from './application/list-tickets/list-tickets.use-case';
import { CLOCK, type Clock, systemClock } from './application/ports/clock';
import { ID_GENERATOR, type IdGenerator } from './application/ports/id-generator';
import { TICKET_STORE, type TicketStore } from './application/ports/ticket-store';
import { ListTicketHistoryUseCase } from './application/ticket-history/list-ticket-history.use-case';
import {
  TransitionTicketUseCase,
  type TransitionSettings,
} from './application/transition-ticket/transition-ticket.use-case';
import { UpdateTicketUseCase } from './application/update-ticket/update-ticket.use-case';
import { TypeOrmTicketStore } from './infrastructure/typeorm-ticket.store';
import { TicketsGrpcController } from './interface/tickets.grpc-controller';

export interface TicketsSettings extends TransitionSettings {
  kafka: KafkaSettings;
  /** Consumer group of the routing-event consumer. */
  consumerGroup: string;
  routingEventsTopic: string;
}

const CONSUMER_RETRY_MS = 2_000;

/** Starts the routing-event consumer once everything is wired, and stops it first. */
@Injectable()
class TicketsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly routingEvents: InboxSubscription) {}

  onApplicationBootstrap(): void {
    this.routingEvents.start();
  }

  // Before the database and the outbox relay shut down (onApplicationShutdown).
  async beforeApplicationShutdown(): Promise<void> {
    await this.routingEvents.stop();
  }
}

/** Use cases wired to their ports; the gRPC controller and routing events are the ways in. */
@Module({})
export class TicketsModule {
  static register(settings: TicketsSettings): DynamicModule {
    return {
      module: TicketsModule,
      controllers: [TicketsGrpcController, CatalogGrpcController],
      providers: [
        { provide: CLOCK, useValue: systemClock },
        { provide: ID_GENERATOR, useValue: { newId: () => uuidv7() } satisfies IdGenerator },
        {
          provide: TypeOrmTicketStore,
          inject: [DataSource, OutboxWriter],
          useFactory: (dataSource: DataSource, outbox: OutboxWriter) =>
            new TypeOrmTicketStore(dataSource, outbox),
        },
        { provide: TICKET_STORE, useExisting: TypeOrmTicketStore },
        { provide: FORM_VALIDATOR, useValue: new AjvFormValidator() },
        {
          provide: CATALOG_STORE,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new SqlCatalogStore(dataSource),
        },
        {
          provide: CreateTicketUseCase,
          inject: [TICKET_STORE, CLOCK, ID_GENERATOR, CATALOG_STORE, FORM_VALIDATOR],
          useFactory: (
            store: TicketStore,
            clock: Clock,
            ids: IdGenerator,
            catalog: CatalogStore,
            forms: FormValidator,
          ) => new CreateTicketUseCase(store, clock, ids, new CatalogReferences(catalog, forms)),
        },
        {
          provide: ManageCatalogUseCase,
          inject: [CATALOG_STORE, FORM_VALIDATOR, CLOCK, ID_GENERATOR],
          useFactory: (
            catalog: CatalogStore,
            forms: FormValidator,
            clock: Clock,
            ids: IdGenerator,
          ) => new ManageCatalogUseCase(catalog, forms, clock, ids),
        },
        {
          provide: CatalogQueries,
          inject: [CATALOG_STORE],
          useFactory: (catalog: CatalogStore) => new CatalogQueries(catalog),
        },
        {
          provide: RequestCatalogItemUseCase,
          inject: [CATALOG_STORE, FORM_VALIDATOR, CreateTicketUseCase],
          useFactory: (catalog: CatalogStore, forms: FormValidator, create: CreateTicketUseCase) =>
            new RequestCatalogItemUseCase(catalog, forms, create),
        },
        {
          provide: GetTicketUseCase,
          inject: [TICKET_STORE],
          useFactory: (store: TicketStore) => new GetTicketUseCase(store),
        },
        {
          provide: ListTicketsUseCase,
          inject: [TICKET_STORE],
          useFactory: (store: TicketStore) => new ListTicketsUseCase(store),
        },
        {
          provide: TransitionTicketUseCase,
          inject: [TICKET_STORE, CLOCK, ID_GENERATOR],
          useFactory: (store: TicketStore, clock: Clock, ids: IdGenerator) =>
            new TransitionTicketUseCase(store, clock, ids, settings),
        },
        {
          provide: CastApprovalVoteUseCase,
          inject: [TICKET_STORE, CLOCK],
          useFactory: (store: TicketStore, clock: Clock) =>
            new CastApprovalVoteUseCase(store, clock, settings),
        },
        {
          provide: LinkTicketsUseCase,
          inject: [TICKET_STORE, CLOCK, ID_GENERATOR],
          useFactory: (store: TicketStore, clock: Clock, ids: IdGenerator) =>
            new LinkTicketsUseCase(store, clock, ids),
        },
        {
          provide: UnlinkTicketsUseCase,
          inject: [TICKET_STORE, CLOCK],
          useFactory: (store: TicketStore, clock: Clock) => new UnlinkTicketsUseCase(store, clock),
        },
        {
          provide: ListRelationsUseCase,
          inject: [TICKET_STORE],
          useFactory: (store: TicketStore) => new ListRelationsUseCase(store),
        },
        {
          provide: MergeTicketUseCase,
          inject: [TICKET_STORE, CLOCK, ID_GENERATOR],
          useFactory: (store: TicketStore, clock: Clock, ids: IdGenerator) =>
            new MergeTicketUseCase(store, clock, ids, settings),
        },
        {
          provide: BulkUpdateTicketsUseCase,
          inject: [TICKET_STORE, TransitionTicketUseCase, UpdateTicketUseCase],
          useFactory: (
            store: TicketStore,
            transitions: TransitionTicketUseCase,
            edits: UpdateTicketUseCase,
          ) => new BulkUpdateTicketsUseCase(store, transitions, edits),
        },
        {
          provide: WatchTicketUseCase,
          inject: [TICKET_STORE, CLOCK],
          useFactory: (store: TicketStore, clock: Clock) => new WatchTicketUseCase(store, clock),
        },
        {
          provide: RateTicketUseCase,
          inject: [TICKET_STORE, CLOCK],
          useFactory: (store: TicketStore, clock: Clock) => new RateTicketUseCase(store, clock),
        },
        {
          provide: SAVED_VIEW_STORE,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new SqlSavedViewStore(dataSource),
        },
        {
          provide: SavedViewsGrpcHandlers,
          inject: [SAVED_VIEW_STORE, CLOCK, ID_GENERATOR],
          useFactory: (views: SavedViewStore, clock: Clock, ids: IdGenerator) =>
            new SavedViewsGrpcHandlers(new SavedViewsUseCase(views, clock, ids)),
        },
        {
          provide: AttachmentsUseCase,
          inject: [TICKET_STORE, DataSource, CLOCK, ID_GENERATOR],
          useFactory: (
            store: TicketStore,
            dataSource: DataSource,
            clock: Clock,
            ids: IdGenerator,
          ) =>
            new AttachmentsUseCase(
              store,
              new PostgresAttachmentContentStore(dataSource),
              clock,
              ids,
            ),
        },
        {
          provide: PriorityMatrixUseCase,
          inject: [TICKET_STORE, CLOCK],
          useFactory: (store: TicketStore, clock: Clock) => new PriorityMatrixUseCase(store, clock),
        },
        {
          provide: GetApprovalUseCase,
          inject: [TICKET_STORE],
          useFactory: (store: TicketStore) => new GetApprovalUseCase(store),
        },
        {
          provide: UpdateTicketUseCase,
          inject: [TICKET_STORE, CLOCK],
          useFactory: (store: TicketStore, clock: Clock) => new UpdateTicketUseCase(store, clock),
        },
        {
          provide: CountTicketsUseCase,
          inject: [TICKET_STORE],
          useFactory: (store: TicketStore) => new CountTicketsUseCase(store),
        },
        {
          provide: GetServiceDeskStatsUseCase,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new GetServiceDeskStatsUseCase(new SqlServiceDeskStatsStore(dataSource)),
        },
        {
          provide: AddCommentUseCase,
          inject: [TICKET_STORE, CLOCK, ID_GENERATOR],
          useFactory: (store: TicketStore, clock: Clock, ids: IdGenerator) =>
            new AddCommentUseCase(store, clock, ids),
        },
        {
          provide: ListCommentsUseCase,
          inject: [TICKET_STORE],
          useFactory: (store: TicketStore) => new ListCommentsUseCase(store),
        },
        {
          provide: ListTicketHistoryUseCase,
          inject: [TICKET_STORE],
          useFactory: (store: TicketStore) => new ListTicketHistoryUseCase(store),
        },
        {
          provide: ApplyRoutingDecisionUseCase,
          inject: [TICKET_STORE, CLOCK, CATALOG_STORE, FORM_VALIDATOR],
          useFactory: (
            store: TicketStore,
            clock: Clock,
            catalog: CatalogStore,
            forms: FormValidator,
          ) =>
            new ApplyRoutingDecisionUseCase(
              store,
              clock,
              new CatalogReferences(catalog, forms),
              settings,
            ),
        },
        {
          provide: RecordEscalationUseCase,
          inject: [TICKET_STORE],
          useFactory: (store: TicketStore) => new RecordEscalationUseCase(store),
        },
        {
          provide: InboxSubscription,
          inject: [
            DataSource,
            TypeOrmTicketStore,
            PinoLogger,
            ApplyRoutingDecisionUseCase,
            RecordEscalationUseCase,
          ],
          useFactory: (
            dataSource: DataSource,
            store: TypeOrmTicketStore,
            logger: PinoLogger,
            applyRoutingDecision: ApplyRoutingDecisionUseCase,
            recordEscalation: RecordEscalationUseCase,
          ) => {
            logger.setContext('RoutingEventsConsumer');
            const handlers = routingEventHandlers(
              { applyRoutingDecision, recordEscalation },
              store,
              logger,
              settings.routingEventsTopic,
            );
            return new InboxSubscription(
              createKafka(settings.kafka, logger),
              dataSource,
              logger,
              {
                groupId: settings.consumerGroup,
                retryMs: CONSUMER_RETRY_MS,
                describes: 'routing events',
              },
              handlers,
            );
          },
        },
        TicketsLifecycle,
      ],
    };
  }
}
