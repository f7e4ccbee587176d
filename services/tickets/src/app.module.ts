import { ChangeApprovalEntity } from './infrastructure/change-approval.entity';
import { type DynamicModule, Module } from '@nestjs/common';
import { OutboxModule } from '@itsm/messaging';
import { PersistenceModule } from '@itsm/persistence';
import { PlatformModule } from '@itsm/platform';
import type { TicketsConfig } from './config/tickets.config';
import { TicketEntity } from './infrastructure/ticket.entity';
import { TicketCommentEntity } from './infrastructure/ticket-comment.entity';
import { TicketHistoryEntity } from './infrastructure/ticket-history.entity';
import { ticketsMigrations } from './migrations';
import { TicketsModule } from './tickets.module';

export const SERVICE_NAME = 'tickets';

export function ticketsDataSourceSettings(config: TicketsConfig) {
  return {
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: `itsm-${SERVICE_NAME}`,
    entities: [TicketEntity, TicketHistoryEntity, TicketCommentEntity, ChangeApprovalEntity],
    migrations: ticketsMigrations,
  };
}

@Module({})
export class AppModule {
  static register(config: TicketsConfig): DynamicModule {
    const kafka = {
      brokers: config.KAFKA_BROKERS,
      clientId: config.KAFKA_CLIENT_ID ?? `itsm-${SERVICE_NAME}`,
    };
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: SERVICE_NAME, level: config.LOG_LEVEL }),
        PersistenceModule.forRoot(ticketsDataSourceSettings(config)),
        OutboxModule.forRoot({
          source: `/itsm/${SERVICE_NAME}`,
          kafka,
          relay: { batchSize: config.OUTBOX_BATCH_SIZE, idlePollMs: config.OUTBOX_IDLE_POLL_MS },
        }),
        TicketsModule.register({
          reopenWindowMs: config.TICKET_REOPEN_WINDOW_HOURS * 3_600_000,
          kafka,
          consumerGroup: config.TICKETS_CONSUMER_GROUP,
          routingEventsTopic: config.TICKETS_ROUTING_EVENTS_TOPIC,
        }),
      ],
    };
  }
}
