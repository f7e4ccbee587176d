/**
 * A versioned event contract: the Kafka topic it travels on, its CloudEvents `type`,
 * and the proto-JSON codec of its payload. Producers and consumers take an `EventType<T>`,
 * so a payload of the wrong shape does not compile.
 */
export interface EventType<T> {
  readonly topic: string;
  readonly type: string;
  toJson(payload: T): unknown;
  /** Decodes a JSON value; throws when it is not a valid payload of this type. */
  fromJson(json: unknown): T;
}

export interface ProtoJsonCodec<T> {
  toJSON(message: T): unknown;
  fromJSON(object: unknown): T;
}

export interface EventTypeDefinition<T> {
  topic: string;
  type: string;
  codec: ProtoJsonCodec<T>;
  /** Rejects payloads that decode but miss what every consumer relies on. */
  validate: (payload: T) => string[];
}

export class InvalidEventPayloadError extends Error {
  constructor(
    readonly eventType: string,
    readonly problems: string[],
  ) {
    super(`invalid ${eventType} payload: ${problems.join('; ')}`);
    this.name = 'InvalidEventPayloadError';
  }
}

export function defineEventType<T>(definition: EventTypeDefinition<T>): EventType<T> {
  return {
    topic: definition.topic,
    type: definition.type,
    toJson: (payload) => definition.codec.toJSON(payload),
    fromJson: (json) => {
      if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new InvalidEventPayloadError(definition.type, ['payload is not a JSON object']);
      }
      const payload = definition.codec.fromJSON(json);
      const problems = definition.validate(payload);
      if (problems.length > 0) throw new InvalidEventPayloadError(definition.type, problems);
      return payload;
    },
  };
}
