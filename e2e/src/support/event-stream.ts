import { eventually } from '@itsm/testing';
import type { AuthHeaders } from './api-session';

/** One event of a `text/event-stream`. */
export interface ServerSentEvent {
  /** `message` unless the stream named it. */
  event: string;
  id?: string;
  data: string;
}

/**
 * Reads the `text/event-stream` format (HTML Living Standard, "Server-sent events"): fed
 * chunks as they arrive, it returns the events they complete.
 */
export class EventStreamParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private id: string | undefined;

  feed(chunk: string): ServerSentEvent[] {
    this.buffer += chunk;
    const events: ServerSentEvent[] = [];
    for (;;) {
      const end = this.buffer.search(/\r\n|\r|\n/);
      // A lone \r at the end may be the first half of \r\n: wait for the next chunk.
      if (end < 0 || (this.buffer[end] === '\r' && end === this.buffer.length - 1)) break;
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + (this.buffer.startsWith('\r\n', end) ? 2 : 1));
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  private line(line: string): ServerSentEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    return undefined;
  }

  private dispatch(): ServerSentEvent | undefined {
    const event =
      this.data.length === 0
        ? undefined
        : {
            event: this.event || 'message',
            data: this.data.join('\n'),
            ...(this.id === undefined ? {} : { id: this.id }),
          };
    this.event = '';
    this.data = [];
    return event;
  }
}

/** A `GET` of an event stream as one caller, read in the background until closed. */
export class EventStreamSubscription {
  /** Every event received so far, in order. */
  readonly events: ServerSentEvent[] = [];
  private failure: unknown;
  private reading: Promise<void> = Promise.resolve();

  private constructor(
    private readonly name: string,
    private readonly abort: AbortController,
  ) {}

  static async open(
    name: string,
    url: string,
    auth: AuthHeaders,
  ): Promise<EventStreamSubscription> {
    const subscription = new EventStreamSubscription(name, new AbortController());
    const response = await fetch(url, {
      headers: { ...auth, accept: 'text/event-stream' },
      signal: subscription.abort.signal,
    });
    const contentType = response.headers.get('content-type') ?? '';
    if (response.status !== 200 || !contentType.startsWith('text/event-stream') || !response.body)
      throw new Error(
        `${name}: GET ${url} answered ${response.status} ${contentType}: ${await response.text()}`,
      );
    subscription.reading = subscription.read(response.body);
    return subscription;
  }

  /** The gateway's live stream (`/api/v1/events`) as one caller, once it says `ready`. */
  static async live(
    name: string,
    gatewayUrl: string,
    auth: AuthHeaders,
  ): Promise<EventStreamSubscription> {
    const stream = await EventStreamSubscription.open(name, `${gatewayUrl}/api/v1/events`, auth);
    try {
      await stream.next('ready', 'ready');
    } catch (error) {
      await stream.close();
      throw error;
    }
    return stream;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const parser = new EventStreamParser();
    const decoder = new TextDecoder();
    try {
      for await (const chunk of body)
        this.events.push(...parser.feed(decoder.decode(chunk, { stream: true })));
    } catch (error) {
      if (!this.abort.signal.aborted) this.failure = error;
    }
  }

  /** The JSON data of the events named `event` that match, in order. */
  dataOf<T>(event: string, matches: (data: T) => boolean = () => true): T[] {
    return this.events
      .filter((received) => received.event === event)
      .map((received) => JSON.parse(received.data) as T)
      .filter(matches);
  }

  /** Waits for an event named `event` whose JSON data matches; the first such. */
  async next<T>(
    description: string,
    event: string,
    matches: (data: T) => boolean = () => true,
  ): Promise<T> {
    return eventually(`${this.name} to receive ${description}`, () => {
      if (this.failure) throw this.failure;
      return this.dataOf<T>(event, matches)[0];
    });
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.reading;
  }
}
