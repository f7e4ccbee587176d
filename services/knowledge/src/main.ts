import { telemetry } from './instrument';
import 'reflect-metadata';
import { KnowledgeGrpcPackage } from '@itsm/contracts';
import { createDataSource, runMigrations } from '@itsm/persistence';
import { runService } from '@itsm/platform';
import { ReindexArticlesUseCase } from './application/index-articles/reindex-articles.use-case';
import { AppModule, knowledgeDataSourceSettings, knowledgeIndexOf } from './app.module';
import { type KnowledgeConfig, loadKnowledgeConfig } from './config/knowledge.config';
import { OpenSearchArticleIndex } from './infrastructure/search/opensearch-article-index';
import { searchClientOf } from './infrastructure/search/search-client.provider';
import { TypeOrmIndexQueue } from './infrastructure/typeorm-index-queue';

/** Changes this close before a rebuild started are queued again after the alias moved. */
const REINDEX_CATCH_UP_MARGIN_MS = 5 * 60_000;

/** Rebuilds the search index from PostgreSQL into a new index and moves the alias onto it. */
async function reindex(config: KnowledgeConfig): Promise<void> {
  const dataSource = await createDataSource(knowledgeDataSourceSettings(config)).initialize();
  const client = searchClientOf(config);
  try {
    const index = new OpenSearchArticleIndex(client, knowledgeIndexOf(config));
    const report = await new ReindexArticlesUseCase(new TypeOrmIndexQueue(dataSource), index, {
      batchSize: config.REINDEX_BATCH_SIZE,
      catchUpMarginMs: REINDEX_CATCH_UP_MARGIN_MS,
    }).execute();
    process.stdout.write(`${JSON.stringify({ service: 'knowledge', reindex: report })}\n`);
  } finally {
    await client.close();
    await dataSource.destroy();
  }
}

/**
 * `main.js` serves; `main.js migrate` applies pending migrations and exits (the chart's
 * migration job); `main.js reindex` rebuilds the search index with no downtime and exits.
 */
async function main(command: string | undefined): Promise<void> {
  const config = loadKnowledgeConfig();
  if (command === 'migrate') {
    const applied = await runMigrations(createDataSource(knowledgeDataSourceSettings(config)));
    process.stdout.write(
      `${JSON.stringify({ service: 'knowledge', migrationsApplied: applied })}\n`,
    );
    await telemetry.shutdown();
    return;
  }
  if (command === 'reindex') {
    await reindex(config);
    await telemetry.shutdown();
    return;
  }
  await runService({
    module: AppModule.register(config),
    http: { host: config.HTTP_HOST, port: config.HTTP_PORT },
    grpc: {
      host: config.GRPC_HOST,
      port: config.GRPC_PORT,
      packages: [KnowledgeGrpcPackage],
      protoRoot: config.PROTO_ROOT,
    },
    shutdownDrainMs: config.SHUTDOWN_DRAIN_MS,
    telemetry,
  });
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', service: 'knowledge', message: String(error), stack: (error as Error).stack })}\n`,
  );
  process.exit(1);
});
