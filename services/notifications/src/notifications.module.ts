import { randomBytes } from 'node:crypto';
import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import {
  RoutingGrpcPackage,
  ROUTING_SERVICE_NAME,
  type RoutingServiceClient,
  TicketsGrpcPackage,
  TICKETS_SERVICE_NAME,
  type TicketsServiceClient,
} from '@itsm/contracts';
import { createKafka, InboxSubscription, type KafkaSettings, OutboxWriter } from '@itsm/messaging';
import { grpcClient } from '@itsm/platform';
import { DeliveryLogUseCase } from './application/delivery-log/delivery-log.use-case';
import {
  atMostEvery,
  DeliveryDispatcher,
} from './application/dispatch-deliveries/delivery-dispatcher';
import { DispatchDeliveriesUseCase } from './application/dispatch-deliveries/dispatch-deliveries.use-case';
import { InAppFeedUseCase } from './application/in-app-feed/in-app-feed.use-case';
import { ManageSettingsUseCase } from './application/manage-settings/manage-settings.use-case';
import {
  DEFAULT_SENDER_RATE_LIMIT,
  ReceiveEmailUseCase,
} from './application/receive-email/receive-email.use-case';
import { NotifyOnEventUseCase } from './application/notify-on-event/notify-on-event.use-case';
import { systemTime } from './application/ports/time-source';
import { SendDigestsUseCase } from './application/send-digests/send-digests.use-case';
import { WebhookSubscriptionsUseCase } from './application/webhook-subscriptions/webhook-subscriptions.use-case';
import { DeliveryTelemetry } from './infrastructure/delivery-telemetry';
import { GrpcGroupDirectory } from './infrastructure/grpc-group-directory';
import { GrpcTicketDesk } from './infrastructure/grpc-ticket-desk';
import { InboundSmtpEndpoint } from './infrastructure/inbound-smtp.endpoint';
import { SqlInboundMailStore } from './infrastructure/sql-inbound-mail.store';
import { HttpWebhookSender } from './infrastructure/http-webhook.sender';
import { SmtpEmailSender } from './infrastructure/smtp-email.sender';
import { SqlDeliveryLog } from './infrastructure/sql-delivery.log';
import { SqlDeliveryQueue } from './infrastructure/sql-delivery.queue';
import { SqlDigestStore } from './infrastructure/sql-digest.store';
import { SqlFeedStore } from './infrastructure/sql-feed.store';
import { SqlSettingsStore } from './infrastructure/sql-settings.store';
import { SqlWebhookStore } from './infrastructure/sql-webhook.store';
import { NotificationsGrpcController } from './interface/notifications.grpc-controller';
import {
  platformEventHandlers,
  SUBSCRIBABLE_EVENT_TYPES,
} from './interface/platform-events.consumer';

export interface NotificationsSettings {
  kafka: KafkaSettings;
  consumerGroup: string;
  consumerConcurrency: number;
  routingGrpcUrl: string;
  protoRoot: string | undefined;
  groupDirectoryTtlMs: number;
  smtpUrl: string;
  from: { name: string; address: string };
  replySecret: string;
  publicBaseUrl: string;
  digestIntervalMs: number;
  ticketsGrpcUrl: string;
  inbound: {
    host: string;
    port: number;
    maxMessageBytes: number;
    ticketType: 'incident' | 'service_request';
  };
  dispatch: {
    pollMs: number;
    batchSize: number;
    leaseMs: number;
    maxAttempts: number;
    retryBaseMs: number;
    retryMaxMs: number;
    webhookTimeoutMs: number;
  };
}

const CONSUMER_RETRY_MS = 2_000;
const DIGEST_LOOK_MS = 30_000;
const DIGEST_BATCH_SIZE = 100;

/** Starts the consumer and the dispatcher once everything is wired, and stops them first. */
@Injectable()
class NotificationsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(InboxSubscription) private readonly consumer: InboxSubscription,
    @Inject(DeliveryDispatcher) private readonly dispatcher: DeliveryDispatcher,
    @Inject(SmtpEmailSender) private readonly email: SmtpEmailSender,
    @Inject(InboundSmtpEndpoint) private readonly inbound: InboundSmtpEndpoint,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer.start();
    this.dispatcher.start();
    await this.inbound.start();
  }

  // Before the database and the outbox relay shut down (onApplicationShutdown).
  async beforeApplicationShutdown(): Promise<void> {
    await this.inbound.stop();
    await this.consumer.stop();
    await this.dispatcher.stop();
    this.email.close();
  }
}

