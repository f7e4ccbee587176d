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
import { ChangeClockTargetsUseCase } from './application/change-clock-targets/change-clock-targets.use-case';
import { ComplianceReportUseCase } from './application/compliance-report/compliance-report.use-case';
import { GetTicketSlaUseCase } from './application/get-ticket-sla/get-ticket-sla.use-case';
import { ListClocksUseCase } from './application/list-clocks/list-clocks.use-case';
import { CLOCK_LIST, type ClockList } from './application/ports/clock-list';
import { ManageCalendarsUseCase } from './application/manage-calendars/manage-calendars.use-case';
import { ManagePoliciesUseCase } from './application/manage-policies/manage-policies.use-case';
import { COMPLIANCE_COUNTS, type ComplianceCounts } from './application/ports/compliance-counts';
import { DEFINITION_STORE, type DefinitionStore } from './application/ports/definition-store';
import { ClockChanges } from './application/clock-changes';
import { FireDueClockEventsUseCase } from './application/fire-due-clock-events/fire-due-clock-events.use-case';
import { CLOCK_ALARM, type ClockAlarm } from './application/ports/clock-alarm';
import { CLOCK_STORE } from './application/ports/clock-store';
import { ID_GENERATOR, type IdGenerator } from './application/ports/id-generator';
import { SLA_CATALOG, type SlaCatalog } from './application/ports/sla-catalog';
import { systemTime, TIME_SOURCE, type TimeSource } from './application/ports/time-source';
import { RecordFirstResponseUseCase } from './application/record-first-response/record-first-response.use-case';
import {
  ClockScheduler,
  type ClockSchedulerOptions,
} from './application/scheduling/clock-scheduler';
import { StartClocksUseCase } from './application/start-clocks/start-clocks.use-case';
import { TrackTicketStatusUseCase } from './application/track-ticket-status/track-ticket-status.use-case';
import { SlaMetrics } from './infrastructure/sla-metrics';
import { OpenClocksGauge } from './infrastructure/open-clocks-gauge';
import { SqlClockList } from './infrastructure/sql-clock-list';
import { SqlComplianceCounts } from './infrastructure/sql-compliance-counts';
import { TypeOrmDefinitionStore } from './infrastructure/typeorm-definition.store';
import { TypeOrmClockStore } from './infrastructure/typeorm-clock.store';
import { TypeOrmSlaCatalog } from './infrastructure/typeorm-sla.catalog';
import { SlaGrpcController } from './interface/sla.grpc-controller';
import { ticketEventHandlers } from './interface/ticket-events.consumer';

export interface SlaSettings {
  kafka: KafkaSettings;
  consumerGroup: string;
  ticketEventsTopic: string;
  scheduler: Omit<ClockSchedulerOptions, 'maxInstantsPerPoll'> & { batchSize: number };
  catalogRefreshMs: number;
}

/** Instants read per look; a backlog beyond it is fired batch by batch all the same. */
const MAX_INSTANTS_PER_POLL = 10_000;
const CONSUMER_RETRY_MS = 2_000;

/** Starts the scheduler and the consumer once everything is wired, and stops them first. */
@Injectable()
class SlaLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly scheduler: ClockScheduler,
    private readonly consumer: InboxSubscription,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduler.start();
    this.consumer.start();
  }

  // Before the database and the outbox relay shut down (onApplicationShutdown).
  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.scheduler.stop();
  }
}

