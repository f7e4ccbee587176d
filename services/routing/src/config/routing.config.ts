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

export const routingConfigSchema = serviceConfigSchema
  .extend({ HTTP_PORT: serviceConfigSchema.shape.HTTP_PORT.default(3104) })
  .extend(databaseConfigSchema.shape)
  .extend(kafkaConfigSchema.shape)
  .extend(grpcServerConfigSchema.shape)
  .extend({ GRPC_PORT: grpcServerConfigSchema.shape.GRPC_PORT.default(50054) })
  .extend(telemetryConfigSchema.shape)
  .extend({
    /** Events relayed to Kafka per transaction. */
    OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
    /** How often the relay looks for new events: most of the delay between a decision and its assignment. */
    OUTBOX_IDLE_POLL_MS: milliseconds(5, 10_000, 25),
    /** Consumer group of the ticket- and SLA-event consumer; replicas share its partitions. */
    ROUTING_CONSUMER_GROUP: z.string().min(1).default('itsm-routing'),
    /** Where ticket events are read from: the tickets topic, or a mirror of it. */
    ROUTING_TICKET_EVENTS_TOPIC: z.string().min(1).default(Topics.tickets),
    /** Where SLA warnings and breaches are read from. */
    ROUTING_SLA_EVENTS_TOPIC: z.string().min(1).default(Topics.sla),
    /**
     * How often a replica checks whether lines, groups, agents, rules, settings or the classifier
     * changed (one row: a counter of committed changes), and reads them again when they did; a
     * change made through this replica is seen at once.
     */
    ROUTING_CONFIGURATION_REFRESH_MS: milliseconds(0, 600_000, 2_000),
    /** Fewest labelled resolved tickets a classifier is trained from. */
    ROUTING_CLASSIFIER_MIN_EXAMPLES: z.coerce.number().int().min(2).max(1_000_000).default(20),
  });

export type RoutingConfig = z.infer<typeof routingConfigSchema>;

export function loadRoutingConfig(): RoutingConfig {
  return loadConfig(routingConfigSchema);
}