/** Platform events in, email, webhooks and in-app notifications out; gRPC for settings and logs. */
@Module({})
export class NotificationsModule {
  static register(settings: NotificationsSettings): DynamicModule {
    const newId = () => uuidv7();
    return {
      module: NotificationsModule,
      controllers: [NotificationsGrpcController],
      providers: [
        {
          provide: GrpcGroupDirectory,
          useFactory: () => {
            const routing = grpcClient(settings.routingGrpcUrl, RoutingGrpcPackage, {
              protoRoot: settings.protoRoot,
            }).getService<RoutingServiceClient>(ROUTING_SERVICE_NAME);
            return new GrpcGroupDirectory(routing, systemTime, settings.groupDirectoryTtlMs);
          },
        },
        {
          provide: NotifyOnEventUseCase,
          inject: [GrpcGroupDirectory],
          useFactory: (groups: GrpcGroupDirectory) =>
            new NotifyOnEventUseCase(groups, systemTime, newId, {
              publicBaseUrl: settings.publicBaseUrl,
              mailbox: settings.from.address,
              replySecret: settings.replySecret,
              maxAttempts: settings.dispatch.maxAttempts,
            }),
        },
        {
          provide: InboxSubscription,
          inject: [DataSource, PinoLogger, NotifyOnEventUseCase, OutboxWriter],
          useFactory: (
            dataSource: DataSource,
            logger: PinoLogger,
            notify: NotifyOnEventUseCase,
            outbox: OutboxWriter,
          ) => {
            logger.setContext('PlatformEventsConsumer');
            return new InboxSubscription(
              createKafka(settings.kafka, logger),
              dataSource,
              logger,
              {
                groupId: settings.consumerGroup,
                retryMs: CONSUMER_RETRY_MS,
                describes: 'platform events',
                partitionsConsumedConcurrently: settings.consumerConcurrency,
              },
              platformEventHandlers(notify, outbox),
            );
          },
        },
        {
          provide: SmtpEmailSender,
          useFactory: () => new SmtpEmailSender(settings.smtpUrl, settings.from),
        },
        {
          provide: DeliveryDispatcher,
          inject: [DataSource, OutboxWriter, SmtpEmailSender, PinoLogger],
          useFactory: (
            dataSource: DataSource,
            outbox: OutboxWriter,
            email: SmtpEmailSender,
            logger: PinoLogger,
          ) => {
            logger.setContext('DeliveryDispatcher');
            const { dispatch } = settings;
            const useCase = new DispatchDeliveriesUseCase(
              new SqlDeliveryQueue(dataSource, outbox),
              email,
              new HttpWebhookSender(dispatch.webhookTimeoutMs),
              systemTime,
              {
                batchSize: dispatch.batchSize,
                leaseMs: dispatch.leaseMs,
                retry: { baseDelayMs: dispatch.retryBaseMs, maxDelayMs: dispatch.retryMaxMs },
              },
              new DeliveryTelemetry(),
            );
            const digests = new SendDigestsUseCase(
              new SqlDigestStore(dataSource, outbox),
              systemTime,
              newId,
              {
                intervalMs: settings.digestIntervalMs,
                batchSize: DIGEST_BATCH_SIZE,
                mailbox: settings.from.address,
                maxAttempts: dispatch.maxAttempts,
              },
            );
            return new DeliveryDispatcher(
              useCase,
              logger,
              { pollMs: dispatch.pollMs, batchSize: dispatch.batchSize },
              // Digests are due by the hour: looking once in a while is enough.
              atMostEvery(Math.min(settings.digestIntervalMs / 10, DIGEST_LOOK_MS), () =>
                digests.composeDue(),
              ),
            );
          },
        },
        {
          provide: ManageSettingsUseCase,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new ManageSettingsUseCase(new SqlSettingsStore(dataSource), settings.publicBaseUrl),
        },
        {
          provide: InAppFeedUseCase,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new InAppFeedUseCase(new SqlFeedStore(dataSource), systemTime),
        },
        {
          provide: WebhookSubscriptionsUseCase,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new WebhookSubscriptionsUseCase(
              new SqlWebhookStore(dataSource),
              new Set(SUBSCRIBABLE_EVENT_TYPES.map(({ type }) => type)),
              newId,
              (size) => randomBytes(size),
            ),
        },
        {
          provide: DeliveryLogUseCase,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new DeliveryLogUseCase(new SqlDeliveryLog(dataSource, settings.dispatch.maxAttempts)),
        },
        {
          provide: InboundSmtpEndpoint,
          inject: [DataSource, PinoLogger],
          useFactory: (dataSource: DataSource, logger: PinoLogger) => {
            logger.setContext('InboundEmail');
            const tickets = grpcClient(settings.ticketsGrpcUrl, TicketsGrpcPackage, {
              protoRoot: settings.protoRoot,
            }).getService<TicketsServiceClient>(TICKETS_SERVICE_NAME);
            const receiveEmail = new ReceiveEmailUseCase(
              new SqlInboundMailStore(dataSource),
              new GrpcTicketDesk(tickets),
              systemTime,
              logger,
              {
                replySecret: settings.replySecret,
                mailbox: settings.from.address,
                ticketType: settings.inbound.ticketType,
                senderRateLimit: DEFAULT_SENDER_RATE_LIMIT,
              },
            );
            return new InboundSmtpEndpoint(receiveEmail, logger, {
              host: settings.inbound.host,
              port: settings.inbound.port,
              mailbox: settings.from.address,
              maxMessageBytes: settings.inbound.maxMessageBytes,
            });
          },
        },
        NotificationsLifecycle,
      ],
    };
  }
}
