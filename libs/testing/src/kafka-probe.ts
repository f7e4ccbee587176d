import { randomBytes } from 'node:crypto';
import { type Consumer, type IHeaders, Kafka, logLevel } from 'kafkajs';
import { eventually } from './eventually';
import { testEnvironment } from './test-environment';

export interface ObservedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | undefined;
  headers: Record<string, string>;
  value: unknown;
  /** When the probe received it: for latency checks such as "within 1 s of its instant". */
  receivedAt: Date;
}

function headersAsText(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) text[name] = first.toString();
  }
  return text;
}

const PROBED_TOPIC_PARTITIONS = 6;

export function testKafka(clientId = 'itsm-tests'): Kafka {
  return new Kafka({
    clientId,
    brokers: testEnvironment().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
}

/**
 * Reads a topic from the beginning in a consumer group of its own and keeps every
 * message, so a test can wait for the events it caused (filtering by key or id).
 */
export class KafkaProbe {
  readonly messages: ObservedMessage[] = [];
  private constructor(private readonly consumer: Consumer) {}

  static async start(topic: string): Promise<KafkaProbe> {
    const kafka = testKafka();
    const admin = kafka.admin();
    await admin.connect();
    try {
      // Subscribing needs the topic; the platform would create it on its first publish. The
      // consumer waits for its leaders itself: kafkajs's createTopics wait gives up when a fresh
      // broker does not know the topic yet, and a service may create it at the same moment.
      if (!(await admin.listTopics()).includes(topic)) {
        await admin
          .createTopics({
            waitForLeaders: false,
            topics: [{ topic, numPartitions: PROBED_TOPIC_PARTITIONS }],
          })
          .catch((error: unknown) => {
            if ((error as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw error;
          });
      }
    } finally {
      await admin.disconnect();
    }
    const consumer = kafka.consumer({
      groupId: `itsm-test-probe-${randomBytes(6).toString('hex')}`,
    });
    const probe = new KafkaProbe(consumer);
    try {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
    } catch (error) {
      await consumer.disconnect();
      throw error;
    }
    await consumer.run({
      eachMessage: async ({ topic: from, partition, message }) => {
        probe.messages.push({
          topic: from,
          partition,
          offset: message.offset,
          key: message.key?.toString(),
          headers: headersAsText(message.headers),
          value: message.value ? (JSON.parse(message.value.toString()) as unknown) : undefined,
          receivedAt: new Date(),
        });
      },
    });
    return probe;
  }

  /** Waits until `count` messages with this key arrived. */
  async waitForKey(
    key: string,
    { count = 1, timeoutMs = 30_000 } = {},
  ): Promise<ObservedMessage[]> {
    return eventually(
      `${count} message(s) with key ${key}`,
      () => {
        const found = this.messages.filter((message) => message.key === key);
        return found.length >= count ? found : undefined;
      },
      { timeoutMs },
    );
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
