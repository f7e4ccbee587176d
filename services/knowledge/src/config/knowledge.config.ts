import { z } from 'zod';
import {
  databaseConfigSchema,
  grpcServerConfigSchema,
  kafkaConfigSchema,
  loadConfig,
  sensitive,
  serviceConfigSchema,
  telemetryConfigSchema,
} from '@itsm/config';

/** Where the search engine is and how the articles index is named. */
export const searchConfigSchema = z.object({
  /** Elasticsearch or OpenSearch node, e.g. http://127.0.0.1:9200. */
  SEARCH_URL: z.url().default('http://127.0.0.1:9200'),
  SEARCH_FLAVOUR: z.enum(['opensearch', 'elasticsearch']).default('opensearch'),
  SEARCH_USERNAME: z.string().min(1).optional(),
  SEARCH_PASSWORD: sensitive(z.string().min(1).optional()),
  SEARCH_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** The alias the service reads and writes through; its physical indices carry the version. */
  SEARCH_INDEX_ALIAS: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/)
    .default('knowledge-articles'),
  SEARCH_INDEX_REPLICAS: z.coerce.number().int().min(0).max(5).default(0),
});

export const knowledgeConfigSchema = serviceConfigSchema
  .extend({ HTTP_PORT: serviceConfigSchema.shape.HTTP_PORT.default(3103) })
  .extend(databaseConfigSchema.shape)
  .extend(kafkaConfigSchema.shape)
  .extend(grpcServerConfigSchema.shape)
  .extend({ GRPC_PORT: grpcServerConfigSchema.shape.GRPC_PORT.default(50053) })
  .extend(telemetryConfigSchema.shape)
  .extend(searchConfigSchema.shape)
  .extend({
    /** Events relayed to Kafka per transaction. */
    OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
    OUTBOX_IDLE_POLL_MS: z.coerce.number().int().min(5).max(10_000).default(50),
    /** Articles the index projector applies per bulk round. */
    INDEXER_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
    INDEXER_IDLE_POLL_MS: z.coerce.number().int().min(5).max(10_000).default(100),
    /** Longest pause between attempts while the engine is unreachable. */
    INDEXER_MAX_BACKOFF_MS: z.coerce.number().int().min(10).max(60_000).default(5000),
    /** Articles per read and bulk write of `main.js reindex`. */
    REINDEX_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(2000),
  });

export type KnowledgeConfig = z.infer<typeof knowledgeConfigSchema>;

export function loadKnowledgeConfig(): KnowledgeConfig {
  return loadConfig(knowledgeConfigSchema);
}
