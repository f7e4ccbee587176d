import { z } from 'zod';
import {
  databaseConfigSchema,
  grpcServerConfigSchema,
  kafkaConfigSchema,
  loadConfig,
  serviceConfigSchema,
  telemetryConfigSchema,
} from '@itsm/config';
import { Topics } from '@itsm/contracts';

const milliseconds = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

export const cmdbConfigSchema = serviceConfigSchema
  .extend({ HTTP_PORT: serviceConfigSchema.shape.HTTP_PORT.default(3105) })
  .extend(databaseConfigSchema.shape)
  .extend(kafkaConfigSchema.shape)
  .extend(grpcServerConfigSchema.shape)
  .extend({ GRPC_PORT: grpcServerConfigSchema.shape.GRPC_PORT.default(50055) })
  .extend(telemetryConfigSchema.shape)
  .extend({
    /** Events relayed to Kafka per transaction (an import of thousands of rows makes as many). */
    OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
    OUTBOX_IDLE_POLL_MS: milliseconds(5, 10_000, 100),
    /** Consumer group of the ticket-event consumer (which tickets name which items). */
    CMDB_CONSUMER_GROUP: z.string().min(1).default('itsm-cmdb'),
    CMDB_TICKET_EVENTS_TOPIC: z.string().min(1).default(Topics.tickets),
    /** Largest import accepted in one request, in rows. */
    CMDB_IMPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(50_000),
  });

export type CmdbConfig = z.infer<typeof cmdbConfigSchema>;

export function loadCmdbConfig(): CmdbConfig {
  return loadConfig(cmdbConfigSchema);
}
