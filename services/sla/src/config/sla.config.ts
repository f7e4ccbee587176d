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

export const slaConfigSchema = serviceConfigSchema
  .extend({ HTTP_PORT: serviceConfigSchema.shape.HTTP_PORT.default(3102) })
  .extend(databaseConfigSchema.shape)
  .extend(kafkaConfigSchema.shape)
  .extend(grpcServerConfigSchema.shape)
  .extend({ GRPC_PORT: grpcServerConfigSchema.shape.GRPC_PORT.default(50052) })
  .extend(telemetryConfigSchema.shape)
  .extend({
    /** Events relayed to Kafka per transaction. */
    OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
    /**
     * How often the relay looks for new events. It is the largest share of a breach event's
     * delay after the scheduler commits it, so it stays short (the relay cannot be woken).
     */
    OUTBOX_IDLE_POLL_MS: milliseconds(5, 10_000, 25),
    /** Consumer group of the ticket-event consumer; replicas share its partitions. */
    SLA_CONSUMER_GROUP: z.string().min(1).default('itsm-sla'),
    /** Where ticket events are read from: the tickets topic, or a mirror of it. */
    SLA_TICKET_EVENTS_TOPIC: z.string().min(1).default(Topics.tickets),
    /** How far ahead the scheduler reads due instants into memory. */
    SLA_SCHEDULER_LOOKAHEAD_MS: milliseconds(1_000, 3_600_000, 30_000),
    /** How often the scheduler reads them; bounds how late a clock changed on another replica that then died can fire. */
    SLA_SCHEDULER_POLL_MS: milliseconds(50, 600_000, 1_000),
    /** Clocks fired per transaction. */
    SLA_SCHEDULER_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(200),
    /** How long calendars and policies are cached before they are read again. */
    SLA_CATALOG_REFRESH_MS: milliseconds(0, 600_000, 5_000),
  })
  .refine((config) => config.SLA_SCHEDULER_LOOKAHEAD_MS > config.SLA_SCHEDULER_POLL_MS, {
    path: ['SLA_SCHEDULER_LOOKAHEAD_MS'],
    message: 'must exceed SLA_SCHEDULER_POLL_MS, or an instant could pass between two looks',
  });

export type SlaConfig = z.infer<typeof slaConfigSchema>;

export function loadSlaConfig(): SlaConfig {
  return loadConfig(slaConfigSchema);
}
