import { type DynamicModule, Module } from '@nestjs/common';
import { OutboxModule } from '@itsm/messaging';
import { PersistenceModule } from '@itsm/persistence';
import { PlatformModule } from '@itsm/platform';
import { CmdbModule } from './cmdb.module';
import type { CmdbConfig } from './config/cmdb.config';
import { cmdbMigrations } from './migrations';

export const SERVICE_NAME = 'cmdb';

export function cmdbDataSourceSettings(config: CmdbConfig) {
  return {
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: `itsm-${SERVICE_NAME}`,
    entities: [],
    migrations: cmdbMigrations,
  };
}

@Module({})
export class AppModule {
  static register(config: CmdbConfig): DynamicModule {
    const kafka = {
      brokers: config.KAFKA_BROKERS,
      clientId: config.KAFKA_CLIENT_ID ?? `itsm-${SERVICE_NAME}`,
    };
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: SERVICE_NAME, level: config.LOG_LEVEL }),
        PersistenceModule.forRoot(cmdbDataSourceSettings(config)),
        OutboxModule.forRoot({
          source: `/itsm/${SERVICE_NAME}`,
          kafka,
          relay: { batchSize: config.OUTBOX_BATCH_SIZE, idlePollMs: config.OUTBOX_IDLE_POLL_MS },
        }),
        CmdbModule.register({
          kafka,
          consumerGroup: config.CMDB_CONSUMER_GROUP,
          ticketEventsTopic: config.CMDB_TICKET_EVENTS_TOPIC,
          importMaxRows: config.CMDB_IMPORT_MAX_ROWS,
        }),
      ],
    };
  }
}
