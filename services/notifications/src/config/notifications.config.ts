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

const milliseconds = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);
const count = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);
const emailAddress = z.email();

export const notificationsConfigSchema = serviceConfigSchema
  .extend({ HTTP_PORT: serviceConfigSchema.shape.HTTP_PORT.default(3106) })
  .extend(databaseConfigSchema.shape)
  .extend(kafkaConfigSchema.shape)
  .extend(grpcServerConfigSchema.shape)
  .extend({ GRPC_PORT: grpcServerConfigSchema.shape.GRPC_PORT.default(50056) })
  .extend(telemetryConfigSchema.shape)
  .extend({
    OUTBOX_BATCH_SIZE: count(1, 5000, 500),
    OUTBOX_IDLE_POLL_MS: milliseconds(5, 10_000, 50),
    /** Consumer group of the platform-event consumer; replicas share its partitions. */
    NOTIFICATIONS_CONSUMER_GROUP: z.string().min(1).default('itsm-notifications'),
    /**
     * Topic partitions applied at once. Events of one ticket share a partition, so their order
     * holds; different tickets' notifications touch different rows.
     */
    NOTIFICATIONS_CONSUMER_CONCURRENCY: count(1, 64, 6),
    /** The tickets service: email becomes tickets and comments through it. */
    TICKETS_GRPC_URL: z.string().min(1).default('127.0.0.1:50051'),
    /** The routing service: who works in a group and who supervises it. */
    ROUTING_GRPC_URL: z.string().min(1).default('127.0.0.1:50054'),
    /** How long a group's members and supervisor are remembered. */
    GROUP_DIRECTORY_TTL_MS: milliseconds(0, 3_600_000, 30_000),
    /** Outgoing mail server, smtp:// or smtps:// with credentials in the URL when needed. */
    SMTP_URL: sensitive(
      z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL'),
    ).default('smtp://127.0.0.1:2525'),
    /** The service desk's mailbox: the From of every notification and where replies go. */
    MAIL_FROM_ADDRESS: emailAddress.default('support@itsm.local'),
    MAIL_FROM_NAME: z.string().min(1).max(120).default('Service desk'),
    /** Signs the reply address of every notification, so a reply finds its ticket. */
    MAIL_REPLY_SECRET: sensitive(z.string().min(32, 'must be at least 32 characters')),
    /** Links in messages point here (the web app / gateway as users reach it). */
    PUBLIC_BASE_URL: z.url().default('http://127.0.0.1:3000'),
    /** Inbound SMTP endpoint for email to tickets; port 0 turns it off. */
    INBOUND_SMTP_HOST: z.string().default('0.0.0.0'),
    INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2526),
    /** Largest inbound message accepted, attachments included. */
    INBOUND_MAX_MESSAGE_BYTES: count(1024, 50 * 1024 * 1024, 25 * 1024 * 1024),
    /** The ticket type a new email becomes. */
    INBOUND_TICKET_TYPE: z.enum(['incident', 'service_request']).default('incident'),
    /** Deliveries are looked for this often; a due one waits at most this long. */
    DISPATCH_POLL_MS: milliseconds(10, 60_000, 50),
    /** Deliveries claimed per look, and sent at once. */
    DISPATCH_BATCH_SIZE: count(1, 1000, 64),
    /** A claimed delivery another replica may take over when its sender died. */
    DISPATCH_LEASE_MS: milliseconds(1_000, 600_000, 60_000),
    DELIVERY_MAX_ATTEMPTS: count(1, 20, 5),
    DELIVERY_RETRY_BASE_MS: milliseconds(10, 3_600_000, 5_000),
    DELIVERY_RETRY_MAX_MS: milliseconds(10, 86_400_000, 3_600_000),
    WEBHOOK_TIMEOUT_MS: milliseconds(100, 60_000, 10_000),
    /** Low-importance email held for a digest is sent at most this often per person. */
    DIGEST_INTERVAL_MS: milliseconds(1_000, 7 * 86_400_000, 3_600_000),
  })
  .refine((config) => config.DELIVERY_RETRY_MAX_MS >= config.DELIVERY_RETRY_BASE_MS, {
    path: ['DELIVERY_RETRY_MAX_MS'],
    message: 'must not be below DELIVERY_RETRY_BASE_MS',
  });

export type NotificationsConfig = z.infer<typeof notificationsConfigSchema>;

export function loadNotificationsConfig(): NotificationsConfig {
  return loadConfig(notificationsConfigSchema);
}
