import { type DynamicModule, Module } from '@nestjs/common';
import { OutboxModule } from '@itsm/messaging';
import { PersistenceModule } from '@itsm/persistence';
import { PlatformModule } from '@itsm/platform';
import type { RoutingConfig } from './config/routing.config';
import { routingMigrations } from './migrations';
import { RoutingModule } from './routing.module';

export const SERVICE_NAME = 'routing';

export function routingDataSourceSettings(config: RoutingConfig) {
  return {
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: `itsm-${SERVICE_NAME}`,
    entities: [],
    migrations: routingMigrations,
  };
}

@Module({})
export class AppModule {
  static register(config: RoutingConfig): DynamicModule {
    const kafka = {
      brokers: config.KAFKA_BROKERS,
      clientId: config.KAFKA_CLIENT_ID ?? `itsm-${SERVICE_NAME}`,
    };
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: SERVICE_NAME, level: config.LOG_LEVEL }),
        PersistenceModule.forRoot(routingDataSourceSettings(config)),
        OutboxModule.forRoot({
          source: `/itsm/${SERVICE_NAME}`,
          kafka,
          relay: { batchSize: config.OUTBOX_BATCH_SIZE, idlePollMs: config.OUTBOX_IDLE_POLL_MS },
        }),
        RoutingModule.register({
          kafka,
          consumerGroup: config.ROUTING_CONSUMER_GROUP,
          ticketEventsTopic: config.ROUTING_TICKET_EVENTS_TOPIC,
          slaEventsTopic: config.ROUTING_SLA_EVENTS_TOPIC,
          configurationRefreshMs: config.ROUTING_CONFIGURATION_REFRESH_MS,
          classifierMinExamples: config.ROUTING_CLASSIFIER_MIN_EXAMPLES,
        }),
      ],
    };
  }
}
