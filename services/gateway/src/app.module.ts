import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { OutboxModule } from '@itsm/messaging';
import { PersistenceModule } from '@itsm/persistence';
import { PlatformModule } from '@itsm/platform';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/gateway.config';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { CatalogModule } from './catalog/catalog.module';
import { TicketsModule } from './tickets/tickets.module';
import { SlaModule } from './sla/sla.module';
import { KnowledgeModule } from './knowledge/knowledge.module';
import { ViewsModule } from './views/views.module';
import { SettingsModule } from './settings/settings.module';
import { RoutingModule } from './routing/routing.module';
import { CmdbModule } from './cmdb/cmdb.module';
import { NotificationsModule } from './notifications/notifications.module';
import { IdentityModule } from './identity/identity.module';
import { LiveModule } from './live/live.module';
import { ReportsModule } from './reports/reports.module';
import { gatewayMigrations } from './migrations';

export const SERVICE_NAME = 'gateway';
/** CloudEvents source of the gateway's events (the people directory). */
export const EVENT_SOURCE = `/itsm/${SERVICE_NAME}`;

/** The gateway's own database: identity, sessions, API keys, the audit log and its outbox. */
export function gatewayDataSourceSettings(
  config: Pick<GatewayConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>,
) {
  return {
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: `itsm-${SERVICE_NAME}`,
    // The identity store speaks SQL, not entities.
    entities: [],
    migrations: gatewayMigrations,
  };
}

@Module({})
export class AppModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: SERVICE_NAME, level: config.LOG_LEVEL }),
        {
          module: ConfigHolderModule,
          global: true,
          providers: [{ provide: GATEWAY_CONFIG, useValue: config }],
          exports: [GATEWAY_CONFIG],
        },
        PersistenceModule.forRoot(gatewayDataSourceSettings(config)),
        // The relay retries while Kafka is down: the gateway serves, and directory events wait.
        OutboxModule.forRoot({
          source: EVENT_SOURCE,
          kafka: {
            brokers: config.KAFKA_BROKERS,
            clientId: config.KAFKA_CLIENT_ID ?? `itsm-${SERVICE_NAME}`,
          },
          relay: { batchSize: config.OUTBOX_BATCH_SIZE, idlePollMs: config.OUTBOX_IDLE_POLL_MS },
        }),
        IdentityModule,
        TicketsModule,
        SlaModule,
        KnowledgeModule,
        CatalogModule,
        ViewsModule,
        SettingsModule,
        RoutingModule,
        CmdbModule,
        NotificationsModule,
        LiveModule,
        ReportsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}

@Module({})
class ConfigHolderModule {}
