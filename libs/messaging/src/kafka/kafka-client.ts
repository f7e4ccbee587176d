import { Kafka, type LogEntry, logLevel, type Logger as KafkaLogger } from 'kafkajs';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
}

export interface MessagingLogger {
  error(object: object, message: string): void;
  warn(object: object, message: string): void;
  info(object: object, message: string): void;
  debug(object: object, message: string): void;
}

/** kafkajs with its log lines routed into the service's structured logger. */
export function createKafka(settings: KafkaSettings, logger: MessagingLogger): Kafka {
  const logCreator =
    () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, ...rest } = log;
      const fields = { namespace, ...rest };
      switch (level) {
        case logLevel.ERROR:
          logger.error(fields, `kafka: ${message}`);
          return;
        case logLevel.WARN:
          logger.warn(fields, `kafka: ${message}`);
          return;
        case logLevel.INFO:
          logger.info(fields, `kafka: ${message}`);
          return;
        case logLevel.DEBUG:
        case logLevel.NOTHING:
          logger.debug(fields, `kafka: ${message}`);
          return;
      }
    };
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    logCreator,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { initialRetryTime: 200, retries: 3, maxRetryTime: 3000 },
  });
}

export type { KafkaLogger };
