import {
  type DynamicModule,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { KafkaEventPublisher } from '../kafka/event-publisher';
import { createKafka, type KafkaSettings } from '../kafka/kafka-client';
import { OutboxMetrics } from './outbox-metrics';
import { defaultOutboxRelayOptions, OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';

export interface OutboxModuleOptions {
  /** CloudEvents source of this service, e.g. `/itsm/tickets`. */
  source: string;
  kafka: KafkaSettings;
  relay?: Partial<OutboxRelayOptions>;
}

@Injectable()
class OutboxRelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly relay: OutboxRelay) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

/** The transactional outbox of a service: the writer for use cases and the relay to Kafka. */
@Module({})
export class OutboxModule {
  static forRoot(options: OutboxModuleOptions): DynamicModule {
    return {
      module: OutboxModule,
      global: true,
      providers: [
        { provide: OutboxWriter, useValue: new OutboxWriter(options.source) },
        {
          provide: OutboxRelay,
          inject: [DataSource, PinoLogger],
          useFactory: (dataSource: DataSource, logger: PinoLogger) => {
            logger.setContext('OutboxRelay');
            const publisher = new KafkaEventPublisher(createKafka(options.kafka, logger));
            return new OutboxRelay(
              dataSource,
              publisher,
              logger,
              { ...defaultOutboxRelayOptions, ...options.relay },
              new OutboxMetrics(dataSource),
            );
          },
        },
        OutboxRelayLifecycle,
      ],
      exports: [OutboxWriter, OutboxRelay],
    };
  }
}