/** Use cases wired to their ports; ticket events, the scheduler and gRPC are the ways in. */
@Module({})
export class SlaModule {
  static register(settings: SlaSettings): DynamicModule {
    return {
      module: SlaModule,
      controllers: [SlaGrpcController],
      providers: [
        { provide: TIME_SOURCE, useValue: systemTime },
        { provide: ID_GENERATOR, useValue: { newId: () => uuidv7() } satisfies IdGenerator },
        {
          provide: SLA_CATALOG,
          inject: [DataSource, TIME_SOURCE, PinoLogger],
          useFactory: (dataSource: DataSource, time: TimeSource, logger: PinoLogger) => {
            logger.setContext('SlaCatalog');
            return new TypeOrmSlaCatalog(dataSource, time, logger, settings.catalogRefreshMs);
          },
        },
        {
          provide: TypeOrmClockStore,
          inject: [DataSource, OutboxWriter, TIME_SOURCE],
          useFactory: (dataSource: DataSource, outbox: OutboxWriter, time: TimeSource) =>
            new TypeOrmClockStore(dataSource, outbox, time),
        },
        { provide: CLOCK_STORE, useExisting: TypeOrmClockStore },
        {
          provide: ClockChanges,
          inject: [SLA_CATALOG, TIME_SOURCE],
          useFactory: (catalog: SlaCatalog, time: TimeSource) => new ClockChanges(catalog, time),
        },
        {
          provide: FireDueClockEventsUseCase,
          inject: [TypeOrmClockStore, ClockChanges, TIME_SOURCE],
          useFactory: (store: TypeOrmClockStore, changes: ClockChanges, time: TimeSource) =>
            new FireDueClockEventsUseCase(store, changes, time, settings.scheduler.batchSize),
        },
        {
          provide: ClockScheduler,
          inject: [TypeOrmClockStore, FireDueClockEventsUseCase, TIME_SOURCE, PinoLogger],
          useFactory: (
            store: TypeOrmClockStore,
            fireDue: FireDueClockEventsUseCase,
            time: TimeSource,
            logger: PinoLogger,
          ) => {
            logger.setContext('ClockScheduler');
            return new ClockScheduler(
              store,
              fireDue,
              time,
              logger,
              {
                lookaheadMs: settings.scheduler.lookaheadMs,
                pollMs: settings.scheduler.pollMs,
                maxInstantsPerPoll: MAX_INSTANTS_PER_POLL,
              },
              new SlaMetrics(),
            );
          },
        },
        { provide: CLOCK_ALARM, useExisting: ClockScheduler },
        {
          provide: OpenClocksGauge,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new OpenClocksGauge(dataSource),
        },
        {
          provide: StartClocksUseCase,
          inject: [SLA_CATALOG, ClockChanges, ID_GENERATOR, CLOCK_ALARM],
          useFactory: (
            catalog: SlaCatalog,
            changes: ClockChanges,
            ids: IdGenerator,
            alarm: ClockAlarm,
          ) => new StartClocksUseCase(catalog, changes, ids, alarm),
        },
        {
          provide: TrackTicketStatusUseCase,
          inject: [SLA_CATALOG, ClockChanges, CLOCK_ALARM],
          useFactory: (catalog: SlaCatalog, changes: ClockChanges, alarm: ClockAlarm) =>
            new TrackTicketStatusUseCase(catalog, changes, alarm),
        },
        {
          provide: RecordFirstResponseUseCase,
          inject: [ClockChanges, CLOCK_ALARM],
          useFactory: (changes: ClockChanges, alarm: ClockAlarm) =>
            new RecordFirstResponseUseCase(changes, alarm),
        },
        {
          provide: ChangeClockTargetsUseCase,
          inject: [SLA_CATALOG, ClockChanges, CLOCK_ALARM],
          useFactory: (catalog: SlaCatalog, changes: ClockChanges, alarm: ClockAlarm) =>
            new ChangeClockTargetsUseCase(catalog, changes, alarm),
        },
        {
          provide: InboxSubscription,
          inject: [
            DataSource,
            TypeOrmClockStore,
            PinoLogger,
            StartClocksUseCase,
            TrackTicketStatusUseCase,
            RecordFirstResponseUseCase,
            ChangeClockTargetsUseCase,
          ],
          useFactory: (
            dataSource: DataSource,
            store: TypeOrmClockStore,
            logger: PinoLogger,
            startClocks: StartClocksUseCase,
            trackTicketStatus: TrackTicketStatusUseCase,
            recordFirstResponse: RecordFirstResponseUseCase,
            changeClockTargets: ChangeClockTargetsUseCase,
          ) => {
            logger.setContext('TicketEventsConsumer');
            const handlers = ticketEventHandlers(
              { startClocks, trackTicketStatus, recordFirstResponse, changeClockTargets },
              store,
              logger,
              settings.ticketEventsTopic,
            );
            return new InboxSubscription(
              createKafka(settings.kafka, logger),
              dataSource,
              logger,
              {
                groupId: settings.consumerGroup,
                retryMs: CONSUMER_RETRY_MS,
                describes: 'ticket events',
              },
              handlers,
            );
          },
        },
        {
          provide: DEFINITION_STORE,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new TypeOrmDefinitionStore(dataSource),
        },
        {
          provide: COMPLIANCE_COUNTS,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new SqlComplianceCounts(dataSource),
        },
        {
          provide: ManageCalendarsUseCase,
          inject: [DEFINITION_STORE, SLA_CATALOG, ID_GENERATOR, TIME_SOURCE],
          useFactory: (
            store: DefinitionStore,
            catalog: SlaCatalog,
            ids: IdGenerator,
            time: TimeSource,
          ) => new ManageCalendarsUseCase(store, catalog, ids, time),
        },
        {
          provide: ManagePoliciesUseCase,
          inject: [DEFINITION_STORE, SLA_CATALOG, ID_GENERATOR, TIME_SOURCE],
          useFactory: (
            store: DefinitionStore,
            catalog: SlaCatalog,
            ids: IdGenerator,
            time: TimeSource,
          ) => new ManagePoliciesUseCase(store, catalog, ids, time),
        },
        {
          provide: GetTicketSlaUseCase,
          inject: [TypeOrmClockStore, SLA_CATALOG, TIME_SOURCE],
          useFactory: (store: TypeOrmClockStore, catalog: SlaCatalog, time: TimeSource) =>
            new GetTicketSlaUseCase(store, catalog, time),
        },
        {
          provide: ComplianceReportUseCase,
          inject: [COMPLIANCE_COUNTS, SLA_CATALOG],
          useFactory: (counts: ComplianceCounts, catalog: SlaCatalog) =>
            new ComplianceReportUseCase(counts, catalog),
        },
        {
          provide: CLOCK_LIST,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new SqlClockList(dataSource),
        },
        {
          provide: ListClocksUseCase,
          inject: [CLOCK_LIST, TIME_SOURCE],
          useFactory: (clocks: ClockList, time: TimeSource) => new ListClocksUseCase(clocks, time),
        },
        SlaLifecycle,
      ],
    };
  }
}
