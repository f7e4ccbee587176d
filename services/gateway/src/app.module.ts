import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
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
import { IdentityModule } from './identity/identity.module';
import { LiveModule } from './live/live.module';
import { gatewayMigrations } from './migrations';

export const SERVICE_NAME = 'gateway';

/** The gateway's own database: identity, sessions, API keys and the audit log. */
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
        IdentityModule,
        TicketsModule,
        SlaModule,
        KnowledgeModule,
        CatalogModule,
        ViewsModule,
        SettingsModule,
        RoutingModule,
        CmdbModule,
        LiveModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}

@Module({})
class ConfigHolderModule {}
