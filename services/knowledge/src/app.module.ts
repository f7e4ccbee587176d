import { type DynamicModule, Module } from '@nestjs/common';
import { OutboxModule } from '@itsm/messaging';
import { PersistenceModule } from '@itsm/persistence';
import { PlatformModule } from '@itsm/platform';
import type { KnowledgeConfig } from './config/knowledge.config';
import { knowledgeArticlesIndex } from './infrastructure/search/knowledge-articles.index';
import { searchClientOf } from './infrastructure/search/search-client.provider';
import { KnowledgeModule } from './knowledge.module';
import { knowledgeMigrations } from './migrations';

export const SERVICE_NAME = 'knowledge';

export function knowledgeDataSourceSettings(
  config: Pick<KnowledgeConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>,
) {
  return {
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: `itsm-${SERVICE_NAME}`,
    // Every read joins an article with its live version, so the store speaks SQL, not entities.
    entities: [],
    migrations: knowledgeMigrations,
  };
}

export function knowledgeIndexOf(config: KnowledgeConfig) {
  return knowledgeArticlesIndex({
    alias: config.SEARCH_INDEX_ALIAS,
    replicas: config.SEARCH_INDEX_REPLICAS,
  });
}

@Module({})
export class AppModule {
  static register(config: KnowledgeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: SERVICE_NAME, level: config.LOG_LEVEL }),
        PersistenceModule.forRoot(knowledgeDataSourceSettings(config)),
        OutboxModule.forRoot({
          source: `/itsm/${SERVICE_NAME}`,
          kafka: {
            brokers: config.KAFKA_BROKERS,
            clientId: config.KAFKA_CLIENT_ID ?? `itsm-${SERVICE_NAME}`,
          },
          relay: { batchSize: config.OUTBOX_BATCH_SIZE, idlePollMs: config.OUTBOX_IDLE_POLL_MS },
        }),
        KnowledgeModule.register({
          searchClient: searchClientOf(config),
          index: knowledgeIndexOf(config),
          projector: {
            batchSize: config.INDEXER_BATCH_SIZE,
            idlePollMs: config.INDEXER_IDLE_POLL_MS,
            maxBackoffMs: config.INDEXER_MAX_BACKOFF_MS,
          },
        }),
      ],
    };
  }
}
