import { type Kafka, type Message, Partitioners, type Producer } from 'kafkajs';
import { DEFAULT_PARTITIONS, ensureTopics } from './topics';

export interface OutboundMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** Publishes a batch durably (all in-sync replicas) or throws. */
export interface EventPublisher {
  publish(messages: OutboundMessage[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * kafkajs producer with acks=all, one request in flight (order kept under retries) and the
 * Java client's murmur2 partitioner (a key lands on the same partition as with any Java
 * producer). Delivery is at least once: after a failed batch the relay sends it again, and
 * consumers drop repeats by event id. Connects lazily and reconnects after a failure, so a
 * broker outage only delays events.
 */
export class KafkaEventPublisher implements EventPublisher {
  private producer: Producer | undefined;
  private readonly ensuredTopics = new Set<string>();

  constructor(private readonly kafka: Kafka) {}

  async publish(messages: OutboundMessage[]): Promise<void> {
    if (messages.length === 0) return;
    try {
      const producer = await this.connectedProducer();
      await this.ensureTopics(messages);
      const byTopic = new Map<string, Message[]>();
      for (const message of messages) {
        const topicMessages = byTopic.get(message.topic) ?? [];
        topicMessages.push({ key: message.key, value: message.value, headers: message.headers });
        byTopic.set(message.topic, topicMessages);
      }
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, topicMessages]) => ({
          topic,
          messages: topicMessages,
        })),
      });
    } catch (error) {
      await this.reset();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.reset();
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.kafka.producer({
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    this.producer = producer;
    return producer;
  }

  private async ensureTopics(messages: OutboundMessage[]): Promise<void> {
    const unknown = [...new Set(messages.map(({ topic }) => topic))].filter(
      (topic) => !this.ensuredTopics.has(topic),
    );
    if (unknown.length === 0) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(
        admin,
        unknown.map((topic) => ({ topic, numPartitions: DEFAULT_PARTITIONS })),
      );
    } finally {
      await admin.disconnect();
    }
    unknown.forEach((topic) => this.ensuredTopics.add(topic));
  }

  private async reset(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }
}
