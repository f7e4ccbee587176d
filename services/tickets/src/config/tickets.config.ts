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

export const ticketsConfigSchema = serviceConfigSchema
  .extend({ HTTP_PORT: serviceConfigSchema.shape.HTTP_PORT.default(3101) })
  .extend(databaseConfigSchema.shape)
  .extend(kafkaConfigSchema.shape)
  .extend(grpcServerConfigSchema.shape)
  .extend({ GRPC_PORT: grpcServerConfigSchema.shape.GRPC_PORT.default(50051) })
  .extend(telemetryConfigSchema.shape)
  .extend({
    /** Events relayed to Kafka per transaction. */
    OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
    OUTBOX_IDLE_POLL_MS: z.coerce.number().int().min(5).max(10_000).default(50),
    /** How long after resolution a ticket may be reopened. */
    TICKET_REOPEN_WINDOW_HOURS: z.coerce
      .number()
      .min(0)
      .max(24 * 365)
      .default(168),
    /** Consumer group of the routing-event consumer; replicas share its partitions. */
    TICKETS_CONSUMER_GROUP: z.string().min(1).default('itsm-tickets'),
    /** Where routing decisions and escalations are read from: the routing topic, or a mirror of it. */
    TICKETS_ROUTING_EVENTS_TOPIC: z.string().min(1).default(Topics.routing),
  });

export type TicketsConfig = z.infer<typeof ticketsConfigSchema>;

export const TICKETS_CONFIG = Symbol('TicketsConfig');

export function loadTicketsConfig(): TicketsConfig {
  return loadConfig(ticketsConfigSchema);
}
