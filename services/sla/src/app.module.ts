import { type DynamicModule, Module } from '@nestjs/common';
import { OutboxModule } from '@itsm/messaging';
import { PersistenceModule } from '@itsm/persistence';
import { PlatformModule } from '@itsm/platform';
import type { SlaConfig } from './config/sla.config';
import { SlaCalendarEntity } from './infrastructure/sla-calendar.entity';
import { SlaClockEntity } from './infrastructure/sla-clock.entity';
import { SlaPolicyEntity } from './infrastructure/sla-policy.entity';
import { slaMigrations } from './migrations';
import { SlaModule } from './sla.module';

export const SERVICE_NAME = 'sla';

export function slaDataSourceSettings(config: SlaConfig) {
  return {
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: `itsm-${SERVICE_NAME}`,
    entities: [SlaCalendarEntity, SlaPolicyEntity, SlaClockEntity],
    migrations: slaMigrations,
  };
}

@Module({})
export class AppModule {
  static register(config: SlaConfig): DynamicModule {
    const kafka = {
      brokers: config.KAFKA_BROKERS,
      clientId: config.KAFKA_CLIENT_ID ?? `itsm-${SERVICE_NAME}`,
    };
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: SERVICE_NAME, level: config.LOG_LEVEL }),
        PersistenceModule.forRoot(slaDataSourceSettings(config)),
        OutboxModule.forRoot({
          source: `/itsm/${SERVICE_NAME}`,
          kafka,
          relay: { batchSize: config.OUTBOX_BATCH_SIZE, idlePollMs: config.OUTBOX_IDLE_POLL_MS },
        }),
        SlaModule.register({
          kafka,
          consumerGroup: config.SLA_CONSUMER_GROUP,
          ticketEventsTopic: config.SLA_TICKET_EVENTS_TOPIC,
          scheduler: {
            lookaheadMs: config.SLA_SCHEDULER_LOOKAHEAD_MS,
            pollMs: config.SLA_SCHEDULER_POLL_MS,
            batchSize: config.SLA_SCHEDULER_BATCH_SIZE,
          },
          catalogRefreshMs: config.SLA_CATALOG_REFRESH_MS,
        }),
      ],
    };
  }
}
