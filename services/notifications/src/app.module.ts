import { type DynamicModule, Module } from '@nestjs/common';
import { OutboxModule } from '@itsm/messaging';
import { PersistenceModule } from '@itsm/persistence';
import { PlatformModule } from '@itsm/platform';
import type { NotificationsConfig } from './config/notifications.config';
import { notificationsMigrations } from './migrations';
import { NotificationsModule } from './notifications.module';

export const SERVICE_NAME = 'notifications';

export function notificationsDataSourceSettings(config: NotificationsConfig) {
  return {
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: `itsm-${SERVICE_NAME}`,
    entities: [],
    migrations: notificationsMigrations,
  };
}

@Module({})
export class AppModule {
  static register(config: NotificationsConfig): DynamicModule {
    const kafka = {
      brokers: config.KAFKA_BROKERS,
      clientId: config.KAFKA_CLIENT_ID ?? `itsm-${SERVICE_NAME}`,
    };
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: SERVICE_NAME, level: config.LOG_LEVEL }),
        PersistenceModule.forRoot(notificationsDataSourceSettings(config)),
        OutboxModule.forRoot({
          source: `/itsm/${SERVICE_NAME}`,
          kafka,
          relay: { batchSize: config.OUTBOX_BATCH_SIZE, idlePollMs: config.OUTBOX_IDLE_POLL_MS },
        }),
        NotificationsModule.register({
          kafka,
          consumerGroup: config.NOTIFICATIONS_CONSUMER_GROUP,
          consumerConcurrency: config.NOTIFICATIONS_CONSUMER_CONCURRENCY,
          routingGrpcUrl: config.ROUTING_GRPC_URL,
          protoRoot: config.PROTO_ROOT,
          groupDirectoryTtlMs: config.GROUP_DIRECTORY_TTL_MS,
          smtpUrl: config.SMTP_URL,
          from: { name: config.MAIL_FROM_NAME, address: config.MAIL_FROM_ADDRESS },
          replySecret: config.MAIL_REPLY_SECRET,
          publicBaseUrl: config.PUBLIC_BASE_URL,
          digestIntervalMs: config.DIGEST_INTERVAL_MS,
          ticketsGrpcUrl: config.TICKETS_GRPC_URL,
          inbound: {
            host: config.INBOUND_SMTP_HOST,
            port: config.INBOUND_SMTP_PORT,
            maxMessageBytes: config.INBOUND_MAX_MESSAGE_BYTES,
            ticketType: config.INBOUND_TICKET_TYPE,
          },
          dispatch: {
            pollMs: config.DISPATCH_POLL_MS,
            batchSize: config.DISPATCH_BATCH_SIZE,
            leaseMs: config.DISPATCH_LEASE_MS,
            maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
            retryBaseMs: config.DELIVERY_RETRY_BASE_MS,
            retryMaxMs: config.DELIVERY_RETRY_MAX_MS,
            webhookTimeoutMs: config.WEBHOOK_TIMEOUT_MS,
          },
        }),
      ],
    };
  }
}
